// Plain sentences for what happened on a board, from a history entry or from a live push.
import { orgName, title, scoreText } from "./dom.js";

const lower = (text) => (text ? text[0].toLowerCase() + text.slice(1) : "");

/** A live BoardChanged as the shape of a history entry (without "before", which a push does not carry). */
export function entryFromPush(message, board) {
  const { change } = message;
  const data = change.data ?? {};
  const areaName = board?.areas.find((a) => a.id === data.areaId)?.name ?? data.name ?? null;
  const base = { version: message.version, at: change.at, actor: change.actor, type: change.type, areaId: data.areaId ?? null, area: areaName, rationale: data.rationale ?? null };
  switch (change.type) {
    case "FactorRated":
      return { ...base, field: "rating", factor: lower(data.factor), org: lower(data.reviewerOrg), after: data.score };
    case "RatingRetracted":
      return { ...base, field: "rating", factor: lower(data.factor), org: lower(data.reviewerOrg), after: data.restoredScore, rationale: "Round undone" };
    case "JointRatingRecorded":
      return { ...base, field: "joint", factor: lower(data.factor), after: data.score };
    case "VerdictRecorded":
      return { ...base, field: "verdict", after: { verdict: data.verdict, nextSteps: data.nextSteps } };
    case "VerdictWithdrawn":
      return { ...base, field: "verdict", after: null };
    case "AreaPrioritized":
      return { ...base, field: "priority", after: true };
    case "AreaDeprioritized":
      return { ...base, field: "priority", after: false };
    case "SnapshotTaken":
      return { ...base, field: "snapshot", after: data.label };
    case "FunctionalAreaAdded":
      return { ...base, field: "area", area: data.name, after: data.name };
    case "FunctionalAreaRenamed":
      return { ...base, field: "name", after: data.name };
    case "FunctionalAreasReordered":
      return { ...base, field: "order", after: null };
    case "FunctionalAreaRetired":
      return { ...base, field: "retired", after: true };
    case "PhaseStarted":
      return { ...base, field: "phase", after: { phase: data.phase, name: data.name, status: "active" } };
    case "PhasePaused":
      return { ...base, field: "phase", after: { phase: data.phase, status: "on-hold" } };
    case "PhaseResumed":
      return { ...base, field: "phase", after: { phase: data.phase, status: "active" } };
    case "PhaseCompleted":
      return { ...base, field: "phase", after: { phase: data.phase, status: "completed" } };
    case "DecisionModelSet":
      return { ...base, field: "decisionModel", after: null };
    default:
      return { ...base, field: "other", after: null };
  }
}

export function who(actor) {
  if (!actor) return "The system";
  return `${actor.name} (${orgName(actor.org)} ${actor.role})`;
}

/** What the cell or field is: "Payroll · Similarity (city)". */
export function what(entry) {
  const area = entry.area ?? "";
  switch (entry.field) {
    case "rating":
      return `${area} · ${title(entry.factor)} (${orgName(entry.org)})`;
    case "joint":
      return `${area} · ${title(entry.factor)} (joint)`;
    case "verdict":
      return `${area} · Overall`;
    case "priority":
      return `${area} · Priority`;
    case "area":
    case "name":
    case "retired":
      return `Area ${area}`;
    case "order":
      return "The order of the areas";
    case "phase":
      return `Phase ${entry.after?.phase ?? entry.before?.phase ?? ""}`;
    case "snapshot":
      return "Snapshot";
    case "decisionModel":
      return "Decision model";
    case "title":
      return "Assessment";
    default:
      return entry.type ?? "";
  }
}

/** A value of a field as a person reads it. */
export function valueText(field, value) {
  if (value === null || value === undefined) return "none";
  switch (field) {
    case "rating":
    case "joint":
      return scoreText(value);
    case "verdict":
      return value.nextSteps ? `${value.verdict} – ${value.nextSteps}` : value.verdict;
    case "priority":
      return value ? "priority" : "not a priority";
    case "order":
      return Array.isArray(value) ? value.join(", ") : String(value);
    case "retired":
      return value ? "retired" : "on the board";
    case "phase":
      return `${value.name ?? value.phase}: ${value.status}`;
    case "decisionModel":
      return value.weights ? Object.entries(value.weights).map(([f, w]) => `${f} ${w}`).join(", ") + ` (Yes ≥ ${value.thresholds.yes}, Maybe ≥ ${value.thresholds.maybe})` : "changed";
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

/** One line for the live feed: "Cathy (City reviewer) rated Payroll · Similarity (City): 3". */
export function sentence(entry) {
  if (entry.field === "priority") return `${who(entry.actor)} ${entry.after ? "marked" : "took the mark off"} ${entry.area} as a priority`;
  // A reviewer's score appended by someone else (a revealed blind round, a proxy entry) was put there, not given.
  const byOther = entry.field === "rating" && entry.actor && entry.actor.role !== "reviewer";
  const verb = byOther ? "put on the board" : {
    rating: "rated",
    joint: "recorded the joint rating",
    verdict: "recorded the verdict",
    priority: "changed the priority",
    snapshot: `took the snapshot “${entry.after}”`,
    area: "added",
    name: "renamed",
    order: "reordered the areas",
    retired: "retired",
    phase: "changed",
    decisionModel: "set the decision model",
    title: "created the assessment",
  }[entry.field] ?? "changed";
  const target = ["snapshot", "decisionModel", "title", "order"].includes(entry.field) ? "" : ` ${what(entry)}`;
  const value = ["rating", "joint", "verdict", "priority", "phase", "name"].includes(entry.field) ? `: ${valueText(entry.field, entry.after)}` : "";
  return `${who(entry.actor)} ${verb}${target}${value}`;
}
