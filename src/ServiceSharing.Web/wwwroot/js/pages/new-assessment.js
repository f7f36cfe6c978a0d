// The form behind "New assessment": a title, a start (Blank or the Partnering Up study), the two governments' names
// as the board shows them, the factors' wording and the scale's step labels. The starts and their wording come from
// the server (GET /api/assessment-starts); "Create" sends them and opens the new board.
import { h, replace, title, uid } from "../dom.js";
import { get, post } from "../api.js";
import { textField } from "../board/dialog.js";

function startChoice(start, checked, onPick) {
  const id = uid("start");
  return h("div", { class: "choice" },
    h("input", { id, type: "radio", name: "start", value: start.key, checked, onchange: () => onPick(start) }),
    h("label", { for: id }, start.name, h("span", { class: "hint" }, start.areas.length ? ` — its ${start.areas.length} areas, four factors and scale, no ratings` : " — no areas yet; add them on the board")));
}

function setValue(form, name, value) {
  const input = form.elements.namedItem(name);
  if (input) input.value = value ?? "";
}

export async function newAssessmentForm({ onCancel }) {
  const starts = await get("/api/assessment-starts");
  const blank = starts.find((s) => s.key === "blank") ?? starts[0];
  const message = h("div", { class: "form-message", role: "alert" });
  const areasNote = h("p", { class: "hint", dataset: { startAreas: "" } });

  const form = h("form", { class: "new-assessment panel", "aria-labelledby": "new-assessment-title" },
    h("h2", { id: "new-assessment-title" }, "New assessment"),
    textField("title", "Title", { required: true, maxlength: 200 }),
    h("fieldset", { class: "choices" }, h("legend", {}, "Start from"),
      starts.map((s) => startChoice(s, s === blank, (picked) => fill(picked)))),
    areasNote,
    h("fieldset", {}, h("legend", {}, "The two governments, as the board names them"),
      h("div", { class: "field-row" },
        textField("city", "First government (city side)", { maxlength: 120 }),
        textField("county", "Second government (county side)", { maxlength: 120 }))),
    h("fieldset", {}, h("legend", {}, "Factors"),
      blank.factors.map((f) => h("div", { class: "field-row factor-fields", dataset: { factorKey: f.key } },
        textField(`factor-${f.key}-label`, `${title(f.key)}: label`, { maxlength: 200, required: true }),
        textField(`factor-${f.key}-description`, `${title(f.key)}: description (optional)`, { maxlength: 2000 })))),
    h("fieldset", {}, h("legend", {}, "Scale: what each step of the Harvey balls is called"),
      h("div", { class: "field-row scale-fields" },
        blank.scale.map((s) => textField(`scale-${s.score}`, `Step ${s.score}`, { maxlength: 120, required: true })))),
    message,
    h("div", { class: "button-row" },
      h("button", { type: "submit", class: "primary" }, "Create"),
      h("button", { type: "button", class: "secondary", onclick: onCancel }, "Cancel")));

  function fill(start) {
    setValue(form, "city", start.governments.city);
    setValue(form, "county", start.governments.county);
    for (const f of start.factors) {
      setValue(form, `factor-${f.key}-label`, f.label);
      setValue(form, `factor-${f.key}-description`, f.description);
    }
    for (const s of start.scale) setValue(form, `scale-${s.score}`, s.label);
    replace(areasNote, start.areas.length ? `Areas: ${start.areas.join(", ")}.` : "");
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const submit = form.querySelector("button[type=submit]");
    submit.disabled = true;
    replace(message, "");
    try {
      const created = await post("/api/assessments", {
        title: data.get("title"),
        start: data.get("start"),
        governments: { city: data.get("city"), county: data.get("county") },
        factors: blank.factors.map((f) => ({ key: f.key, label: data.get(`factor-${f.key}-label`), description: data.get(`factor-${f.key}-description`) || null })),
        scale: blank.scale.map((s) => ({ score: s.score, label: data.get(`scale-${s.score}`) })),
      });
      location.hash = `#/assessments/${created.id}`;
    } catch (error) {
      for (const field of Object.keys(error.fields ?? {})) {
        form.querySelector(`[name="${CSS.escape(field === "governments.city" ? "city" : field === "governments.county" ? "county" : field)}"]`)?.setAttribute("aria-invalid", "true");
      }
      replace(message, error.message);
    } finally {
      submit.disabled = false;
    }
  });

  fill(blank);
  return form;
}
