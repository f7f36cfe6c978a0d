import { h, replace } from "../dom.js";
import { get } from "../api.js";
import { isFacilitator, me } from "../auth.js";
import { statusBadge } from "../board/assessment-head.js";
import { newAssessmentForm } from "./new-assessment.js";

export async function render(main) {
  replace(main, h("h1", {}, "Assessments"), h("p", { role: "status" }, "Loading…"));
  let assessments;
  try {
    assessments = await get("/api/assessments");
  } catch (error) {
    replace(main, h("h1", {}, "Assessments"), h("p", { class: "alert", role: "alert" }, error.message));
    return;
  }

  const formSlot = h("div");
  const newButton = isFacilitator(me()) && h("button", {
    type: "button", class: "primary", "aria-expanded": "false", "aria-controls": "new-assessment",
    onclick: async () => {
      if (newButton.getAttribute("aria-expanded") === "true") return;
      newButton.setAttribute("aria-expanded", "true");
      const close = () => {
        formSlot.replaceChildren();
        newButton.setAttribute("aria-expanded", "false");
        newButton.focus();
      };
      try {
        replace(formSlot, await newAssessmentForm({ onCancel: close }));
        formSlot.querySelector("input")?.focus();
      } catch (error) {
        replace(formSlot, h("p", { class: "alert", role: "alert" }, error.message));
      }
    },
  }, "New assessment");
  formSlot.id = "new-assessment";

  replace(main,
    h("div", { class: "page-head-row" }, h("h1", {}, "Assessments"), newButton),
    formSlot,
    h("table", { class: "list" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Assessment"), h("th", { scope: "col" }, "Status"), h("th", { scope: "col" }, "Phase"), h("th", { scope: "col" }, "Version"))),
      h("tbody", {}, assessments.map((a) => h("tr", { dataset: { assessment: a.id } },
        h("td", {}, h("a", { href: `#/assessments/${a.id}` }, a.title)),
        h("td", {}, statusBadge(a.status)),
        h("td", {}, a.currentPhaseName ?? a.currentPhase ?? "–"),
        h("td", { class: "num" }, a.version))))));
}
