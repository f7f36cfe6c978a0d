// The round in progress. While a blind round is in vote, a reviewer sees their own scores and who else has
// rated, never what they gave: the server sends nothing more (GET /api/sessions/{id} decides per viewer).
import { h, orgName, replace, scoreText, title } from "../dom.js";
import { post } from "../api.js";
import { isReviewer } from "../auth.js";

export function currentRound(session) {
  return session?.rounds.findLast((r) => r.status !== "closed" && r.status !== "discarded") ?? null;
}

function statusWords(round) {
  if (round.status === "voting") return round.blind ? "Blind vote: scores stay hidden until the reveal" : "Open vote: scores show as they come";
  if (round.status === "revealed") return round.blind ? "Revealed" : "Voting closed";
  return round.status;
}

function quorumWords(quorum) {
  switch (quorum.agreement) {
    case "awaiting-reveal":
      return "Waiting for the reveal.";
    case "agreed":
      return "Quorum reached; city and county agree.";
    case "split":
      return `Quorum reached; city and county are split on ${quorum.splitFactors.map(title).join(", ")}.`;
    default:
      return `No quorum yet: ${quorum.missing.map((m) => `${orgName(m.org)} ${m.have} of ${m.needed}${m.notYetRated.length ? ` (waiting for ${m.notYetRated.join(", ")})` : ""}`).join("; ")}.`;
  }
}

export function roundPanel({ session, board, who, onRate }) {
  const round = currentRound(session);
  if (!round) {
    return h("section", { class: "panel round-panel", "aria-label": "Round" },
      h("h2", {}, "Round"),
      h("p", { class: "muted" }, "No round is open. The facilitator opens one on an area."));
  }

  const area = board.areas.find((a) => a.id === round.areaId);
  const raterNames = (factor) => round.ratings.filter((r) => r.factor === factor);
  const canRate = isReviewer(who) && round.status === "voting" && !session.closed;

  const rows = round.factors.map((factor) => {
    const ratings = raterNames(factor);
    const mine = ratings.find((r) => r.participantId === who.participantId);
    return h("tr", { dataset: { roundFactor: factor } },
      h("th", { scope: "row" }, title(factor)),
      isReviewer(who) && h("td", { class: "mine", dataset: { mine: mine ? String(mine.score) : "", unconfirmed: String(Boolean(mine?.enteredBy && !mine.confirmed)) } },
        mine ? scoreText(mine.score) : "not yet",
        mine?.enteredBy && h("span", { class: "entered-by" }, mine.confirmed ? " (entered for you, confirmed)" : ` (entered for you by ${nameOf(session, mine.enteredBy)}, unconfirmed)`)),
      h("td", { class: "raters" },
        ratings.length === 0 ? h("span", { class: "muted" }, "nobody yet") :
          h("ul", { class: "inline-list" }, ratings.map((r) => h("li", { dataset: { rater: r.name ?? "", hidden: String(r.hidden) } },
            `${r.name ?? "someone"} (${orgName(r.org)})`,
            r.enteredBy && !r.confirmed ? h("span", { class: "entered-by" }, " entered for them, unconfirmed") : null,
            r.hidden ? h("span", { class: "hidden-score" }, " rated") : h("strong", { class: "revealed-score" }, ` ${scoreText(r.score)}`),
            r.rationale && !r.hidden ? h("span", { class: "rationale" }, ` “${r.rationale}”`) : null)))),
      canRate && h("td", {}, h("button", {
        type: "button", class: "small", dataset: { focusKey: `round-rate:${factor}`, roundRate: factor },
        onclick: (event) => onRate(area, board.factors.find((f) => f.key === factor), event.currentTarget),
      }, mine ? "Change" : "Rate", h("span", { class: "visually-hidden" }, ` ${title(factor)}`))));
  });

  return h("section", { class: `panel round-panel round-${round.status}`, "aria-label": "Round", dataset: { roundStatus: round.status, blind: String(round.blind) } },
    h("h2", {}, "Round: ", area?.name ?? "an area"),
    h("p", { class: "round-status" }, statusWords(round), round.vote > 1 ? ` · vote ${round.vote}` : ""),
    h("table", { class: "round-table" },
      h("thead", {}, h("tr", {},
        h("th", { scope: "col" }, "Factor"),
        isReviewer(who) && h("th", { scope: "col" }, "You"),
        h("th", { scope: "col" }, round.status === "voting" && round.blind ? "Who has rated" : "Scores"),
        canRate && h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Action")))),
      h("tbody", {}, rows)),
    h("p", { class: "quorum" }, quorumWords(round.quorum)),
    isReviewer(who) && confirmBox(session, round, who));
}

const nameOf = (session, participantId) => session.participants.find((p) => p.participantId === participantId)?.name ?? "the facilitator";

/** Scores a facilitator entered for this reviewer wait for them to confirm them here. */
function confirmBox(session, round, who) {
  const waiting = round.ratings.filter((r) => r.participantId === who.participantId && r.enteredBy && !r.confirmed);
  if (waiting.length === 0) return null;
  const note = h("p", { class: "form-message", role: "alert" });
  return h("div", { class: "confirm-proxy", dataset: { confirmProxy: "" } },
    h("p", {}, `${nameOf(session, waiting[0].enteredBy)} entered ${waiting.map((r) => `${title(r.factor)} ${scoreText(r.score)}`).join(", ")} for you. Is that your score?`),
    h("button", {
      type: "button", class: "primary", dataset: { focusKey: "confirm-proxy" },
      onclick: async () => {
        try {
          await post(`/api/sessions/${session.id}/rounds/${round.roundId}/confirm`);
        } catch (error) {
          replace(note, error.message);
        }
      },
    }, "Confirm"),
    note);
}
