// The audit trail of a cell or an area: who (name, org, role), when, before -> after, and why.
import { h, formatTime, orgName, replace, title, uid } from "../dom.js";
import { get } from "../api.js";
import { setQuery } from "../app.js";
import { assessmentHead } from "../board/assessment-head.js";
import { valueText, what } from "../describe.js";

export async function render(main, { assessmentId, query }) {
  const base = `/api/assessments/${assessmentId}`;
  const board = await get(base);

  const areaId = uid("area");
  const factorId = uid("factor");
  const areaSelect = h("select", { id: areaId, name: "area" },
    h("option", { value: "" }, "All areas"),
    board.areas.map((a) => h("option", { value: a.id, selected: a.id === query.get("area") }, a.name)));
  const factorSelect = h("select", { id: factorId, name: "factor" },
    h("option", { value: "" }, "All factors and fields"),
    board.factors.map((f) => h("option", { value: f.key, selected: f.key === query.get("factor") }, title(f.key))));
  const results = h("div", { "aria-live": "polite" });

  async function load() {
    setQuery({ area: areaSelect.value, factor: factorSelect.value });
    replace(results, h("p", { role: "status" }, "Loading…"));
    try {
      const entries = await get(`${base}/history`, { areaId: areaSelect.value, factor: factorSelect.value });
      replace(results, entries.length === 0 ? h("p", {}, "Nothing has changed here yet.") : table(entries.slice().reverse()));
    } catch (error) {
      replace(results, h("p", { class: "alert", role: "alert" }, error.message));
    }
  }
  areaSelect.addEventListener("change", load);
  factorSelect.addEventListener("change", load);

  replace(main,
    assessmentHead(board, "history"),
    h("h2", {}, "History"),
    h("form", { class: "filters", onsubmit: (e) => e.preventDefault() },
      h("div", { class: "field" }, h("label", { for: areaId }, "Area"), areaSelect),
      h("div", { class: "field" }, h("label", { for: factorId }, "Factor"), factorSelect)),
    results);
  await load();
  return null;
}

function table(entries) {
  return h("table", { class: "list history" },
    h("caption", { class: "visually-hidden" }, "Changes, newest first"),
    h("thead", {}, h("tr", {}, ["Version", "When", "Who", "What", "Before → after", "Rationale"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, entries.map((e) => h("tr", { dataset: { version: String(e.version), field: e.field } },
      h("td", { class: "num" }, e.version),
      h("td", {}, formatTime(e.at)),
      h("td", {}, e.actor ? [h("span", {}, e.actor.name), " ", h("span", { class: `org-badge org-${e.actor.org}` }, `${orgName(e.actor.org)} ${e.actor.role}`)] : "–"),
      h("td", {}, what(e)),
      h("td", { class: "change" }, h("span", { class: "before" }, valueText(e.field, e.before)), " → ", h("strong", { class: "after" }, valueText(e.field, e.after))),
      h("td", { class: "rationale" }, e.rationale ?? "")))));
}
