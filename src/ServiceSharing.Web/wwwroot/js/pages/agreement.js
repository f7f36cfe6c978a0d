// How far the panel agrees, at any point of the replay (?version=): the city-minus-county heat map, alpha and
// kappa per factor with their readings, the disagreement flags, and what would flip each area's suggested verdict.
import { h, replace, signed, scoreText, title } from "../dom.js";
import { get } from "../api.js";
import { setQuery } from "../app.js";
import { assessmentHead } from "../board/assessment-head.js";
import { loadTimeline, scrubber } from "../board/scrubber.js";

const number = (value) => (value === null || value === undefined ? "–" : value.toFixed(3).replace(/^(-?)0\./, "$1."));

/** Diverging colours: blue where the city rates higher, orange where the county does; strength by distance. */
function heatStyle(diff) {
  if (diff === null || diff === undefined) return "";
  const strength = Math.min(1, Math.abs(diff) / 4);
  const hue = diff > 0 ? 212 : 28;
  // Dark text on the light half, white on the dark end: both keep a contrast of at least 4.5:1.
  const light = 96 - strength * 58;
  const text = light < 45 ? "#ffffff" : "#1b1f24";
  return diff === 0 ? "background:#eef1f4" : `background:hsl(${hue} 70% ${light}%);color:${text}`;
}

function heatMap(agreement, factors) {
  return h("table", { class: "heat", "aria-label": "City minus county, by area and factor" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Area"), factors.map((f) => h("th", { scope: "col" }, title(f.key))))),
    h("tbody", {}, agreement.byArea.map((area) => h("tr", { dataset: { area: area.name } },
      h("th", { scope: "row" }, area.name),
      factors.map((f) => {
        const cell = area.byFactor[f.key];
        const diff = cell.cityMinusCounty;
        return h("td", {
          style: heatStyle(diff), dataset: { factor: f.key, diff: diff === null ? "" : String(diff) },
          title: diff === null ? cell.cityMinusCountyReason ?? "" : `City ${scoreText(cell.city)}, county ${scoreText(cell.county)}; median ${scoreText(cell.median)}, IQR ${scoreText(cell.iqr)}`,
        },
        h("span", { class: "heat-number" }, signed(diff)),
        cell.disagreement && h("span", { class: "flag", title: cell.disagreementReading }, " ⚑", h("span", { class: "visually-hidden" }, " panel disagrees")));
      })))));
}

function factorTable(agreement, factors) {
  return h("table", { class: "list agreement-factors" },
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Factor"),
      h("th", { scope: "col" }, "Krippendorff's α (ordinal)"),
      h("th", { scope: "col" }, "Reading (Krippendorff 2004)"),
      h("th", { scope: "col" }, "City–county κ (quadratic)"),
      h("th", { scope: "col" }, "Reading (Landis & Koch 1977)"),
      h("th", { scope: "col" }, "Areas rated by both"))),
    h("tbody", {}, factors.map((f) => {
      const s = agreement.byFactor[f.key];
      return h("tr", { dataset: { factor: f.key } },
        h("th", { scope: "row" }, title(f.key)),
        h("td", { class: "num", dataset: { alpha: s.alpha ?? "" } }, number(s.alpha)),
        h("td", {}, s.alphaReading),
        h("td", { class: "num", dataset: { kappa: s.kappaCityCounty ?? "" } }, number(s.kappaCityCounty)),
        h("td", {}, s.kappaCityCountyReading),
        h("td", { class: "num" }, s.areasRatedByBoth));
    })));
}

function flags(agreement, factors) {
  const flagged = agreement.byArea.flatMap((area) => factors
    .filter((f) => area.byFactor[f.key].disagreement)
    .map((f) => h("li", {}, h("strong", {}, `${area.name} · ${title(f.key)}: `), area.byFactor[f.key].disagreementReading)));
  return flagged.length ? h("ul", { class: "flags" }, flagged) : h("p", {}, "No cell meets the RAND/UCLA disagreement rule (a third of the panel at each end of the scale).");
}

function sensitivityTable(sensitivity) {
  return h("table", { class: "list sensitivity" },
    h("thead", {}, h("tr", {}, ["Area", "Recorded", "Model suggests", "Score", "What flips it"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, sensitivity.areas.map((a) => h("tr", { dataset: { area: a.name } },
      h("th", { scope: "row" }, a.name),
      h("td", {}, a.recordedVerdict ?? "–"),
      h("td", {}, a.suggestedVerdict ?? h("span", { class: "muted" }, a.suggestionReason ?? "–")),
      h("td", { class: "num" }, scoreText(a.score)),
      h("td", {}, [a.whatFlips.rating?.reading, a.whatFlips.weight?.reading].filter(Boolean).join("; ") || a.whatFlips.ratingReason || a.whatFlips.weightReason || "–")))));
}

export async function render(main, { assessmentId, query }) {
  const base = `/api/assessments/${assessmentId}`;
  const { latest, snapshots, entries } = await loadTimeline(base);

  const head = h("div");
  const body = h("div", { class: "agreement" });
  let request = 0;

  async function show(v) {
    setQuery({ version: v === latest.version ? null : v });
    const mine = ++request;
    const point = { version: v };
    const [board, agreement, sensitivity] = await Promise.all([get(base, point), get(`${base}/agreement`, point), get(`${base}/sensitivity`, point)]);
    if (mine !== request) return;
    replace(head, assessmentHead(board, "agreement", { subtitle: `Agreement at version ${v} of ${latest.version}` }));
    replace(body,
      h("section", { class: "panel" },
        h("h2", {}, "Divergence: city minus county"),
        h("p", { class: "hint" }, "Each number is the city's median minus the county's median on the 0-4 scale: + means the city rates higher (blue), − the county (orange). ⚑ marks a panel in disagreement."),
        heatMap(agreement, board.factors)),
      h("section", { class: "panel" },
        h("h2", {}, "Agreement per factor"),
        h("p", { dataset: { overallAlpha: agreement.alpha ?? "" } }, `All reviewers, all factors: α = ${number(agreement.alpha)}, ${agreement.alphaReading} (${agreement.reviewers} reviewers, ${agreement.ratings} ratings).`),
        factorTable(agreement, board.factors),
        h("p", { class: "hint" }, "α: Krippendorff's alpha over all reviewers, missing ratings allowed; rely on .800 or more, tentative from .667. κ: weighted kappa between the city's and county's values across areas; Landis & Koch bands: slight, fair, moderate, substantial, almost perfect.")),
      h("section", { class: "panel" }, h("h2", {}, "Disagreement flags"), flags(agreement, board.factors)),
      h("section", { class: "panel" }, h("h2", {}, "Sensitivity: what flips each suggested verdict"), sensitivityTable(sensitivity)));
  }

  const requested = Number(query.get("version") ?? latest.version);
  const timeline = scrubber({ max: latest.version, value: requested, snapshots, entries, onChange: show });
  replace(main, head, timeline.el, body);
  await show(requested);
  return () => timeline.stop();
}
