// People (facilitators): everyone invited, with org, role, when their invite ends and whether it still works; a new
// invite's join link to copy or to show the room as a QR code; Revoke takes someone's access back at once.
import { announce, formatTime, h, orgName, replace } from "../dom.js";
import { get, post } from "../api.js";
import { invitee, inviteeFields, joinLink } from "../board/invite-parts.js";

const ROLE_WORDS = { reviewer: "Reviewer", facilitator: "Facilitator", observer: "Observer" };

/** The join link as a QR code image (npm qrcode, bundled into lib/qrcode.min.js), for people to scan off the wall. */
async function qrImage(link, name) {
  const url = await QRCode.toDataURL(link, { errorCorrectionLevel: "M", margin: 2, width: 320 });
  return h("img", { src: url, width: 320, height: 320, class: "qr", alt: `QR code of the join link for ${name}`, dataset: { qrFor: link } });
}

function inviteResult(invite, name) {
  const qrSlot = h("div", { class: "qr-slot" });
  const showQr = h("button", {
    type: "button", class: "secondary", "aria-expanded": "false",
    onclick: async (event) => {
      const button = event.currentTarget;
      if (button.getAttribute("aria-expanded") === "true") {
        qrSlot.replaceChildren();
        button.setAttribute("aria-expanded", "false");
        return;
      }
      replace(qrSlot, await qrImage(invite.joinUrl, name));
      button.setAttribute("aria-expanded", "true");
    },
  }, "Show QR code");
  const [label, copyRow] = joinLink(invite, `Join link for ${name}`, showQr);
  return h("div", { class: "panel invite-result", dataset: { inviteFor: name } },
    label,
    h("p", { class: "hint" }, `It works until ${formatTime(invite.expiresAt)}.`),
    copyRow,
    qrSlot);
}

function statusText(p, now) {
  if (p.status === "revoked") return `Revoked${p.revokedAt ? ` ${formatTime(p.revokedAt)}` : ""}${p.revokedBy ? ` by ${p.revokedBy}` : ""}`;
  return new Date(p.expiresAt) <= now ? "Expired" : "Active";
}

export async function render(main) {
  const list = h("div");
  const note = h("p", { class: "inline-message", role: "status", dataset: { peopleMessage: "" } });
  const result = h("div");

  async function draw() {
    const people = await get("/api/participants");
    const now = new Date();
    replace(list, h("table", { class: "list people-table" },
      h("caption", { class: "visually-hidden" }, "Everyone invited, in the order they were invited"),
      h("thead", {}, h("tr", {}, ["Name", "Organisation", "Role", "Invite expires", "Status", "Access"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, people.map((p) => h("tr", { dataset: { person: p.name, status: p.status } },
        h("th", { scope: "row" }, p.name),
        h("td", {}, h("span", { class: `org-badge org-${p.org}` }, orgName(p.org))),
        h("td", {}, ROLE_WORDS[p.role] ?? p.role),
        h("td", {}, formatTime(p.expiresAt)),
        h("td", { dataset: { statusText: "" } }, statusText(p, now)),
        h("td", {}, p.status === "active" && h("button", {
          type: "button", class: "danger small", dataset: { focusKey: `revoke:${p.id}` },
          onclick: async () => {
            try {
              await post(`/api/participants/${p.id}/revoke`);
              await draw();
              replace(note, `${p.name} can no longer sign in; their open screens were disconnected.`);
              announce(`${p.name}'s access was revoked.`);
            } catch (error) {
              replace(note, error.message);
            }
          },
        }, "Revoke", h("span", { class: "visually-hidden" }, ` ${p.name}`))))))));
  }

  const message = h("div", { class: "form-message", role: "alert" });
  const form = h("form", { class: "panel invite-form", onsubmit: async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    replace(message, "");
    try {
      const invite = await post("/api/invites", invitee(data));
      replace(result, inviteResult(invite, String(data.get("name")).trim()));
      form.reset();
      await draw();
    } catch (error) {
      replace(message, error.message);
    }
  } },
  h("h2", {}, "Invite someone"),
  ...inviteeFields(),
  message,
  h("button", { type: "submit", class: "primary" }, "Create invite"));

  replace(main, h("h1", {}, "People"), h("div", { class: "people-layout" }, h("div", {}, form, result), h("section", { "aria-label": "Everyone invited" }, note, list)));
  await draw();
  return null;
}
