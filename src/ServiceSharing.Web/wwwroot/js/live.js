// The live channel of one board (docs/realtime.md): joins the assessment's group (and the session's), applies
// BoardChanged pushes in version order, each once. With several app nodes, consecutive versions may be pushed by
// different nodes and arrive out of order: a push ahead of the next version waits (GAP_PATIENCE_MS) for the ones
// before it; only a version still missing after that, or a connection that came back, is caught up from
// GET /history?since=<last applied version>. SignalR reconnects by itself; groups do not survive a connection, so
// every reconnect joins again.
import { get } from "./api.js";
import { token } from "./auth.js";

const SESSION_MESSAGES = ["PresenceChanged", "RoundOpened", "RatingSubmitted", "RoundRevealed", "RoundChanged", "RoundClosed", "SessionClosed"];

/** Retries forever, quickly at first: a workshop screen should come back on its own after a network blip. */
/** How long a push that overtook its predecessors waits for them before the gap is read from history. */
export const GAP_PATIENCE_MS = 1000;

const retryForever = { nextRetryDelayInMilliseconds: ({ previousRetryCount }) => Math.min(500 * 2 ** previousRetryCount, 5000) };

export class LiveBoard {
  /**
   * handlers: onChanges(entries[] from pushes or history, in version order), onSession(name, message),
   * onCalibration(message) (a calibration round opened, rated or revealed),
   * onStatus("connecting" | "connected" | "reconnecting" | "disconnected", detail)
   * shownVersion: the version of the board the page already shows; changes after it are caught up on the first join.
   */
  constructor(assessmentId, handlers, shownVersion = null) {
    this.assessmentId = assessmentId;
    this.handlers = handlers;
    this.version = shownVersion;
    // Set once the page has told the person the connection was lost, so coming back says "reconnected".
    this.interrupted = false;
    this.sessionId = null;
    this.stopped = false;
    // Pushes that arrived ahead of the next version, by version, waiting for the ones before them.
    this.ahead = new Map();
    this.gapTimer = null;
    // One message at a time, in arrival order: a catch-up finishes before the next push is looked at.
    this.queue = Promise.resolve();
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/review", { accessTokenFactory: () => token() ?? "" })
      .withAutomaticReconnect(retryForever)
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.connection.on("BoardChanged", (message) => this.enqueue(() => this.applyPush(message)));
    this.connection.on("CalibrationChanged", (message) => this.handlers.onCalibration?.(message));
    for (const name of SESSION_MESSAGES) {
      this.connection.on(name, (message) => this.handlers.onSession?.(name, message));
    }
    this.connection.onreconnecting(() => {
      this.interrupted = true;
      this.handlers.onStatus?.("reconnecting");
    });
    this.connection.onreconnected(() => this.enqueue(() => this.rejoinOrRetry()));
    this.connection.onclose(() => {
      if (!this.stopped) this.startLater();
    });
  }

  enqueue(work) {
    this.queue = this.queue.then(work).catch((error) => console.warn("live board:", error));
    return this.queue;
  }

  async start() {
    this.handlers.onStatus?.("connecting");
    try {
      await this.connection.start();
    } catch {
      this.startLater();
      return;
    }
    await this.enqueue(() => this.rejoinOrRetry());
  }

  /** A server that has just come back may refuse a join for a moment; the board keeps trying until it is in. */
  async rejoinOrRetry() {
    try {
      await this.rejoin();
    } catch {
      if (this.stopped || this.connection.state !== signalR.HubConnectionState.Connected) return;
      this.interrupted = true;
      this.handlers.onStatus?.("reconnecting");
      clearTimeout(this.retryJoin);
      this.retryJoin = setTimeout(() => this.enqueue(() => this.rejoinOrRetry()), 1000);
    }
  }

  startLater() {
    this.interrupted = true;
    this.handlers.onStatus?.("disconnected");
    clearTimeout(this.restart);
    this.restart = setTimeout(() => !this.stopped && this.start(), 2000);
  }

  async joinSession(sessionId) {
    this.sessionId = sessionId;
    if (sessionId && this.connection.state === signalR.HubConnectionState.Connected) {
      await this.connection.invoke("JoinSession", sessionId);
    }
  }

  async rejoin() {
    const joinedAt = await this.connection.invoke("JoinAssessment", this.assessmentId);
    if (this.sessionId) await this.connection.invoke("JoinSession", this.sessionId);
    // The page read the board before it joined (or before a connection died mid-join): what was committed
    // in between comes from history, never assumed absent.
    const first = !this.interrupted;
    if (this.version === null) this.version = joinedAt;
    else if (joinedAt > this.version) await this.catchUp();
    this.applyWaiting();
    this.handlers.onStatus?.("connected", { first, version: this.version });
  }

  applyPush(message) {
    if (this.version === null || message.version <= this.version) return; // known already (e.g. joined after it)
    this.ahead.set(message.version, message);
    this.applyWaiting();
  }

  /** Applies the waiting pushes that continue the applied versions; a gap left behind gets a short wait. */
  applyWaiting() {
    const run = [];
    for (const known of this.ahead.keys()) if (known <= this.version) this.ahead.delete(known);
    while (this.ahead.has(this.version + 1)) {
      const next = this.ahead.get(this.version + 1);
      this.ahead.delete(next.version);
      this.version = next.version;
      run.push({ push: next });
    }
    if (run.length > 0) this.handlers.onChanges?.(run);
    if (this.ahead.size > 0 && this.gapTimer === null) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null;
        this.enqueue(() => this.fillGap());
      }, GAP_PATIENCE_MS);
    }
  }

  /** A version still missing after the wait: read what came between from history, then go on with the pushes. */
  async fillGap() {
    if (this.ahead.size === 0) return;
    await this.catchUp();
    this.applyWaiting();
  }

  async catchUp() {
    const missed = await get(`/api/assessments/${this.assessmentId}/history`, { since: this.version });
    if (missed.length === 0) return;
    this.version = Math.max(this.version, ...missed.map((entry) => entry.version));
    this.handlers.onChanges?.(missed.map((entry) => ({ entry })));
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.restart);
    clearTimeout(this.retryJoin);
    clearTimeout(this.gapTimer);
    await this.connection.stop();
  }
}
