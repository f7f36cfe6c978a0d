// join.html: an invite's joinUrl ends in "#token=…". The fragment never reaches the server, so the token stays out
// of access logs; here it is checked, kept, removed from the address bar, and the person goes to the assessments.
import { signIn, tokenFrom } from "./auth.js";

const status = document.getElementById("join-status");
const found = tokenFrom(location.hash);
history.replaceState(null, "", location.pathname); // never leave the token in the address bar or history

if (!found) {
  status.textContent = "This link has no invite in it. Open the full link you were sent, or paste it on the sign-in page.";
} else {
  signIn(found)
    .then((who) => {
      status.textContent = `Welcome, ${who.name}. Opening the assessments…`;
      location.replace("/#/assessments");
    })
    .catch((error) => {
      status.setAttribute("role", "alert");
      status.textContent = error.message;
    });
}
