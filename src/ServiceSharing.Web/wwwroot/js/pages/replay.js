// The board exactly as it stood at any version, read-only, rebuilt by the server from the events up to there.
import { h, replace } from "../dom.js";
import { get } from "../api.js";
import { setQuery } from "../app.js";
import { assessmentHead } from "../board/assessment-head.js";
import { renderBoard } from "../board/board-table.js";
import { exportButtons } from "../board/export-buttons.js";
import { loadTimeline, scrubber } from "../board/scrubber.js";

export async function render(main, { assessmentId, query }) {
  const base = `/api/assessments/${assessmentId}`;
  const { latest, snapshots, entries } = await loadTimeline(base);

  const named = snapshots.find((s) => s.label === query.get("snapshot"));
  let version = named?.version ?? Number(query.get("version") ?? latest.version);
  const head = h("div");
  const boardSlot = h("section", { class: "board-main", "aria-label": "Board at this point" });
  const links = h("p", { class: "replay-links no-print" });
  let request = 0;

  async function show(v) {
    version = v;
    setQuery({ version: v, snapshot: null });
    const mine = ++request;
    const board = await get(base, { version: v });
    if (mine !== request) return; // a later position was asked for meanwhile
    const snap = snapshots.find((s) => s.version === v);
    replace(head, assessmentHead(board, "replay", {
      subtitle: `Replay: version ${v} of ${latest.version}${snap ? ` (snapshot “${snap.label}”)` : ""}`,
      extra: exportButtons(assessmentId, () => ({ version })),
    }));
    replace(boardSlot, renderBoard(board, { caption: `Board as it stood at version ${v}` }));
    boardSlot.dataset.replayVersion = String(v);
    replace(links,
      h("a", { href: `#/assessments/${assessmentId}/agreement?version=${v}` }, "Agreement at this point"), " · ",
      h("a", { href: `#/assessments/${assessmentId}/compare?from=${v}&to=${latest.version}` }, "Compare this point with now"));
  }

  const timeline = scrubber({ max: latest.version, value: version, snapshots, entries, onChange: show });
  replace(main, head, timeline.el, links, h("p", { class: "readonly-note no-print" }, "Read-only: this is the board as it stood then."), boardSlot);
  await show(version);
  return () => timeline.stop();
}
