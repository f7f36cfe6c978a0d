// The banners that say when the live connection is lost, and that it came back and caught up; and when saving is
// paused because the server cannot reach its database, and that the changes kept meanwhile were saved.
let hideTimer = null;

export function showConnection(status, detail) {
  const banner = document.getElementById("connection");
  if (!banner) return;
  clearTimeout(hideTimer);
  banner.className = "banner no-print";
  banner.dataset.connection = status;
  if (status === "reconnecting" || status === "disconnected") {
    banner.setAttribute("aria-live", "assertive");
    banner.classList.add("banner-warning");
    // One message for both: whether the client is reconnecting or starting over after the server closed the
    // connection (a restart), the person's situation and what happens next are the same.
    banner.textContent = "Connection lost. Reconnecting… Changes made meanwhile will appear when the board is back.";
    banner.hidden = false;
    return;
  }
  if (status === "connected" && detail && !detail.first) {
    banner.setAttribute("aria-live", "polite");
    banner.classList.add("banner-ok");
    banner.textContent = `Reconnected. The board has caught up (version ${detail.version}).`;
    banner.hidden = false;
    hideTimer = setTimeout(() => { banner.hidden = true; }, 4000);
    return;
  }
  banner.hidden = true;
}

export function hideConnection() {
  clearTimeout(hideTimer);
  const banner = document.getElementById("connection");
  if (banner) banner.hidden = true;
}

let pausedWrites = 0;
let savedTimer = null;

/** A change could not be saved yet (the database is unreachable, or the server is): it is kept and retried. */
export function savingPaused() {
  pausedWrites += 1;
  const banner = document.getElementById("saving");
  if (!banner) return;
  clearTimeout(savedTimer);
  banner.className = "banner banner-warning no-print";
  banner.dataset.saving = "paused";
  banner.textContent = "Saving is paused: the server cannot reach its database right now. Your changes are kept and will be saved automatically as soon as it is back. No need to enter them again.";
  banner.hidden = false;
}

/** A paused change was saved, or given up: once none is waiting, say so briefly. */
export function savingResumed(saved = true) {
  pausedWrites = Math.max(0, pausedWrites - 1);
  const banner = document.getElementById("saving");
  if (!banner || pausedWrites > 0) return;
  banner.className = `banner ${saved ? "banner-ok" : "banner-warning"} no-print`;
  banner.dataset.saving = saved ? "resumed" : "failed";
  banner.textContent = saved ? "Saving works again. Your changes have been saved." : "Saving is still not possible. Check the message shown and try again.";
  savedTimer = setTimeout(() => { banner.hidden = true; }, 4000);
}
