// A modal form on a native <dialog>: focus moves into it, Escape cancels, focus returns to the button that
// opened it. An API refusal is shown in plain words inside the dialog, next to the fields it names.
import { h, replace, uid } from "../dom.js";

export function openDialog({ heading, content, submitLabel = "Save", onSubmit, returnFocus, className = "" }) {
  const headingId = uid("dialog-title");
  const message = h("div", { class: "form-message", role: "alert", dataset: { dialogMessage: "" } });
  const dialog = h("dialog", { class: `dialog ${className}`.trim(), "aria-labelledby": headingId });
  const form = h("form", { method: "dialog" },
    h("h2", { id: headingId }, heading),
    content,
    message,
    h("div", { class: "dialog-actions" },
      h("button", { type: "button", class: "secondary", onclick: () => dialog.close() }, "Cancel"),
      h("button", { type: "submit", class: "primary" }, submitLabel)));

  const handle = {
    dialog,
    form,
    close: () => dialog.close(),
    /** Shows a message (and marks the fields a 400 named); the dialog stays open. */
    showError(error) {
      for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
      for (const field of Object.keys(error.fields ?? {})) {
        form.querySelector(`[name="${CSS.escape(field)}"]`)?.setAttribute("aria-invalid", "true");
      }
      replace(message, error.message);
    },
    showNote(text) {
      replace(message, text);
    },
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const submit = form.querySelector("button[type=submit]");
    submit.disabled = true;
    try {
      if ((await onSubmit(new FormData(form), handle)) !== false) dialog.close();
    } catch (error) {
      handle.showError(error);
    } finally {
      submit.disabled = false;
    }
  });
  // A live update may have redrawn the opener meanwhile: then its successor (same data-focus-key) gets focus.
  const focusKey = returnFocus?.dataset.focusKey;
  dialog.addEventListener("close", () => {
    dialog.remove();
    const target = returnFocus?.isConnected ? returnFocus : focusKey && document.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
    target?.focus();
  });

  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
  (form.querySelector("input:checked") ?? form.querySelector("input, textarea, select"))?.focus();
  return handle;
}

/** A radio group as a fieldset with a legend, each option a label around its input. */
export function radioGroup(name, legend, options, selected) {
  return h("fieldset", { class: "choices" },
    h("legend", {}, legend),
    options.map((option) => h("label", { class: "choice", dataset: { choice: String(option.value) } },
      h("input", { type: "radio", name, value: String(option.value), checked: String(option.value) === String(selected ?? "") }),
      option.label)));
}

export function textField(name, label, { value = "", multiline = false, hint, required = false, maxlength = 2000 } = {}) {
  const id = uid(name);
  const input = multiline
    ? h("textarea", { id, name, rows: 3, maxlength, required })
    : h("input", { id, name, type: "text", maxlength, required });
  input.value = value ?? "";
  return h("div", { class: "field" },
    h("label", { for: id }, label),
    hint && h("p", { class: "hint", id: `${id}-hint` }, hint),
    input);
}
