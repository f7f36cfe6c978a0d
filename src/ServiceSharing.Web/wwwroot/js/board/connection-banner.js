// The banner that says when the live connection is lost, and that it came back and caught up.
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
