// The decision model (facilitators): the weight of each factor and the scores from which the weighted mean of an
// area's joint ratings suggests Yes or Maybe. As the numbers change the server previews every area's suggestion and
// what would flip it (nothing is written); "Save model" makes it an event of the assessment.
import { announce, h, replace, scoreText, title, uid } from "../dom.js";
import { get, post } from "../api.js";
import { assessmentHead } from "../board/assessment-head.js";
import { textField } from "../board/dialog.js";

function numberInput(name, label, value, { min = 0, max, step, hint }) {
  const id = uid(name);
  return h("div", { class: "field" },
    h("label", { for: id }, label),
    hint && h("p", { class: "hint", id: `${id}-hint` }, hint),
    h("input", { id, name, type: "number", min, max, step, value, inputmode: "decimal", "aria-describedby": hint ? `${id}-hint` : null }));
}

function verdictText(verdict) {
  return verdict ? h("span", { class: `verdict verdict-${verdict.toLowerCase()}` }, verdict) : h("span", { class: "muted" }, "none");
}

function flipsText(area) {
  const flips = area.whatFlips;
  const readings = [flips.rating?.reading ?? flips.ratingReason, flips.weight?.reading ?? flips.weightReason].filter(Boolean);
  return readings.length ? h("ul", { class: "flip-list" }, readings.map((r) => h("li", {}, r))) : h("span", { class: "muted" }, "–");
}

function previewTable(view) {
  return h("table", { class: "list preview", dataset: { previewVersion: String(view.version) } },
    h("caption", {}, "Every area under these numbers"),
    h("thead", {}, h("tr", {}, ["Area", "Recorded verdict", "Score", "Model suggests", "What would flip it"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, view.areas.map((a) => h("tr", { dataset: { area: a.name } },
      h("th", { scope: "row" }, a.name),
      h("td", {}, verdictText(a.recordedVerdict)),
      h("td", { class: "num" }, scoreText(a.score)),
      h("td", { dataset: { suggested: a.suggestedVerdict ?? "" } }, a.suggestedVerdict ? verdictText(a.suggestedVerdict) : h("span", { class: "muted" }, a.suggestionReason ?? "none")),
      h("td", {}, flipsText(a))))));
}

export async function render(main, { assessmentId }) {
  const base = `/api/assessments/${assessmentId}`;
  let board = await get(base);
  const model = board.decisionModel;
  const head = h("div");
  const inForce = h("p", { dataset: { modelInForce: "" } });
  const message = h("div", { class: "form-message", role: "alert" });
  const saved = h("p", { class: "inline-message", role: "status" });
  const preview = h("div", { "aria-live": "polite", class: "preview-slot" });

  const form = h("form", { class: "panel decision-form" },
    h("h2", {}, "Weights and thresholds"),
    h("fieldset", {}, h("legend", {}, "Weight of each factor (0 leaves it out; only the ratios matter)"),
      h("div", { class: "field-row" }, board.factors.map((f) => numberInput(`weight-${f.key}`, `${title(f.key)} weight`, model.weights[f.key], { max: 1000, step: "any" })))),
    h("fieldset", {}, h("legend", {}, "Thresholds on the 0–4 score"),
      h("div", { class: "field-row" },
        numberInput("yes", "Yes from", model.thresholds.yes, { max: 4, step: "any", hint: "A score at or above this suggests Yes." }),
        numberInput("maybe", "Maybe from", model.thresholds.maybe, { max: 4, step: "any", hint: "At or above this (and below Yes) suggests Maybe; below it, No." }))),
    textField("rationale", "Rationale (optional)", { multiline: true, hint: "Why these numbers? It is kept in the history." }),
    message,
    h("div", { class: "button-row" }, h("button", { type: "submit", class: "primary" }, "Save model"), saved));

  const number = (name) => {
    const text = form.elements.namedItem(name).value.trim();
    return text === "" ? null : Number(text);
  };
  const body = () => ({
    weights: Object.fromEntries(board.factors.map((f) => [f.key, number(`weight-${f.key}`)])),
    thresholds: { yes: number("yes"), maybe: number("maybe") },
    rationale: form.elements.namedItem("rationale").value || null,
  });

  function markFields(error) {
    for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
    for (const field of Object.keys(error?.fields ?? {})) {
      const name = field.startsWith("weights.") ? `weight-${field.slice(8)}` : field.startsWith("thresholds.") ? field.slice(11) : field;
      form.elements.namedItem(name)?.setAttribute("aria-invalid", "true");
    }
  }

  let request = 0;
  async function refreshPreview() {
    const mine = ++request;
    try {
      const view = await post(`${base}/decision-model/preview`, body());
      if (mine !== request) return; // newer numbers were typed meanwhile
      markFields(null);
      replace(message, "");
      replace(preview, previewTable(view));
    } catch (error) {
      if (mine !== request) return;
      markFields(error);
      replace(message, error.message);
    }
  }

  function describeModel() {
    const m = board.decisionModel;
    replace(inForce, m.isDefault ? "In force: the default model, " : "In force: ",
      board.factors.map((f) => `${title(f.key)} ${m.weights[f.key]}`).join(", "),
      `; Yes from ${m.thresholds.yes}, Maybe from ${m.thresholds.maybe}.`);
  }

  let timer = null;
  form.addEventListener("input", () => {
    replace(saved, "");
    clearTimeout(timer);
    timer = setTimeout(refreshPreview, 200);
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearTimeout(timer);
    replace(saved, "");
    try {
      await post(`${base}/decision-model`, { ...body(), expectedVersion: board.version });
      board = await get(base);
      replace(head, assessmentHead(board, "decision-model"));
      describeModel();
      markFields(null);
      replace(message, "");
      replace(saved, `Model saved at version ${board.version}.`);
      announce("Model saved.");
      await refreshPreview();
    } catch (error) {
      markFields(error);
      replace(message, error.message);
      if (error.status === 409) board = await get(base);
    }
  });

  replace(head, assessmentHead(board, "decision-model"));
  describeModel();
  replace(main, head, h("h2", {}, "Decision model"), inForce,
    h("div", { class: "decision-layout" }, form, h("section", { class: "preview-section", "aria-label": "Preview" }, h("h2", {}, "Preview"), preview)));
  await refreshPreview();
  return () => clearTimeout(timer);
}
