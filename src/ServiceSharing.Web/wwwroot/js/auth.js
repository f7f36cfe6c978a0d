// The participant's token (from the invite's join link) and who it says they are. The token is kept in
// localStorage so every tab of this browser profile shares the sign-in; API calls and the hub both send it.
const TOKEN_KEY = "servicesharing.token";
const ME_KEY = "servicesharing.me";

export function token() {
  return localStorage.getItem(TOKEN_KEY);
}

export function me() {
  const text = localStorage.getItem(ME_KEY);
  return text ? JSON.parse(text) : null;
}

export function remember(newToken, who) {
  localStorage.setItem(TOKEN_KEY, newToken);
  localStorage.setItem(ME_KEY, JSON.stringify(who));
}

export function signOut() {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(ME_KEY);
}

export const isFacilitator = (who) => who?.role === "facilitator";
export const isReviewer = (who) => who?.role === "reviewer";

/** The token in a join link ("…/join.html#token=…"), a link pasted without it, or a bare token. */
export function tokenFrom(text) {
  const trimmed = (text ?? "").trim();
  const match = /[#&?]token=([^&\s]+)/.exec(trimmed);
  if (match) return decodeURIComponent(match[1]);
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(trimmed) ? trimmed : null;
}

/** Checks a token with the server (GET /api/me) and keeps it; returns who it is, or throws the API's answer. */
export async function signIn(newToken) {
  const response = await fetch("/api/me", { headers: { Authorization: `Bearer ${newToken}` } });
  if (!response.ok) {
    const error = new Error("This invite link is not valid or has expired. Ask the facilitator for a new one.");
    error.status = response.status;
    throw error;
  }

  const who = await response.json();
  remember(newToken, who);
  return who;
}
