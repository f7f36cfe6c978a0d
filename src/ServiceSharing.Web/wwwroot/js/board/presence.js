// Who is in the session, and who is here right now (connected to the live board).
import { h, orgName } from "../dom.js";

export function presenceList(session) {
  const people = session.participants.filter((p) => p.invited || p.connected);
  const here = people.filter((p) => p.connected).length;
  return h("section", { class: "panel presence", "aria-label": "Who is here" },
    h("h2", {}, "Who is here ", h("span", { class: "count" }, `${here} of ${people.length}`)),
    h("ul", { class: "people" }, people.map((p) => h("li", { class: p.connected ? "here" : "away", dataset: { participant: p.name, present: String(p.connected) } },
      h("span", { class: "dot", "aria-hidden": "true" }, p.connected ? "●" : "○"),
      h("span", { class: "person" }, p.name),
      h("span", { class: `org-badge org-${p.org}` }, `${orgName(p.org)} ${p.role}`),
      h("span", { class: "visually-hidden" }, p.connected ? ", here" : ", not connected")))));
}
