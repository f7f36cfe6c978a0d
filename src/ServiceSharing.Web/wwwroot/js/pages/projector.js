// The projector: a read-only live board for the wall. Every area on one screen (1920x1080) in type meant for the back
// of the room, and beside it the round in progress and who has rated (never a hidden score: the server sends none).
// It follows the same pushes as the board and reads the server again after each.
import { h, replace, scoreText, title } from "../dom.js";
import { get } from "../api.js";
import { LiveBoard } from "../live.js";
import { harveyBall, scaleWord } from "../harvey.js";
import { sideNames } from "../board/board-table.js";
import { currentRound } from "../board/round-panel.js";
import { hideConnection, showConnection } from "../board/connection-banner.js";

function sideValue(side, label, value) {
  return h("span", { class: `pj-side pj-${side}`, dataset: { side } },
    h("span", { class: "pj-side-name" }, label),
    h("span", { class: "pj-ball" }, harveyBall(value, { size: 30, className: `ball-${side}` }),
      h("span", { class: "pj-score" }, scoreText(value)),
      h("span", { class: "visually-hidden" }, value === null ? " not rated" : ` of 4, ${scaleWord(value)}`)));
}

function matrix(board, round) {
  const names = sideNames(board);
  const short = { city: names.city, county: names.county, joint: "Joint" };
  return h("table", { class: "pj-board", "aria-label": `${board.title}, version ${board.version}` },
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Area"),
      board.factors.map((f) => h("th", { scope: "col" }, title(f.key))),
      h("th", { scope: "col" }, "Overall"))),
    h("tbody", {}, board.areas.map((area) => h("tr", {
      dataset: { area: area.name }, class: [area.priority && "is-priority", round?.areaId === area.id && "pj-in-round"].filter(Boolean).join(" "),
    },
      h("th", { scope: "row" }, area.priority && h("span", { class: "pj-star", title: "Priority" }, "★ "), area.name,
        area.priority && h("span", { class: "visually-hidden" }, " (priority)")),
      board.factors.map((f) => {
        const cell = area.ratings[f.key];
        return h("td", { dataset: { factor: f.key } }, ["city", "county", "joint"].map((side) => sideValue(side, short[side], cell[side])));
      }),
      h("td", { class: "pj-overall" }, area.verdict
        ? h("span", { class: `verdict verdict-${area.verdict.toLowerCase()}` }, area.verdict)
        : h("span", { class: "pj-none" }, "–"))))));
}

function roundBox(board, session) {
  const round = currentRound(session);
  if (!session) return h("section", { class: "pj-round", "aria-label": "Round" }, h("h2", {}, "No session open"));
  const here = session.participants.filter((p) => p.connected).length;
  const invited = session.participants.filter((p) => p.invited || p.connected).length;
  if (!round) {
    return h("section", { class: "pj-round", "aria-label": "Round" },
      h("h2", {}, session.title), h("p", { class: "pj-here" }, `${here} of ${invited} here`), h("p", {}, "No round is open."));
  }
  const area = board.areas.find((a) => a.id === round.areaId);
  const names = sideNames(board);
  const reviewers = session.participants.filter((p) => p.invited && p.role === "reviewer");
  return h("section", { class: "pj-round", "aria-label": "Round", dataset: { roundStatus: round.status } },
    h("h2", {}, "Round: ", area?.name ?? ""),
    h("p", { class: "pj-round-status" }, round.status === "voting" ? (round.blind ? "Blind vote in progress" : "Open vote in progress") : "Revealed"),
    h("p", { class: "pj-here" }, `${here} of ${invited} here`),
    round.factors.map((factor) => {
      const rated = round.ratings.filter((r) => r.factor === factor);
      return h("div", { class: "pj-factor", dataset: { roundFactor: factor } },
        h("h3", {}, `${title(factor)}: ${rated.length} of ${reviewers.length} rated`),
        h("ul", {}, reviewers.map((p) => {
          const rating = rated.find((r) => r.participantId === p.participantId);
          return h("li", { class: rating ? "pj-rated" : "pj-waiting", dataset: { rater: p.name, rated: String(Boolean(rating)) } },
            h("span", { "aria-hidden": "true" }, rating ? "✔ " : "… "),
            `${p.name} (${names[p.org] ?? p.org})`,
            rating && !rating.hidden ? h("strong", {}, ` ${scoreText(rating.score)}`) : null,
            h("span", { class: "visually-hidden" }, rating ? ", has rated" : ", not yet"));
        })));
    }));
}

export async function render(main, { assessmentId, query }) {
  const base = `/api/assessments/${assessmentId}`;
  let board = await get(base);
  const sessions = await get(`${base}/sessions`);
  const sessionId = query.get("session") ?? sessions.find((s) => !s.closed)?.id ?? null;
  let session = sessionId ? await get(`/api/sessions/${sessionId}`) : null;
  document.body.classList.add("projector-mode");

  const titleEl = h("h1", {});
  const boardSlot = h("div", { class: "pj-main" });
  const side = h("aside", { class: "pj-side-panel", "aria-live": "polite" });
  const draw = () => {
    replace(titleEl, board.title, h("span", { class: "pj-version" }, ` · version ${board.version}`));
    replace(boardSlot, matrix(board, currentRound(session)));
    replace(side, roundBox(board, session));
  };

  const live = new LiveBoard(assessmentId, {
    async onChanges() {
      board = await get(base);
      draw();
    },
    async onSession(name, message) {
      if (!session || message.sessionId !== session.id) return;
      session = await get(`/api/sessions/${session.id}`);
      draw();
    },
    onStatus: showConnection,
  }, board.version);
  live.sessionId = session?.id ?? null;

  replace(main, h("div", { class: "projector" }, h("header", { class: "pj-head" }, titleEl,
    h("a", { class: "pj-exit", href: `#/assessments/${assessmentId}` }, "Leave projector view")), h("div", { class: "pj-layout" }, boardSlot, side)));
  draw();
  await live.start();
  return async () => {
    document.body.classList.remove("projector-mode");
    hideConnection();
    await live.stop();
  };
}
