// Live updates redraw parts of the page; a keyboard user must not lose their place when that happens.
// Focusable elements that get redrawn carry data-focus-key; after a redraw the same key gets focus back.

export function redraw(container, build) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.focusKey : null;
  const content = build();
  container.replaceChildren(...[content].flat().filter(Boolean));
  if (key) container.querySelector(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
}
