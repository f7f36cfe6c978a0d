// Calls the API with the participant's token and turns RFC 7807 answers into errors worded for people.
import { token } from "./auth.js";
import { savingPaused, savingResumed } from "./board/connection-banner.js";

/** How long a change is kept and retried while saving is paused, before the person is told it was not saved. */
const KEEP_RETRYING_MS = 10 * 60 * 1000;

export class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    super(plainWords(status, problem));
    this.status = status;
    this.problem = problem ?? {};
    /** Field name -> messages, from a 400's "errors". */
    this.fields = problem?.errors ?? {};
    this.currentVersion = problem?.currentVersion ?? null;
    /** Seconds the server asked to wait (Retry-After), if it did. */
    this.retryAfter = retryAfter;
  }

  /** Nothing was saved but the same request may well succeed shortly: no connection, the database unreachable, or
   * the first try of this very request still running. */
  get worthRetrying() {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504
      || (this.status === 409 && /still running/.test(this.problem.title ?? ""));
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
      return "You are not signed in, or your invite has expired. Open your invite link again.";
    case 403:
      return `You are not allowed to do that.${detail}`;
    case 404:
      return `That could not be found.${detail}`;
    case 503:
      return "Not saved: the server cannot reach its database right now. Try again in a moment.";
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

/** A new Idempotency-Key: random, from crypto.getRandomValues (randomUUID needs a secure context, a LAN address is not). */
function newKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, "0")).join("");
}

async function send(path, { method = "GET", body, query, key } = {}) {
  const headers = { Accept: "application/json" };
  const current = token();
  if (current) headers.Authorization = `Bearer ${current}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (key) headers["Idempotency-Key"] = key;
  let response;
  try {
    response = await fetch(url(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    const type = response.headers.get("Content-Type") ?? "";
    const problem = type.includes("json") ? await response.json().catch(() => null) : null;
    const retryAfter = Number.parseInt(response.headers.get("Retry-After") ?? "", 10);
    throw new ApiError(response.status, problem, Number.isFinite(retryAfter) ? retryAfter : null);
  }
  return response;
}

export async function get(path, query) {
  return (await send(path, { query })).json();
}

/**
 * Every write carries an Idempotency-Key, kept across its retries: while saving is paused (no connection, database
 * unreachable) the change is retried by itself, and the server records it once however many tries reach it.
 */
export async function post(path, body = {}) {
  const key = newKey();
  const giveUpAt = Date.now() + KEEP_RETRYING_MS;
  let paused = false;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await send(path, { method: "POST", body, key });
      const text = await response.text();
      if (paused) savingResumed(true);
      return text ? JSON.parse(text) : null;
    } catch (error) {
      if (!(error instanceof ApiError) || !error.worthRetrying || Date.now() > giveUpAt) {
        if (paused) savingResumed(false);
        throw error;
      }
      if (!paused && error.status !== 409) {
        paused = true;
        savingPaused();
      }
      await sleep(retryDelay(error, attempt));
    }
  }
}

/** What the server asked for, else 0.5 s doubling up to 8 s. */
function retryDelay(error, attempt) {
  return error.retryAfter !== null ? error.retryAfter * 1000 : Math.min(500 * 2 ** attempt, 8000);
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
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
