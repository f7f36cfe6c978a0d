// The facilitator's controls: sessions, invites, rounds, undo, snapshots, phases. Forms are built once and kept
// across live updates (so typing is never lost); only the parts that depend on the session's state are redrawn.
import { h, replace, uid } from "../dom.js";
import { post } from "../api.js";
import { currentRound } from "./round-panel.js";
import { redraw } from "./keep-focus.js";
import { textField } from "./dialog.js";
import { invitee, inviteeFields, joinLink } from "./invite-parts.js";

function message() {
  return h("p", { class: "form-message", role: "alert" });
}

/** Runs an API call from a control, showing a refusal in plain words in the given message element. */
async function attempt(messageEl, work, done) {
  replace(messageEl, "");
  try {
    const result = await work();
    if (done) replace(messageEl, done);
    return result;
  } catch (error) {
    replace(messageEl, error.message);
    return null;
  }
}

/** A control's form: submitting it hands the entered values to onData instead of reloading the page. */
function controlForm(onData, ...children) {
  const form = h("form", {
    class: "stack",
    onsubmit: async (event) => {
      event.preventDefault();
      await onData(new FormData(form));
    },
  }, ...children);
  return form;
}

function inviteForm(state) {
  const result = h("div", { class: "invite-result" });
  const msg = message();
  const form = controlForm(async (data) => {
    const s = state();
    const sessionId = s.session && !s.session.closed ? s.session.id : null;
    const invite = await attempt(msg, () => post("/api/invites", { ...invitee(data), sessionId }));
    if (!invite) return;
    replace(result, ...joinLink(invite, `Join link for ${data.get("name")}${sessionId ? " (added to this session)" : ""}`));
    form.reset();
  },
  ...inviteeFields(),
  msg,
  h("button", { type: "submit", class: "primary" }, "Create invite"));
  return h("section", { class: "panel", "aria-label": "Invite" }, h("h3", {}, "Invite someone"), form, result);
}

function openSessionForm(assessmentId, onOpened) {
  const msg = message();
  return controlForm(async (data) => {
    const opened = await attempt(msg, () => post("/api/sessions", {
      assessmentId,
      title: data.get("title"),
      quorum: { city: Number(data.get("quorumCity")), county: Number(data.get("quorumCounty")) },
    }));
    if (opened) await onOpened(opened.id);
  },
  textField("title", "Session title", { value: `Workshop ${new Date().toLocaleDateString("en-US", { dateStyle: "medium" })}`, required: true, maxlength: 200 }),
  h("div", { class: "field-row" },
    numberField("quorumCity", "City quorum", 1),
    numberField("quorumCounty", "County quorum", 1)),
  msg,
  h("button", { type: "submit", class: "primary", dataset: { focusKey: "open-session" } }, "Open session"));
}

function numberField(name, label, value) {
  const id = uid(name);
  return h("div", { class: "field" }, h("label", { for: id }, label), h("input", { id, name, type: "number", min: 0, max: 50, value, "aria-invalid": null }));
}

function openRoundForm(state) {
  const msg = message();
  const areaSelect = h("select", { name: "areaId", id: uid("round-area") });
  const form = controlForm(async (data) => {
    const factors = data.getAll("factors");
    await attempt(msg, () => post(`/api/sessions/${state().session.id}/rounds`, { areaId: data.get("areaId"), factors, blind: data.get("blind") === "on" }));
  },
  h("div", { class: "field" }, h("label", { for: areaSelect.id }, "Area"), areaSelect),
  h("fieldset", { class: "checks" }, h("legend", {}, "Factors"),
    state().board.factors.map((f) => h("label", {}, h("input", { type: "checkbox", name: "factors", value: f.key, checked: true }), ` ${f.key}`))),
  h("label", { class: "check" }, h("input", { type: "checkbox", name: "blind", checked: true }), " Blind (scores hidden until the reveal)"),
  msg,
  h("button", { type: "submit", class: "primary" }, "Open round"));
  const fillAreas = () => {
    const chosen = areaSelect.value;
    replace(areaSelect, state().board.areas.map((a) => h("option", { value: a.id, selected: a.id === chosen }, a.name)));
  };
  return { form, fillAreas };
}

