// The parts of an invite shared by the facilitator panel and the People view: who is invited (name, organisation,
// role), and the join link with a Copy link button (plus, where the room needs it, extra buttons beside it).
import { h, replace, uid } from "../dom.js";
import { textField } from "./dialog.js";

function select(name, label, options, value) {
  const id = uid(name);
  return h("div", { class: "field" },
    h("label", { for: id }, label),
    h("select", { id, name }, options.map(([v, text]) => h("option", { value: v, selected: v === value }, text))));
}

/** Name, organisation and role: the fields POST /api/invites takes. */
export function inviteeFields() {
  return [
    textField("name", "Name", { required: true, maxlength: 120 }),
    h("div", { class: "field-row" },
      select("org", "Organisation", [["city", "City"], ["county", "County"], ["wpf", "Wisconsin Policy Forum"]], "city"),
      select("role", "Role", [["reviewer", "Reviewer"], ["facilitator", "Facilitator"], ["observer", "Observer"]], "reviewer")),
  ];
}

/** The invitee fields as FormData would carry them to POST /api/invites. */
export const invitee = (data) => ({ name: data.get("name"), org: data.get("org"), role: data.get("role") });

/** The join link, selectable, with Copy link (falling back to selecting it when the clipboard is refused). */
export function joinLink(invite, label, ...extraButtons) {
  const linkId = uid("join-link");
  const copied = h("span", { class: "inline-message", role: "status" });
  return [
    h("label", { for: linkId }, label),
    h("div", { class: "copy-row" },
      h("input", { id: linkId, type: "text", readonly: true, value: invite.joinUrl, dataset: { joinLink: "" }, onfocus: (e) => e.target.select() }),
      h("button", {
        type: "button", class: "secondary",
        onclick: async () => {
          try {
            await navigator.clipboard.writeText(invite.joinUrl);
            replace(copied, "Copied.");
          } catch {
            document.getElementById(linkId).select();
            replace(copied, "Press Ctrl+C to copy the selected link.");
          }
        },
      }, "Copy link"),
      ...extraButtons,
      copied),
  ];
}
