// Two points of the assessment (snapshots or versions): the board at the later one with every changed cell
// marked, and for each change what it was, what it became, and the changes with rationales in between (GET /diff).
import { h, formatTime, orgName, replace, title, uid } from "../dom.js";
import { get } from "../api.js";
import { setQuery } from "../app.js";
import { assessmentHead } from "../board/assessment-head.js";
import { cellKey, renderBoard } from "../board/board-table.js";
import { valueText, who } from "../describe.js";

/** "ratings.similarity.city" -> the board cell it lives in, and words for it. */
function locate(change) {
  const rating = /^ratings\.(\w+)\.(\w+)$/.exec(change.field);
  if (rating) return { key: cellKey(change.areaId, rating[1]), words: `${title(rating[1])} (${rating[2] === "joint" ? "joint" : orgName(rating[2])})`, kind: rating[2] === "joint" ? "joint" : "rating" };
  if (change.field === "verdict") return { key: cellKey(change.areaId, "overall"), words: "Overall", kind: "plain" };
  if (change.field === "nextSteps") return { key: cellKey(change.areaId, "nextSteps"), words: "Next steps", kind: "plain" };
  if (change.field === "priority") return { key: cellKey(change.areaId, "area"), words: "Priority", kind: "priority" };
  return { key: cellKey(change.areaId, "area"), words: title(change.field), kind: "plain" };
}

const shown = (kind, value) => (kind === "plain" ? (value === null || value === undefined || value === "" ? "none" : String(value)) : valueText(kind, value));

export async function render(main, { assessmentId, query }) {
  const base = `/api/assessments/${assessmentId}`;
  const [latest, snapshots] = await Promise.all([get(base), get(`${base}/snapshots`)]);

  const listId = uid("points");
  const point = (name, label, value) => {
    const id = uid(name);
    return h("div", { class: "field" },
      h("label", { for: id }, label),
      h("input", { id, name, type: "text", list: listId, value, required: true, "aria-describedby": `${listId}-hint` }));
  };
  const form = h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); load(); } },
    point("from", "From", query.get("from") ?? snapshots[0]?.label ?? "1"),
    point("to", "To", query.get("to") ?? String(latest.version)),
    h("datalist", { id: listId }, snapshots.map((s) => h("option", { value: s.label }, `version ${s.version}`)), h("option", { value: String(latest.version) }, "now")),
    h("button", { type: "submit", class: "primary" }, "Compare"),
    h("p", { class: "hint", id: `${listId}-hint` }, `A snapshot name (${snapshots.map((s) => s.label).join(", ") || "none yet"}) or a version number from 1 to ${latest.version}.`));
  const results = h("div", { class: "compare-results" });

  async function load() {
    const from = form.elements.from.value.trim();
    const to = form.elements.to.value.trim();
    setQuery({ from, to });
    replace(results, h("p", { role: "status" }, "Comparing…"));
    try {
      const toPoint = /^\d+$/.test(to) ? { version: to } : { snapshot: to };
      const [changes, board] = await Promise.all([get(`${base}/diff`, { from, to }), get(base, toPoint)]);
      const located = changes.map((c) => ({ ...c, ...locate(c) }));
      const highlight = new Set(located.map((c) => c.key));
      replace(results,
        h("p", { class: "summary", role: "status" }, `${changes.length} ${changes.length === 1 ? "cell" : "cells"} changed from ${from} to ${to}.`),
        renderBoard(board, { highlight, caption: `Board at ${to}, changed cells marked` }),
        h("h2", {}, "Changes"),
        located.length === 0 ? h("p", {}, "Nothing changed between these points.") :
          h("ul", { class: "changes" }, located.map((c) => h("li", { dataset: { change: `${c.area}:${c.field}` } },
            h("p", {}, h("strong", {}, `${c.area} · ${c.words}: `), h("span", { class: "before" }, shown(c.kind, c.before)), " → ", h("strong", { class: "after" }, shown(c.kind, c.after))),
            c.changes.length > 0 && h("ol", { class: "between" }, c.changes.map((e) => h("li", {},
              `v${e.version} · ${formatTime(e.at)} · ${who(e.actor)}`,
              e.rationale && h("span", { class: "rationale" }, ` – “${e.rationale}”`))))))));
    } catch (error) {
      replace(results, h("p", { class: "alert", role: "alert" }, error.message));
    }
  }

  replace(main, assessmentHead(latest, "compare"), h("h2", {}, "Compare two points"), form, results);
  await load();
  return null;
}