/**
 * Proxy entry: the facilitator types in the score a reviewer in the room gives aloud (no laptop, say). It counts as
 * the reviewer's once they confirm it on their own screen; until then it shows there as unconfirmed.
 */
function proxyForm(state) {
  const msg = message();
  const reviewerSelect = h("select", { name: "onBehalfOf", id: uid("proxy-reviewer") });
  const factorSelect = h("select", { name: "factor", id: uid("proxy-factor") });
  const scoreSelect = h("select", { name: "score", id: uid("proxy-score") });
  const form = controlForm(async (data) => {
    const { session, board } = state();
    const round = currentRound(session);
    const reviewer = session.participants.find((p) => p.participantId === data.get("onBehalfOf"));
    await attempt(msg, () => post(`/api/assessments/${board.id}/ratings`, {
      areaId: round.areaId, factor: data.get("factor"), score: Number(data.get("score")), roundId: round.roundId, onBehalfOf: data.get("onBehalfOf"),
    }), `Entered for ${reviewer?.name ?? "the reviewer"}; it waits for their confirmation.`);
  },
  h("div", { class: "field" }, h("label", { for: reviewerSelect.id }, "Reviewer"), reviewerSelect),
  h("div", { class: "field-row" },
    h("div", { class: "field" }, h("label", { for: factorSelect.id }, "Factor"), factorSelect),
    h("div", { class: "field" }, h("label", { for: scoreSelect.id }, "Score"), scoreSelect)),
  msg,
  h("button", { type: "submit", class: "secondary" }, "Enter score"));
  const keep = (select, options) => {
    const chosen = select.value;
    replace(select, options.map(([value, text]) => h("option", { value, selected: value === chosen }, text)));
  };
  const section = h("section", { class: "panel", "aria-label": "Enter a score for a reviewer" },
    h("h3", {}, "Enter a score for a reviewer"),
    h("p", { class: "hint" }, "For someone in the room without a screen: it shows on theirs as unconfirmed until they confirm it."),
    form);
  const fill = () => {
    const { session, board } = state();
    const round = currentRound(session);
    const voting = round?.status === "voting" && !session.closed;
    section.hidden = !voting;
    if (!voting) return;
    const names = { city: board.governments?.city ?? "City", county: board.governments?.county ?? "County" };
    keep(reviewerSelect, session.participants.filter((p) => p.invited && p.role === "reviewer").map((p) => [p.participantId, `${p.name} (${names[p.org] ?? p.org})`]));
    keep(factorSelect, round.factors.map((f) => [f, f[0].toUpperCase() + f.slice(1)]));
    keep(scoreSelect, board.scale.map((step) => [String(step.score), `${step.score} ${step.label}`]));
  };
  return { section, fill };
}

function snapshotForm(state) {
  const msg = message();
  const form = controlForm(async (data) => {
    const label = data.get("label");
    const taken = await attempt(msg, () => post(`/api/assessments/${state().board.id}/snapshots`, { label }), `Snapshot “${label}” taken.`);
    if (taken) form.reset();
  },
  textField("label", "Snapshot label", { hint: "Letters, digits, dots, dashes; e.g. workshop-2", maxlength: 64, required: true }),
  msg,
  h("button", { type: "submit", class: "secondary" }, "Take snapshot"));
  return h("section", { class: "panel", "aria-label": "Snapshot" }, h("h3", {}, "Snapshot"), form);
}

