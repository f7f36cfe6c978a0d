// The header every page of one assessment shares: title, status and phase, and the tabs between its views.
import { h } from "../dom.js";

const TABS = [
  ["", "Board"],
  ["history", "History"],
  ["replay", "Replay"],
  ["compare", "Compare"],
  ["agreement", "Agreement"],
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
      TABS.map(([path, label]) => h("a", {
        href: `#/assessments/${board.id}${path ? `/${path}` : ""}`,
        "aria-current": path === current ? "page" : null,
      }, label))));
}
