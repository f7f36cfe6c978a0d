// The live board of one assessment: the matrix, the session's round and people, the facilitator's controls and
// the live changes. Every push leads to a fresh read of the server's board or session; nothing is computed here.
import { announce, h, replace } from "../dom.js";
import { get } from "../api.js";
import { isFacilitator, isReviewer, me } from "../auth.js";
import { setQuery } from "../app.js";
import { LiveBoard } from "../live.js";
import { entryFromPush } from "../describe.js";
import { assessmentHead } from "../board/assessment-head.js";
import { cellKey, renderBoard } from "../board/board-table.js";
import { exportButtons } from "../board/export-buttons.js";
import { redraw } from "../board/keep-focus.js";
import { presenceList } from "../board/presence.js";
import { currentRound, roundPanel } from "../board/round-panel.js";
import { facilitatorPanel } from "../board/facilitator-panel.js";
import { activityFeed } from "../board/activity-feed.js";
import { openRatingDialog } from "../board/rating-dialog.js";
import { openVerdictDialog } from "../board/verdict-dialog.js";
import { hideConnection, showConnection } from "../board/connection-banner.js";

/** Runs a read again when asked while it runs, once, so a burst of pushes costs at most two reads. */
function coalesced(read) {
  let running = null;
  let again = false;
  return function run() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await read();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}

/** The board cells a change touched, to flash them. */
function touchedKeys(entry) {
  if (!entry.areaId) return [];
  if (entry.field === "rating" || entry.field === "joint") return [cellKey(entry.areaId, entry.factor)];
  if (entry.field === "verdict") return [cellKey(entry.areaId, "overall")];
  return [cellKey(entry.areaId, "area")];
}

export async function render(main, { assessmentId, query }) {
  const who = me();
  const base = `/api/assessments/${assessmentId}`;
  const state = { board: null, sessions: [], session: null, recent: new Set() };
  replace(main, h("p", { role: "status" }, "Loading the board…"));

  [state.board, state.sessions] = await Promise.all([get(base), get(`${base}/sessions`)]);
  const wanted = query.get("session") ?? state.sessions.find((s) => !s.closed)?.id ?? null;
  state.session = wanted ? await get(`/api/sessions/${wanted}`) : null;

  const head = h("div");
  const boardSlot = h("section", { class: "board-main", "aria-label": "Board" });
  const sessionSlot = h("div");
  const roundSlot = h("div");
  const feed = activityFeed();
  const facilitator = isFacilitator(who) ? facilitatorPanel({ state: () => state, selectSession: (id) => selectSession(id) }) : null;

  const reloadBoard = coalesced(async () => {
    state.board = await get(base);
    drawBoard();
  });
  const reloadSession = coalesced(async () => {
    if (!state.session) return;
    state.session = await get(`/api/sessions/${state.session.id}`);
    drawSession();
  });

  const live = new LiveBoard(assessmentId, {
    onChanges(items) {
      const entries = items.map((item) => item.entry ?? entryFromPush(item.push, state.board));
      feed.add(entries);
      state.recent = new Set(entries.flatMap(touchedKeys));
      announce(entries.length === 1 ? "The board changed." : `${entries.length} changes arrived.`);
      reloadBoard();
    },
    onSession(name, message) {
      if (message.sessionId !== state.session?.id) return;
      if (name === "RoundRevealed") announce("The round was revealed.");
      if (name === "RoundOpened") announce("A new round is open.");
      reloadSession();
    },
    onStatus(status, detail) {
      showConnection(status, detail);
      if (status === "connected" && detail && !detail.first) {
        reloadBoard();
        reloadSession();
      }
    },
  }, state.board.version);
  live.sessionId = state.session?.id ?? null;

  async function selectSession(id) {
    state.sessions = await get(`${base}/sessions`);
    state.session = id ? await get(`/api/sessions/${id}`) : null;
    setQuery({ session: id });
    await live.joinSession(id);
    drawSession();
  }

  const canRate = () => isReviewer(who) || isFacilitator(who);

  function rate(area, factor, button) {
    openRatingDialog({
      board: state.board, area, factor, who,
      round: currentRound(state.session),
      reload: async () => { await reloadBoard(); return state.board; },
      historyHref: `#/assessments/${assessmentId}/history?area=${area.id}&factor=${factor.key}`,
      returnFocus: button,
    });
  }

  // The board filter "Priority areas": the study's "Priority areas for further analysis" table, kept in the address.
  let prioritiesOnly = query.get("filter") === "priorities";
  const filterButton = () => h("button", {
    type: "button", class: "secondary", "aria-pressed": String(prioritiesOnly), dataset: { focusKey: "filter-priorities" },
    onclick: () => {
      prioritiesOnly = !prioritiesOnly;
      setQuery({ filter: prioritiesOnly ? "priorities" : null });
      drawBoard();
    },
  }, "Priority areas");

  function drawBoard() {
    redraw(head, () => assessmentHead(state.board, "", { extra: [filterButton(), exportButtons(assessmentId)] }));
    const round = currentRound(state.session);
    redraw(boardSlot, () => renderBoard(state.board, {
      canRate: canRate,
      rateLabel: isFacilitator(who) ? "Record the joint rating" : "Rate",
      onRate: rate,
      canDecide: isFacilitator(who),
      onVerdict: (area, button) => openVerdictDialog({
        board: state.board, area, returnFocus: button,
        sessionId: state.session && !state.session.closed ? state.session.id : null,
        reload: async () => { await reloadBoard(); return state.board; },
      }),
      recent: state.recent,
      roundAreaId: round?.status === "voting" ? round.areaId : null,
      roundFactors: round?.factors,
      historyHref: (area) => `#/assessments/${assessmentId}/history?area=${area.id}`,
      prioritiesOnly,
      caption: prioritiesOnly ? `Priority areas for further analysis, at version ${state.board.version}` : undefined,
    }));
    facilitator?.update();
    if (state.session) drawSession();
  }

  function drawSession() {
    const session = state.session;
    redraw(sessionSlot, () => session
      ? [h("p", { class: "session-title" }, "Session: ", h("strong", {}, session.title), session.closed ? " (closed)" : ""), presenceList(session)]
      : h("p", { class: "muted" }, isFacilitator(who) ? "No session is open. Open one to run rounds and see who is here." : "You are not in a session of this assessment yet."));
    redraw(roundSlot, () => session && roundPanel({ session, board: state.board, who, onRate: rate }));
    facilitator?.update();
  }

  replace(main,
    head,
    h("div", { class: "board-layout" },
      boardSlot,
      h("aside", { class: "side no-print", "aria-label": "Workshop" }, sessionSlot, roundSlot, facilitator?.el, feed.el)));
  drawBoard();
  drawSession();
  await live.start();

  return async () => {
    hideConnection();
    await live.stop();
  };
}
