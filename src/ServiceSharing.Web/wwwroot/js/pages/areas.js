// Shaping the board (facilitators): add an area, rename one, move it up or down, mark it a priority with its focus,
// or retire it (it leaves the board; its history and replay keep it). Every button is one event on the server; the
// list is read again after each, so what is shown is what the server holds.
import { announce, h, replace, uid } from "../dom.js";
import { get, post } from "../api.js";
import { assessmentHead } from "../board/assessment-head.js";
import { redraw } from "../board/keep-focus.js";
import { textField } from "../board/dialog.js";

const hidden = (text) => h("span", { class: "visually-hidden" }, text);

export async function render(main, { assessmentId }) {
  const base = `/api/assessments/${assessmentId}`;
  let board = await get(base);
  const head = h("div");
  const list = h("div");
  const message = h("p", { class: "form-message", role: "status", dataset: { areasMessage: "" } });

  async function act(work, done) {
    replace(message, "");
    try {
      await work();
      board = await get(base);
      draw();
      replace(message, done);
      announce(done);
      return true;
    } catch (error) {
      replace(message, error.message);
      return false;
    }
  }

  function move(index, by) {
    const ids = board.areas.map((a) => a.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved);
    return act(() => post(`${base}/areas/order`, { areaIds: ids, expectedVersion: board.version }),
      `Moved ${board.areas[index].name} ${by < 0 ? "up" : "down"}.`);
  }

  function row(area, index) {
    const nameId = uid("area-name");
    const focusId = uid("focus");
    const priorityId = uid("priority");
    const nameInput = h("input", { id: nameId, type: "text", value: area.name, maxlength: 120, dataset: { focusKey: `name:${area.id}` } });
    const focusInput = h("input", { id: focusId, type: "text", value: area.priorityFocus ?? "", maxlength: 120, dataset: { focusKey: `focus:${area.id}` } });
    const priorityBox = h("input", { id: priorityId, type: "checkbox", checked: area.priority, dataset: { focusKey: `priority:${area.id}` } });
    return h("li", { class: "area-row panel", dataset: { area: area.name, areaId: area.id } },
      h("div", { class: "area-row-name" },
        h("label", { for: nameId }, "Name", hidden(` of ${area.name}`)),
        h("div", { class: "copy-row" }, nameInput,
          h("button", { type: "button", class: "secondary", dataset: { focusKey: `rename:${area.id}` },
            onclick: () => act(() => post(`${base}/areas/${area.id}/rename`, { name: nameInput.value }), `Renamed ${area.name} to ${nameInput.value.trim()}.`) },
          "Rename", hidden(` ${area.name}`)))),
      h("div", { class: "area-row-priority" },
        h("label", { class: "check", for: priorityId }, priorityBox, " Priority", hidden(` ${area.name}`)),
        h("label", { for: focusId }, "Focus", hidden(` of ${area.name}`)),
        focusInput,
        h("button", { type: "button", class: "secondary", dataset: { focusKey: `save-priority:${area.id}` },
          onclick: () => act(() => post(`${base}/priorities`, { areaId: area.id, priority: priorityBox.checked, focus: priorityBox.checked ? focusInput.value || null : null }),
            priorityBox.checked ? `${area.name} is a priority${focusInput.value.trim() ? `: ${focusInput.value.trim()}` : ""}.` : `${area.name} is no longer a priority.`) },
        "Save priority", hidden(` of ${area.name}`))),
      h("div", { class: "button-row area-row-actions" },
        h("button", { type: "button", class: "secondary", disabled: index === 0, dataset: { focusKey: `up:${area.id}` }, onclick: () => move(index, -1) }, "Move up", hidden(` ${area.name}`)),
        h("button", { type: "button", class: "secondary", disabled: index === board.areas.length - 1, dataset: { focusKey: `down:${area.id}` }, onclick: () => move(index, 1) }, "Move down", hidden(` ${area.name}`)),
        h("button", { type: "button", class: "danger", dataset: { focusKey: `retire:${area.id}` },
          onclick: () => act(() => post(`${base}/areas/${area.id}/retire`, {}), `Retired ${area.name}: it left the board and stays in its history and in replay.`) },
        "Retire area", hidden(` ${area.name}`))));
  }

  function draw() {
    replace(head, assessmentHead(board, "areas"));
    redraw(list, () => board.areas.length === 0
      ? h("p", { class: "muted" }, "No areas yet: add the first one above.")
      : h("ol", { class: "area-list", "aria-label": "Areas on the board, in order" }, board.areas.map(row)));
  }

  const addForm = h("form", { class: "panel add-area", onsubmit: async (event) => {
    event.preventDefault();
    const name = new FormData(addForm).get("name");
    if (await act(() => post(`${base}/areas`, { name }), `Added ${String(name).trim()}.`)) addForm.reset();
  } },
  h("h2", {}, "Add an area"),
  textField("name", "Area name", { required: true, maxlength: 120 }),
  h("button", { type: "submit", class: "primary" }, "Add area"));

  draw();
  replace(main, head, addForm, message, h("h2", {}, "Areas"), list);
  return null;
}
