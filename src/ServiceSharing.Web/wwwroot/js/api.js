// Calls the API with the participant's token and turns RFC 7807 answers into errors worded for people.
import { token } from "./auth.js";

export class ApiError extends Error {
  constructor(status, problem) {
    super(plainWords(status, problem));
    this.status = status;
    this.problem = problem ?? {};
    /** Field name -> messages, from a 400's "errors". */
    this.fields = problem?.errors ?? {};
    this.currentVersion = problem?.currentVersion ?? null;
  }
}

export function plainWords(status, problem) {
  const detail = problem?.detail ? ` ${problem.detail}` : "";
  switch (status) {
    case 0:
      return "The server could not be reached. Check the connection and try again.";
    case 400: {
      const messages = Object.values(problem?.errors ?? {}).flat();
      return `Please check what you entered: ${messages.length ? messages.join(" ") : problem?.detail ?? "the request was not valid."}`;
    }
    case 401:
      return "You are not signed in, or your invite has expired or been withdrawn. Open your invite link again, or ask the facilitator for a new one.";
    case 403:
      return `You are not allowed to do that.${detail}`;
    case 404:
      return `That could not be found.${detail}`;
    case 429:
      return "Too many requests in a short time; nothing was saved. Wait a moment and try again.";
    case 409:
      // A stale expectedVersion, or a rule of the moment (the round is closed, a snapshot name is taken).
      return /^Expected version/.test(problem?.detail ?? "")
        ? "Not saved: someone changed the board after you opened this. Its current value is shown; check it and save again if your change still stands."
        : `Not saved: ${problem?.detail ?? "the board changed before your change arrived."}`;
    default:
      return status >= 500
        ? "Something went wrong on the server; nothing was saved. Try again in a moment."
        : `The request failed (${status}).${detail}`;
  }
}

function url(path, query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== null && value !== undefined && value !== "") params.set(name, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path, { method = "GET", body, query } = {}) {
  const headers = { Accept: "application/json" };
  const current = token();
  if (current) headers.Authorization = `Bearer ${current}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(url(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    const type = response.headers.get("Content-Type") ?? "";
    const problem = type.includes("json") ? await response.json().catch(() => null) : null;
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function get(path, query) {
  return (await send(path, { query })).json();
}

export async function post(path, body = {}) {
  const response = await send(path, { method: "POST", body });
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Fetches a file with the token (a plain link could not send it) and hands it to the browser as a download. */
export async function download(path, query) {
  const response = await send(path, { query });
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? "export";
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = decodeURIComponent(name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
