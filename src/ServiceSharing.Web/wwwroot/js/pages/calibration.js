// Calibration: a practice round on one or two reference areas, rated blind against the anchor descriptions, then
// revealed; each reviewer reads how far they sat from the panel, and how far their live scoring has drifted since.
// The round lives in its own stream, so nothing here reaches the board. The server decides what each viewer sees.
import { announce, h, replace, scoreText, signed, title, uid } from "../dom.js";
import { get, post } from "../api.js";
import { isFacilitator, isReviewer, me } from "../auth.js";
import { assessmentHead } from "../board/assessment-head.js";
import { sideNames } from "../board/board-table.js";
import { LiveBoard } from "../live.js";

const steps = (value) => `${scoreText(Math.abs(value))} step${Math.abs(value) === 1 ? "" : "s"}`;

/** "scored 0.5 steps above the panel median on average (0.5 away either way, 4 cells)". */
export function offsetWords(o) {
  if (o.offset === null || o.offset === undefined) return o.offsetReason ?? "no offset: too few cells rated by others too";
  const direction = o.offset > 0 ? `${steps(o.offset)} above` : o.offset < 0 ? `${steps(o.offset)} below` : "in line with";
  return `scored ${direction} the panel median on average (${scoreText(o.distance)} away either way, over ${o.cells} cell${o.cells === 1 ? "" : "s"})`;
}

/** Drift: the reviewer's offset in live scoring minus their offset in calibration, in words. */
export function driftWords(d) {
  if (d.drift === null || d.drift === undefined) return `No drift to tell: ${d.driftReason ?? d.calibrationReason ?? d.liveReason ?? "not enough ratings"}.`;
  const live = d.live > 0 ? `${steps(d.live)} above` : d.live < 0 ? `${steps(d.live)} below` : "in line with";
  const calibration = d.calibration > 0 ? `${steps(d.calibration)} above` : d.calibration < 0 ? `${steps(d.calibration)} below` : "in line with";
  const drift = Math.abs(d.drift) < 0.005
    ? "no drift since calibration"
    : `drifted ${steps(d.drift)} ${d.drift > 0 ? "higher (more generous)" : "lower (stricter)"} since calibration`;
  return `Live: ${live} the panel; in calibration: ${calibration}. That is ${drift} (${signed(d.drift)}).`;
}

function openForm(board, onOpened) {
  const message = h("div", { class: "form-message", role: "alert" });
  const form = h("form", { class: "panel", onsubmit: async (event) => {
    event.preventDefault();
    const areaIds = new FormData(form).getAll("areaIds");
    replace(message, "");
    try {
      await onOpened(await post(`/api/assessments/${board.id}/calibrations`, { areaIds }));
    } catch (error) {
      replace(message, error.message);
    }
  } },
  h("h2", {}, "Open a calibration round"),
  h("fieldset", { class: "checks" }, h("legend", {}, "Reference areas (one or two)"),
    board.areas.map((a) => h("label", {}, h("input", { type: "checkbox", name: "areaIds", value: a.id }), ` ${a.name}`))),
  message,
  h("button", { type: "submit", class: "primary" }, "Open calibration round"));
  return form;
}

function anchorsOf(round) {
  return h("details", { class: "anchors" },
    h("summary", {}, "What each step means (the anchors)"),
    round.anchors.map((f) => h("div", {},
      h("h3", {}, `${title(f.factor)}: ${f.label}`),
      h("dl", {}, f.steps.map((s) => [h("dt", {}, `${s.score} ${s.label}`), h("dd", {}, s.description)])))));
}

function rateForm(board, round, reload) {
  const message = h("div", { class: "form-message", role: "alert" });
  const mine = (areaId, factor) => round.mine.find((m) => m.areaId === areaId && m.factor === factor)?.score;
  const form = h("form", { class: "panel calibration-rate", onsubmit: async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    replace(message, "");
    try {
      for (const area of round.areas) {
        for (const f of board.factors) {
          const value = data.get(`${area.areaId}:${f.key}`);
          if (value === "" || Number(value) === mine(area.areaId, f.key)) continue;
          await post(`/api/assessments/${board.id}/calibrations/${round.roundId}/ratings`, { areaId: area.areaId, factor: f.key, score: Number(value) });
        }
      }
      announce("Your calibration ratings are saved.");
      await reload("Your ratings are saved; nobody sees them until the reveal.");
    } catch (error) {
      replace(message, error.message);
    }
  } },
  h("h2", {}, "Your ratings (blind until the reveal)"),
  round.areas.map((area) => h("fieldset", { dataset: { calibrationArea: area.name } }, h("legend", {}, area.name),
    h("div", { class: "field-row" }, board.factors.map((f) => {
      const id = uid("cal");
      const current = mine(area.areaId, f.key);
      return h("div", { class: "field" },
        h("label", { for: id }, `${area.name} · ${title(f.key)}`),
        h("select", { id, name: `${area.areaId}:${f.key}` },
          h("option", { value: "" }, "not rated"),
          board.scale.map((s) => h("option", { value: String(s.score), selected: current === s.score }, `${s.score} ${s.label}`))));
    })))),
  message,
  h("button", { type: "submit", class: "primary" }, "Save my ratings"));
  return form;
}

