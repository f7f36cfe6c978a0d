import { h, replace } from "../dom.js";
import { get } from "../api.js";
import { statusBadge } from "../board/assessment-head.js";

export async function render(main) {
  replace(main, h("h1", {}, "Assessments"), h("p", { role: "status" }, "Loading…"));
  let assessments;
  try {
    assessments = await get("/api/assessments");
  } catch (error) {
    replace(main, h("h1", {}, "Assessments"), h("p", { class: "alert", role: "alert" }, error.message));
    return;
  }

  replace(main,
    h("h1", {}, "Assessments"),
    h("table", { class: "list" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Assessment"), h("th", { scope: "col" }, "Status"), h("th", { scope: "col" }, "Phase"), h("th", { scope: "col" }, "Version"))),
      h("tbody", {}, assessments.map((a) => h("tr", { dataset: { assessment: a.id } },
        h("td", {}, h("a", { href: `#/assessments/${a.id}` }, a.title)),
        h("td", {}, statusBadge(a.status)),
        h("td", {}, a.currentPhaseName ?? a.currentPhase ?? "–"),
        h("td", { class: "num" }, a.version))))));
}