export function facilitatorPanel({ state, selectSession }) {
  const sessionMsg = message();
  const roundMsg = message();
  const phaseMsg = message();
  const sessionBox = h("div");
  const roundControls = h("div");
  const phaseBox = h("div");
  const newSession = openSessionForm(state().board.id, selectSession);
  const roundForm = openRoundForm(state);
  const roundSection = h("section", { class: "panel", "aria-label": "Rounds" }, h("h3", {}, "Rounds"), roundControls, roundMsg, roundForm.form);
  const proxy = proxyForm(state);

  const act = (msg, path, done) => attempt(msg, () => post(path), done);

  function update() {
    const { session, sessions, board } = state();
    const open = session && !session.closed;
    redraw(sessionBox, () => [
      sessions.length > 0 && h("div", { class: "field" },
        h("label", { for: "session-choice" }, "Current session"),
        h("select", { id: "session-choice", dataset: { focusKey: "session-choice" }, onchange: (e) => selectSession(e.target.value || null) },
          h("option", { value: "" }, "– none –"),
          sessions.map((s) => h("option", { value: s.id, selected: s.id === session?.id }, `${s.title}${s.closed ? " (closed)" : ""}`)))),
      open && h("div", { class: "button-row" },
        h("button", { type: "button", class: "secondary", dataset: { focusKey: "undo" }, onclick: () => act(sessionMsg, `/api/sessions/${session.id}/undo`, "Undone.") }, "Undo last action"),
        h("button", { type: "button", class: "danger", dataset: { focusKey: "close-session" }, onclick: () => act(sessionMsg, `/api/sessions/${session.id}/close`) }, "Close session")),
    ]);
    newSession.hidden = Boolean(open);
    roundSection.hidden = !open;
    if (open) {
      roundForm.fillAreas();
      const round = currentRound(session);
      // A blind round in vote ends by a reveal or a discard, never by a close: closing would not say who may see it.
      const awaitsReveal = round?.blind && round.status === "voting";
      const roundAction = (action) => () => act(roundMsg, `/api/sessions/${session.id}/rounds/${round.roundId}/${action}`);
      redraw(roundControls, () => round && h("div", { class: "button-row" },
        awaitsReveal && h("button", { type: "button", class: "primary", dataset: { focusKey: "reveal", control: "reveal" }, onclick: roundAction("reveal") }, "Reveal"),
        h("button", { type: "button", class: "secondary", dataset: { focusKey: "revote", control: "revote" }, onclick: roundAction("revote") }, "Re-vote"),
        awaitsReveal
          ? h("button", { type: "button", class: "danger", dataset: { focusKey: "discard-round", control: "discard-round" }, onclick: roundAction("discard") }, "Discard round")
          : h("button", { type: "button", class: "secondary", dataset: { focusKey: "close-round", control: "close-round" }, onclick: roundAction("close") }, "Close round")));
    }
    proxy.fill();
    const phase = board.currentPhase;
    redraw(phaseBox, () => phase
      ? h("div", { class: "button-row" },
          h("span", {}, `${board.currentPhaseName ?? phase}: `, h("strong", {}, board.status)),
          board.status === "active" && h("button", { type: "button", class: "secondary", dataset: { focusKey: "pause" }, onclick: () => act(phaseMsg, `/api/assessments/${board.id}/phases/${phase}/pause`) }, "Pause phase"),
          board.status === "on-hold" && h("button", { type: "button", class: "secondary", dataset: { focusKey: "resume" }, onclick: () => act(phaseMsg, `/api/assessments/${board.id}/phases/${phase}/resume`) }, "Resume phase"))
      : h("p", { class: "muted" }, "No phase started."));
  }

  const el = h("div", { class: "facilitator no-print" },
    h("h2", {}, "Facilitator"),
    h("section", { class: "panel", "aria-label": "Session" }, h("h3", {}, "Session"), sessionBox, sessionMsg, newSession),
    inviteForm(state),
    roundSection,
    proxy.section,
    snapshotForm(state),
    h("section", { class: "panel", "aria-label": "Phase" }, h("h3", {}, "Phase"), phaseBox, phaseMsg));
  update();
  return { el, update };
}
