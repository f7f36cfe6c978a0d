// The header every page of one assessment shares: title, status and phase, and the tabs between its views.
import { h } from "../dom.js";
import { isFacilitator, isReviewer, me } from "../auth.js";

const everyone = () => true;
const facilitators = (who) => isFacilitator(who);
const raters = (who) => isFacilitator(who) || isReviewer(who);

// [path, label, who sees the tab]: a tab is shown only to those whose role may use what is behind it.
const TABS = [
  ["", "Board", everyone],
  ["history", "History", everyone],
  ["replay", "Replay", everyone],
  ["compare", "Compare", everyone],
  ["agreement", "Agreement", everyone],
  ["phases", "Phases", everyone],
  ["areas", "Areas", facilitators],
  ["decision-model", "Decision model", facilitators],
  ["calibration", "Calibration", raters],
  ["projector", "Projector", everyone],
];

export function statusBadge(status) {
  const words = { active: "Active", "on-hold": "On hold", completed: "Completed" }[status] ?? status;
  return h("span", { class: `status status-${status}`, dataset: { status } }, words);
}

export function assessmentHead(board, current, { extra, subtitle } = {}) {
  return h("header", { class: "page-head" },
    h("div", { class: "page-title" },
      h("h1", {}, board.title),
      h("p", { class: "meta" },
        statusBadge(board.status),
        h("span", {}, board.currentPhaseName ?? "No phase started"),
        h("span", { dataset: { boardVersion: board.version } }, subtitle ?? `Version ${board.version}`))),
    extra && h("div", { class: "page-actions no-print" }, extra),
    h("nav", { class: "tabs no-print", "aria-label": "Views of this assessment" },
      TABS.filter(([, , shows]) => shows(me())).map(([path, label]) => h("a", {
        href: `#/assessments/${board.id}${path ? `/${path}` : ""}`,
        "aria-current": path === current ? "page" : null,
      }, label))));
}