function panelTable(round) {
  return h("table", { class: "list calibration-panel" },
    h("caption", {}, "The panel, after the reveal (anonymous)"),
    h("thead", {}, h("tr", {}, ["Area", "Factor", "Ratings", "Median", "Spread (IQR)", "How many chose 0 / 1 / 2 / 3 / 4"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, (round.panel ?? []).map((c) => h("tr", {},
      h("th", { scope: "row" }, c.area), h("td", {}, title(c.factor)), h("td", { class: "num" }, c.ratings),
      h("td", { class: "num" }, c.median === null ? c.medianReason : scoreText(c.median)),
      h("td", { class: "num" }, c.iqr === null ? c.iqrReason : scoreText(c.iqr)),
      h("td", {}, ["0", "1", "2", "3", "4"].map((k) => c.distribution[k]).join(" / "))))));
}

export async function render(main, { assessmentId }) {
  const who = me();
  const base = `/api/assessments/${assessmentId}`;
  const board = await get(base);
  const names = sideNames(board);
  const orgWords = (org) => names[org] ?? org;
  const roundSlot = h("div", { class: "calibration-round" });
  const note = h("p", { class: "inline-message", role: "status" });

  const ratersLine = (round) => h("p", { dataset: { raters: "" } }, round.raters.length === 0 ? "Nobody has rated yet." :
    `Rated so far: ${round.raters.map((r) => `${r.name} (${orgWords(r.org)}, ${r.cellsRated} cell${r.cellsRated === 1 ? "" : "s"})`).join(", ")}.`);

  async function draw(said = "") {
    const rounds = await get(`${base}/calibrations`);
    const latest = rounds.at(-1) ?? null;
    const open = rounds.find((r) => r.status === "open") ?? null;
    const parts = [];
    if (isFacilitator(who) && !open) parts.push(openForm(board, async () => draw("Calibration round opened.")));
    if (latest) {
      const round = await get(`${base}/calibrations/${latest.roundId}`);
      parts.push(h("section", { class: "panel", "aria-label": "Calibration round", dataset: { calibrationStatus: round.status } },
        h("h2", {}, `Calibration round on ${round.areas.map((a) => a.name).join(" and ")}`),
        h("p", {}, round.status === "open" ? "Open: ratings stay hidden until the facilitator reveals the round." : "Revealed."),
        ratersLine(round),
        isFacilitator(who) && round.status === "open" && h("button", {
          type: "button", class: "primary", onclick: async () => {
            try {
              await post(`${base}/calibrations/${round.roundId}/reveal`);
              await draw("The round is revealed.");
            } catch (error) {
              replace(note, error.message);
            }
          },
        }, "Reveal calibration"),
        h("button", { type: "button", class: "secondary", onclick: () => draw("Read again.") }, "Refresh"),
        anchorsOf(round)));
      if (isReviewer(who) && round.status === "open") parts.push(rateForm(board, round, draw));
      if (round.status === "revealed") {
        parts.push(panelTable(round));
        if (isReviewer(who) || isFacilitator(who)) {
          const offsets = await get(`${base}/calibrations/${round.roundId}/offsets`);
          parts.push(h("section", { class: "panel", "aria-label": "Offsets" },
            h("h2", {}, "How far each reviewer sat from the panel"),
            offsets.length === 0 ? h("p", {}, "Nobody rated in this round.") :
              h("ul", { class: "offsets" }, offsets.map((o) => h("li", { dataset: { offsetOf: o.name } },
                h("strong", {}, `${o.name} (${orgWords(o.org)})`), ` ${offsetWords(o.overall)}.`,
                h("ul", {}, Object.entries(o.byFactor).map(([factor, f]) => h("li", {}, `${title(factor)}: ${offsetWords(f)}.`))))))));
        }
      }
    } else if (!isFacilitator(who)) {
      parts.push(h("p", { class: "muted" }, "No calibration round yet. The facilitator opens one on a reference area."));
    }
    if (isReviewer(who) || isFacilitator(who)) {
      const drift = await get(`${base}/calibrations/drift`);
      parts.push(h("section", { class: "panel", "aria-label": "Drift" },
        h("h2", {}, "Drift since calibration"),
        h("p", { class: "hint" }, drift.definition),
        drift.reviewers.length === 0 ? h("p", {}, "No reviewer has rated yet.") :
          h("ul", { class: "drift" }, drift.reviewers.map((r) => h("li", { dataset: { driftOf: r.name } },
            h("strong", {}, `${r.name} (${orgWords(r.org)})`), " ", driftWords(r.overall))))));
    }
    replace(roundSlot, parts);
    replace(note, said);
  }

  /** Someone else rated: only who has rated so far changes, so a reviewer's unsaved choices in the form stay. Reads
   * answer in any order; only the one asked last (after the latest push) is shown. */
  let ratersRead = 0;
  async function showRaters(roundId) {
    const asked = ++ratersRead;
    const round = await get(`${base}/calibrations/${roundId}`);
    const shown = roundSlot.querySelector("[data-raters]");
    if (asked !== ratersRead) return;
    if (!shown) await draw();
    else shown.replaceWith(ratersLine(round));
  }

  replace(main, assessmentHead(board, "calibration"), h("h2", {}, "Calibration"), note, roundSlot);
  await draw();
  const live = new LiveBoard(assessmentId, {
    onCalibration: (message) => (message.change === "rated" ? showRaters(message.roundId) : draw(message.change === "revealed" ? "The round is revealed." : "A calibration round was opened."))
      .catch((error) => replace(note, error.message)),
    // Back after a lost connection: what changed meanwhile is read again.
    onStatus: (status, detail) => status === "connected" && !detail.first && draw().catch((error) => replace(note, error.message)),
  }, board.version);
  await live.start();
  return () => live.stop();
}
