// The study's phases as their events tell them: when each started and ended, its status, and the snapshot named
// after it (the board as the phase left it, open in Replay).
import { h, replace } from "../dom.js";
import { get } from "../api.js";
import { assessmentHead, statusBadge } from "../board/assessment-head.js";

const dateText = (iso) => new Date(iso).toLocaleDateString("en-US", { dateStyle: "long" });

function dates(phase) {
  return phase.endedAt ? `${dateText(phase.startedAt)} – ${dateText(phase.endedAt)}` : `${dateText(phase.startedAt)} – now`;
}

function lastWord(phase) {
  return phase.steps.findLast((s) => s.rationale)?.rationale ?? "";
}

export async function render(main, { assessmentId }) {
  const base = `/api/assessments/${assessmentId}`;
  const [board, phases] = await Promise.all([get(base), get(`${base}/phases`)]);

  const table = phases.length === 0
    ? h("p", {}, "No phase has been started yet.")
    : h("table", { class: "list phases" },
        h("caption", { class: "visually-hidden" }, "Phases, first to last"),
        h("thead", {}, h("tr", {}, ["Phase", "Dates", "Status", "Snapshot", "Note"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, phases.map((p) => h("tr", { dataset: { phase: p.phase } },
          h("th", { scope: "row" }, p.name, h("span", { class: "muted" }, ` (${p.phase})`)),
          h("td", { dataset: { dates: "" } }, dates(p)),
          h("td", {}, statusBadge(p.status)),
          h("td", {}, p.snapshot
            ? h("a", { href: `#/assessments/${assessmentId}/replay?snapshot=${encodeURIComponent(p.snapshot.label)}`, dataset: { snapshot: p.snapshot.label } },
                `“${p.snapshot.label}”`, h("span", { class: "visually-hidden" }, ` (the board as ${p.name} left it)`), `, version ${p.snapshot.version}`)
            : h("span", { class: "muted" }, "none")),
          h("td", { class: "rationale" }, lastWord(p))))));

  replace(main,
    assessmentHead(board, "phases"),
    h("h2", {}, "Phases"),
    table,
    h("p", {}, h("a", { href: `#/assessments/${assessmentId}?filter=priorities` }, "Priority areas for further analysis")));
  return null;
}
