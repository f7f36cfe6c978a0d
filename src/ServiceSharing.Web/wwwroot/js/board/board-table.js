// The board matrix of the study's "Initial Assessment" slide: areas x the four factors, then Overall and Next
// steps. The same renderer draws the live board (with rating buttons) and every read-only point of a replay.
import { h, orgName, scoreText, title } from "../dom.js";
import { harveyBall, scaleWord } from "../harvey.js";

export const SIDES = ["city", "county", "joint"];
/** City and county this far apart or more get the divergence mark (the same rule as a split round). */
export const DIVERGENCE = 2;

export const cellKey = (areaId, column) => `${areaId}:${column}`;

export function divergence(cell) {
  return cell.city !== null && cell.county !== null ? Math.abs(cell.city - cell.county) : null;
}

/** The two governments as this board names them ("City of Madison"), and the panel's joint score. */
export function sideNames(board) {
  return { city: board.governments?.city ?? orgName("city"), county: board.governments?.county ?? orgName("county"), joint: "Joint" };
}

function describeCell(area, factor, cell, names) {
  const parts = SIDES.map((side) => `${side === "joint" ? "joint" : names[side]} ${cell[side] === null ? "not rated" : `${scoreText(cell[side])} of 4, ${scaleWord(cell[side])}`}`);
  const gap = divergence(cell);
  const diverges = gap !== null && gap >= DIVERGENCE ? `; city and county differ by ${scoreText(gap)}` : "";
  return `${area.name}, ${title(factor.key)}: ${parts.join(", ")}${diverges}`;
}

const hidden = (text) => h("span", { class: "visually-hidden" }, text);

// The visible words ("City 3") come first and in order, so a cell's accessible name contains what is seen (WCAG 2.5.3).
function sideLine(side, value, names) {
  return h("span", { class: `rating-line side-${side}`, dataset: { side } },
    h("span", { class: "side-name" }, names[side]),
    harveyBall(value, { className: `ball-${side}` }),
    h("span", { class: "score" }, scoreText(value)),
    hidden(value === null ? " (not rated)," : ` of 4 (${scaleWord(value)}),`));
}

function factorCell(area, factor, options) {
  const cell = area.ratings[factor.key];
  const gap = divergence(cell);
  const divergent = gap !== null && gap >= DIVERGENCE;
  const label = describeCell(area, factor, cell, options.names);
  const lines = [
    hidden(`${area.name}, ${title(factor.key)}: `),
    SIDES.map((side) => sideLine(side, cell[side], options.names)),
    divergent && h("span", { class: "diverge", title: `City and county differ by ${scoreText(gap)} steps` },
      h("span", { "aria-hidden": "true" }, `Δ ${scoreText(gap)}`), hidden(` city and county differ by ${scoreText(gap)}.`)),
  ];
  const inRound = options.roundAreaId === area.id && options.roundFactors?.includes(factor.key);
  const rate = options.canRate?.(area, factor.key);
  const body = rate
    ? h("button", {
        type: "button",
        class: "cell-button",
        dataset: { rate: factor.key, focusKey: cellKey(area.id, factor.key) },
        onclick: (event) => options.onRate(area, factor, event.currentTarget),
      }, lines, hidden(` ${options.rateLabel ?? "Rate"}.`))
    : h("div", { class: "cell-static", role: "group", "aria-label": label }, lines);
  const key = cellKey(area.id, factor.key);
  return h("td", {
    class: ["factor-cell", options.highlight?.has(key) && "changed", options.recent?.has(key) && "just-changed", inRound && "in-round"].filter(Boolean).join(" "),
    dataset: { factor: factor.key, ...(divergent ? { divergent: String(gap) } : {}) },
  }, body, options.highlight?.has(key) && h("span", { class: "changed-tag" }, "changed"));
}

function verdictPill(verdict) {
  return verdict
    ? h("span", { class: `verdict verdict-${verdict.toLowerCase()}`, dataset: { verdict } }, verdict)
    : h("span", { class: "verdict verdict-none" }, "No verdict");
}

