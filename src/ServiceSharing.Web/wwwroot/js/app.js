// The workshop web app: one page, hash routes, plain ES modules. The server is the single source of truth:
// every page reads the API, and the live board reloads what the server says after each push.
import { h, replace } from "./dom.js";
import { isFacilitator, me, signOut, token } from "./auth.js";
import { get } from "./api.js";
import * as joinPage from "./pages/join.js";
import * as assessmentsPage from "./pages/assessments.js";
import * as boardPage from "./pages/board.js";
import * as historyPage from "./pages/history.js";
import * as replayPage from "./pages/replay.js";
import * as comparePage from "./pages/compare.js";
import * as agreementPage from "./pages/agreement.js";
import * as phasesPage from "./pages/phases.js";
import * as areasPage from "./pages/areas.js";
import * as decisionModelPage from "./pages/decision-model.js";
import * as calibrationPage from "./pages/calibration.js";
import * as projectorPage from "./pages/projector.js";
import * as peoplePage from "./pages/people.js";

const ASSESSMENT_PAGES = {
  "": boardPage, history: historyPage, replay: replayPage, compare: comparePage, agreement: agreementPage, phases: phasesPage, areas: areasPage, "decision-model": decisionModelPage, calibration: calibrationPage, projector: projectorPage,
};

let cleanup = null;

/** "#/assessments/ID/replay?version=3" -> { parts: ["assessments", "ID", "replay"], query: URLSearchParams }. */
export function currentRoute() {
  const [path, search] = location.hash.replace(/^#\/?/, "").split("?");
  return { parts: path.split("/").filter(Boolean), query: new URLSearchParams(search ?? "") };
}

/** Changes the query of the current route without reloading the page (a replay's position, say). */
export function setQuery(values) {
  const { parts, query } = currentRoute();
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === "") query.delete(name);
    else query.set(name, value);
  }
  const search = query.toString();
  history.replaceState(null, "", `#/${parts.join("/")}${search ? `?${search}` : ""}`);
}

function renderUser() {
  const who = me();
  const slot = document.getElementById("user");
  if (!who) {
    replace(slot, h("a", { href: "#/join" }, "Sign in"));
    return;
  }
  replace(slot,
    isFacilitator(who) && h("a", { href: "#/people", class: "people-link" }, "People"),
    h("span", { class: "user-name", dataset: { role: who.role } }, who.name),
    h("span", { class: `org-badge org-${who.org}` }, `${who.org.toUpperCase()} · ${who.role}`),
    h("button", { type: "button", class: "link-button", onclick: () => { signOut(); location.hash = "#/join"; } }, "Sign out"));
}

/** Renders the route's page; the page's cleanup (closing its live connection) runs when the person moves on. */
async function renderPage(main, parts, query) {
  if (parts[0] === "join" || !token()) return joinPage.render(main, { query });
  if (parts[0] === "assessments" && parts[1]) {
    const page = ASSESSMENT_PAGES[parts[2] ?? ""];
    if (page) return page.render(main, { assessmentId: parts[1], query });
  }
  if (parts[0] === "people") return peoplePage.render(main, { query });
  if (parts.length === 0 || parts[0] === "assessments") return assessmentsPage.render(main, { query });
  replace(main, h("h1", {}, "Page not found"), h("p", {}, h("a", { href: "#/assessments" }, "Go to the assessments")));
  return null;
}

let navigation = 0;

async function route() {
  const mine = ++navigation;
  // A page still loading when the person moves on keeps writing into the element it was given: each navigation gets
  // a fresh #main, so a late page lands in a detached element and is closed as soon as it is done.
  const stale = document.getElementById("main");
  const main = stale.cloneNode(false);
  stale.replaceWith(main);
  const previous = cleanup;
  cleanup = null;
  if (previous) await previous();
  renderUser();
  const { parts, query } = currentRoute();
  let done;
  try {
    done = await renderPage(main, parts, query);
  } catch (error) {
    if (mine === navigation) throw error; // a page left behind fails silently; the current one is not disturbed
    return;
  }
  if (mine === navigation) cleanup = done;
  else if (done) await done();
}

/** Re-checks a kept token once per load: an expired invite goes back to the join page with a reason. */
async function checkSignIn() {
  if (!token()) return;
  try {
    await get("/api/me");
  } catch (error) {
    if (error.status === 401) {
      signOut();
      location.hash = "#/join?expired=1";
    }
  }
}

window.addEventListener("hashchange", () => route().catch(showFatal));
document.querySelector("[data-skip]")?.addEventListener("click", (event) => {
  event.preventDefault();
  document.getElementById("main").focus();
});

/** Also what a page shows when its first read fails (an unknown assessment, a lost sign-in): pages let it throw. */
function showFatal(error) {
  const main = document.getElementById("main");
  replace(main, h("div", { class: "alert", role: "alert" }, error.message ?? String(error)));
}

// The first route waits for the sign-in check; a navigation made meanwhile has routed already and is not routed twice.
checkSignIn().then(() => (navigation === 0 ? route() : undefined)).catch(showFatal);
