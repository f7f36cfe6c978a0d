// Builds DOM nodes without innerHTML, so text from the API (names, rationales) can never become markup.

/**
 * h("button", { class: "primary", onclick: fn, "aria-label": "Rate" }, "Rate") -> <button ...>Rate</button>.
 * Attributes: "class", "dataset" (object), "on<event>" (listener), booleans (true sets, false/null omits),
 * "style" (a CSS text, set through el.style), anything else via setAttribute. Children: nodes, strings, numbers, arrays; null/false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = tag.includes(":")
    ? document.createElementNS("http://www.w3.org/2000/svg", tag.split(":")[1])
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "dataset") Object.assign(el.dataset, value);
    else if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name === "value" && "value" in el) el.value = value;
    // Through the CSSOM: the Content-Security-Policy refuses style attributes, not styles set from script.
    else if (name === "style") el.style.cssText = String(value);
    else if (name === "checked" || name === "selected") el[name] = Boolean(value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Says something to screen readers without moving focus. */
export function announce(text) {
  const region = document.getElementById("announcer");
  if (region) region.textContent = text;
}

let ids = 0;
/** A document-unique id for label/aria wiring. */
export const uid = (prefix = "id") => `${prefix}-${++ids}`;

/** "similarity" -> "Similarity". */
export const title = (key) => (key ? key[0].toUpperCase() + key.slice(1) : "");

export const orgName = (org) => ({ city: "City", county: "County", wpf: "WPF" })[org] ?? org ?? "";

export function formatTime(iso) {
  if (!iso) return "";
  return new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
}

/** A score or median as shown: "2", "2.5", or an en dash when there is none. */
export const scoreText = (value) => (value === null || value === undefined ? "–" : String(Math.round(value * 100) / 100));

export function signed(value) {
  if (value === null || value === undefined) return "–";
  const rounded = Math.round(value * 100) / 100;
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : "0";
}
