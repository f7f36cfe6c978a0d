// Rating one cell. A reviewer rates for themselves (their org comes from their token); in a round on this area
// the score goes to the round, and in a blind round nobody else sees it until the reveal. A facilitator's rating
// is the joint one, sent with the version they saw, so a change made meanwhile is refused (409) and shown.
import { h, orgName, scoreText, title } from "../dom.js";
import { post } from "../api.js";
import { harveyBall, scaleWord } from "../harvey.js";
import { isFacilitator } from "../auth.js";
import { openDialog, radioGroup, textField } from "./dialog.js";

function scaleOptions(board) {
  return board.scale.map((step) => ({
    value: step.score,
    label: h("span", { class: "choice-label" }, harveyBall(step.score, { size: 22 }), h("strong", {}, ` ${step.score}`), ` ${step.label}`),
  }));
}

export function openRatingDialog({ board, area, factor, who, round, reload, historyHref, returnFocus }) {
  const joint = isFacilitator(who);
  const inRound = !joint && round && round.areaId === area.id && round.factors.includes(factor.key) && round.status === "voting";
  const own = inRound ? round.ratings.find((r) => r.participantId === who.participantId && r.factor === factor.key)?.score : null;
  const cell = area.ratings[factor.key];
  let expectedVersion = board.version;

  const context = joint
    ? "You are recording the joint rating: the score the panel agrees on."
    : inRound
      ? round.blind
        ? `Your ${orgName(who.org)} rating in the blind round: nobody sees it until the facilitator reveals the round.`
        : `Your ${orgName(who.org)} rating in the open round: everyone sees it as soon as you save.`
      : `Your own rating for ${orgName(who.org)}.`;

  const current = h("p", { class: "current-value", dataset: { currentValue: "" } });
  const showCurrent = (c) => {
    current.textContent = `On the board now: city ${scoreText(c.city)}, county ${scoreText(c.county)}, joint ${scoreText(c.joint)}.`;
  };
  showCurrent(cell);

  openDialog({
    heading: `${joint ? "Joint rating" : "Rate"}: ${area.name} · ${title(factor.key)}`,
    className: "rating-dialog",
    submitLabel: "Save rating",
    returnFocus,
    content: [
      h("p", { class: "factor-definition" }, factor.label),
      h("p", { class: "hint" }, context),
      current,
      radioGroup("score", "Score (0 to 4 Harvey balls)", scaleOptions(board), joint ? cell.joint : own),
      textField("rationale", "Rationale (optional)", { multiline: true, hint: "Why this score? It is kept in the history with your name." }),
      historyHref && h("p", {}, h("a", { href: historyHref }, `History of ${area.name} · ${title(factor.key)}`)),
    ],
    async onSubmit(data, dialog) {
      const score = data.get("score");
      if (score === null) {
        dialog.showError({ message: "Choose a score from 0 to 4 first.", fields: { score: [] } });
        return false;
      }
      const body = { areaId: area.id, factor: factor.key, score: Number(score), rationale: data.get("rationale") || null };
      if (inRound) body.roundId = round.roundId;
      if (joint) body.expectedVersion = expectedVersion;
      try {
        await post(`/api/assessments/${board.id}/ratings`, body);
      } catch (error) {
        if (error.status === 409) {
          // The board moved on: show the cell as it is now, and let the next save count on that version.
          const fresh = await reload();
          const freshArea = fresh.areas.find((a) => a.id === area.id);
          if (freshArea) showCurrent(freshArea.ratings[factor.key]);
          expectedVersion = fresh.version;
        }
        throw error;
      }
      return true;
    },
  });
}

export const scoreWords = (value) => (value === null || value === undefined ? "not rated" : `${scoreText(value)} (${scaleWord(value)})`);