function overallCell(area, options) {
  const key = cellKey(area.id, "overall");
  const flips = area.whatFlips ?? {};
  const readings = [flips.rating?.reading, flips.weight?.reading].filter(Boolean);
  return h("td", { class: ["overall", options.highlight?.has(key) && "changed", options.recent?.has(key) && "just-changed"].filter(Boolean).join(" "), dataset: { column: "overall" } },
    h("div", { class: "verdict-line" },
      verdictPill(area.verdict),
      options.canDecide && h("button", {
        type: "button", class: "small no-print", dataset: { decide: area.name, focusKey: cellKey(area.id, "verdict") },
        onclick: (event) => options.onVerdict(area, event.currentTarget),
      }, "Record", h("span", { class: "visually-hidden" }, ` verdict for ${area.name}`))),
    // Without joint ratings the model has nothing to suggest; the Agreement view says why.
    area.suggestedVerdict && h("div", { class: "suggestion", dataset: { suggested: area.suggestedVerdict } },
      `Model suggests ${area.suggestedVerdict} (score ${scoreText(area.score)})`),
    readings.length > 0 && h("details", { class: "flips no-print" },
      h("summary", {}, "What flips it"),
      h("ul", {}, readings.map((r) => h("li", {}, r)))),
    options.highlight?.has(key) && h("span", { class: "changed-tag" }, "changed"));
}

function areaHeader(area, options) {
  const key = cellKey(area.id, "area");
  // The "Priority areas for further analysis" table names each row by its focus, with the board's area beside it.
  if (options.prioritiesOnly) {
    return h("th", { scope: "row", class: "area", dataset: { focus: area.priorityFocus ?? area.name } },
      h("span", { class: "area-name" }, area.priorityFocus ?? area.name),
      area.priorityFocus && area.priorityFocus !== area.name && h("span", { class: "area-of" }, `in ${area.name}`),
      options.historyHref && h("a", { class: "history-link no-print", href: options.historyHref(area) }, "History", h("span", { class: "visually-hidden" }, ` of ${area.name}`)));
  }
  return h("th", { scope: "row", class: ["area", options.highlight?.has(key) && "changed"].filter(Boolean).join(" ") },
    h("span", { class: "area-name" }, area.name),
    area.priority && h("span", { class: "priority", title: "Priority area for further analysis" },
      h("span", { "aria-hidden": "true" }, "★ "), "Priority", area.priorityFocus && area.priorityFocus !== area.name ? `: ${area.priorityFocus}` : ""),
    options.historyHref && h("a", { class: "history-link no-print", href: options.historyHref(area) }, "History", h("span", { class: "visually-hidden" }, ` of ${area.name}`)));
}

export function renderBoard(board, given = {}) {
  const options = { ...given, names: sideNames(board) };
  const head = h("tr", {},
    h("th", { scope: "col", class: "area-col" }, options.prioritiesOnly ? "Priority area" : "Functional area"),
    board.factors.map((factor) => h("th", { scope: "col", class: "factor-col", title: factor.label },
      title(factor.key), h("span", { class: "factor-label" }, factor.label))),
    h("th", { scope: "col", class: "overall-col" }, "Overall"),
    h("th", { scope: "col", class: "steps-col" }, "Next steps"));

  const areas = options.prioritiesOnly ? board.areas.filter((a) => a.priority) : board.areas;
  const rows = areas.map((area) => h("tr", { dataset: { area: area.name, areaId: area.id }, class: area.priority ? "is-priority" : "" },
    areaHeader(area, options),
    board.factors.map((factor) => factorCell(area, factor, options)),
    overallCell(area, options),
    h("td", { class: ["next-steps", options.highlight?.has(cellKey(area.id, "nextSteps")) && "changed"].filter(Boolean).join(" "), dataset: { column: "nextSteps" } }, area.nextSteps ?? "")));

  return h("div", { class: "board-wrap" },
    h("table", { class: "board", "aria-label": options.caption ?? `Board at version ${board.version}`, dataset: { filter: options.prioritiesOnly ? "priorities" : "all" } },
      h("thead", {}, head),
      h("tbody", {}, rows)),
    legend(options.names));
}

export function legend(names = { city: "City", county: "County" }) {
  return h("div", { class: "legend", "aria-label": "Legend" },
    h("span", { class: "legend-scale" }, [0, 1, 2, 3, 4].map((v) => h("span", { class: "legend-step" }, harveyBall(v, { size: 16 }), ` ${v} ${scaleWord(v)}`))),
    h("span", {}, `${names.city} and ${names.county}: the median of each government's reviewers; Joint: the panel's agreed score.`),
    h("span", {}, h("span", { class: "diverge" }, "Δ 2"), " city and county 2 or more steps apart"),
    h("span", {}, h("span", { class: "priority" }, "★ Priority"), " area for further analysis"));
}
