// The latest changes of the board in plain words, newest first: pushes as they arrive, and what a catch-up
// from history brought after a gap or a reconnect.
import { h, formatTime } from "../dom.js";
import { sentence } from "../describe.js";

const KEEP = 40;

export function activityFeed() {
  const list = h("ol", { class: "feed", reversed: true });
  const el = h("section", { class: "panel activity no-print", "aria-label": "Live changes" },
    h("h2", {}, "Live changes"), list, h("p", { class: "muted empty" }, "Changes made during this visit appear here."));
  return {
    el,
    add(entries) {
      el.querySelector(".empty")?.remove();
      for (const entry of entries) {
        list.prepend(h("li", { dataset: { version: String(entry.version) } },
          h("span", { class: "feed-meta" }, `v${entry.version} · ${formatTime(entry.at)}`),
          h("span", {}, sentence(entry)),
          entry.rationale && h("span", { class: "rationale" }, `“${entry.rationale}”`)));
      }
      while (list.children.length > KEEP) list.lastElementChild.remove();
    },
  };
}
