// Sign in by pasting an invite link (or its token), for when the link cannot simply be opened.
import { h, replace, uid } from "../dom.js";
import { me, signIn, tokenFrom } from "../auth.js";

export async function render(main, { query }) {
  const who = me();
  const inputId = uid("invite");
  const message = h("p", { class: "form-message", role: "alert" });
  const input = h("input", { id: inputId, name: "invite", type: "text", autocomplete: "off", spellcheck: "false", required: true, "aria-describedby": `${inputId}-hint` });

  const form = h("form", {
    class: "card narrow",
    onsubmit: async (event) => {
      event.preventDefault();
      const found = tokenFrom(input.value);
      if (!found) {
        input.setAttribute("aria-invalid", "true");
        replace(message, "That does not look like an invite link. Copy the whole link the facilitator sent you.");
        input.focus();
        return;
      }
      try {
        await signIn(found);
        location.hash = "#/assessments";
      } catch (error) {
        input.setAttribute("aria-invalid", "true");
        replace(message, error.message);
        input.focus();
      }
    },
  },
  h("h1", {}, "Join a workshop"),
  query.get("expired") && h("p", { class: "alert", role: "alert" }, "Your invite has expired. Ask the facilitator for a new link."),
  who && h("p", {}, `You are signed in as ${who.name}. `, h("a", { href: "#/assessments" }, "Go to the assessments"), "."),
  h("p", {}, "Open the invite link you were sent, or paste it here."),
  h("label", { for: inputId }, "Invite link"),
  h("p", { id: `${inputId}-hint`, class: "hint" }, "It looks like http://…/join.html#token=…"),
  input,
  message,
  h("button", { type: "submit", class: "primary" }, "Sign in"));

  replace(main, form);
  input.focus();
}
