// A timeline over an assessment's versions, with its named snapshots as marks. Arrow keys, Home and End move the
// native range input; the buttons step one change at a time or play forward.
import { h, formatTime, uid } from "../dom.js";
import { get } from "../api.js";
import { sentence } from "../describe.js";

const PLAY_STEP_MS = 800;

/** What a timeline stands on: the board now (its version is the end), the named snapshots, and every change. */
export async function loadTimeline(base) {
  const [latest, snapshots, entries] = await Promise.all([get(base), get(`${base}/snapshots`), get(`${base}/history`)]);
  return { latest, snapshots, entries };
}

export function scrubber({ max, value, snapshots, entries, onChange }) {
  const id = uid("version");
  const listId = uid("marks");
  const byVersion = new Map(entries.map((e) => [e.version, e]));
  const caption = h("p", { class: "scrub-caption", role: "status", "aria-live": "polite" });
  const range = h("input", { id, type: "range", min: 1, max, step: 1, value, list: listId, dataset: { scrubber: "" } });
  let playing = null;
  const play = h("button", { type: "button", class: "secondary", dataset: { play: "" } }, "▶ Play");

  const describe = (v) => {
    const e = byVersion.get(v);
    const snap = snapshots.find((s) => s.version === v);
    return `Version ${v} of ${max}${e ? ` · ${formatTime(e.at)} · ${sentence(e)}` : ""}${snap && e?.field !== "snapshot" ? ` · snapshot “${snap.label}”` : ""}`;
  };

  function set(v, { fromUser = true } = {}) {
    const clamped = Math.max(1, Math.min(max, v));
    range.value = String(clamped);
    range.setAttribute("aria-valuetext", describe(clamped));
    caption.textContent = describe(clamped);
    for (const mark of marks.querySelectorAll("button")) mark.setAttribute("aria-pressed", String(Number(mark.dataset.version) === clamped));
    if (fromUser) onChange(clamped);
  }

  function stopPlaying() {
    clearInterval(playing);
    playing = null;
    play.textContent = "▶ Play";
  }

  play.addEventListener("click", () => {
    if (playing) return stopPlaying();
    if (Number(range.value) >= max) set(1);
    play.textContent = "❚❚ Pause";
    playing = setInterval(() => {
      const next = Number(range.value) + 1;
      if (next > max) return stopPlaying();
      set(next);
    }, PLAY_STEP_MS);
  });

  range.addEventListener("input", () => set(Number(range.value)));

  const position = (v) => (max === 1 ? 0 : ((v - 1) / (max - 1)) * 100);
  const marks = h("div", { class: "marks", role: "group", "aria-label": "Snapshots" },
    snapshots.map((s) => h("button", {
      type: "button", class: "mark", style: `left: ${position(s.version)}%`,
      dataset: { version: String(s.version), snapshot: s.label },
      title: `Snapshot ${s.label}: version ${s.version}, ${formatTime(s.at)}`,
      onclick: () => set(s.version),
    }, s.label)));

  const el = h("div", { class: "scrubber no-print" },
    h("label", { for: id }, "Point in the assessment's history"),
    h("div", { class: "scrub-track" }, range, marks),
    h("datalist", { id: listId }, snapshots.map((s) => h("option", { value: s.version, label: s.label }))),
    h("div", { class: "button-row" },
      h("button", { type: "button", class: "secondary", dataset: { step: "back" }, onclick: () => { stopPlaying(); set(Number(range.value) - 1); } }, "◀ Step back"),
      play,
      h("button", { type: "button", class: "secondary", dataset: { step: "forward" }, onclick: () => { stopPlaying(); set(Number(range.value) + 1); } }, "Step forward ▶"),
      h("button", { type: "button", class: "secondary", dataset: { step: "latest" }, onclick: () => { stopPlaying(); set(max); } }, "Latest")),
    caption);
  set(value, { fromUser: false });
  return { el, set, stop: stopPlaying };
}
