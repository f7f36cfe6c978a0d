// Harvey balls: a circle filled by quarters for the 0-4 scale (a median such as 2.5 fills proportionally).
// The SVG is decoration only (aria-hidden); every ball is shown beside its number and named in words.
import { h } from "./dom.js";

export const SCALE_WORDS = ["none", "low", "moderate", "high", "very high"];

export function scaleWord(value) {
  if (value === null || value === undefined) return "not rated";
  // A median can fall between two steps (2.5): it is named by both.
  const low = SCALE_WORDS[Math.floor(value)];
  const high = SCALE_WORDS[Math.ceil(value)];
  return low === high ? low ?? String(value) : `${low} to ${high}`;
}

export function harveyBall(value, { size = 20, className = "" } = {}) {
  const r = 9;
  const svg = h("svg:svg", {
    class: `ball ${className}`.trim(),
    viewBox: "0 0 20 20",
    width: size,
    height: size,
    "aria-hidden": "true",
    focusable: "false",
  });
  if (value === null || value === undefined) {
    svg.append(h("svg:circle", { cx: 10, cy: 10, r, class: "ball-empty" }));
    return svg;
  }

  const fraction = Math.max(0, Math.min(1, value / 4));
  svg.append(h("svg:circle", { cx: 10, cy: 10, r, class: "ball-ring" }));
  if (fraction >= 1) {
    svg.append(h("svg:circle", { cx: 10, cy: 10, r, class: "ball-fill" }));
  } else if (fraction > 0) {
    // A pie slice from twelve o'clock, clockwise.
    const angle = fraction * 2 * Math.PI;
    const x = 10 + r * Math.sin(angle);
    const y = 10 - r * Math.cos(angle);
    const large = fraction > 0.5 ? 1 : 0;
    svg.append(h("svg:path", { d: `M10 10 L10 ${10 - r} A${r} ${r} 0 ${large} 1 ${x.toFixed(3)} ${y.toFixed(3)} Z`, class: "ball-fill" }));
  }
  return svg;
}
