import type { JsonObject } from './json.js';

// Structural view of @banli/core's coordinator (docs/architecture.md, "The two machines and the coordinator"), so the SDK can drive it, or a custom one.

/** A deadline as the coordinator reports it. */
export interface SystemDeadline {
  id: string;
  kind: string;
  due: string;
  start: string;
  rule: unknown;
  calendarId: string;
  calendarVersion: string;
  provisional: boolean;
  status: 'open' | 'met' | 'missed' | 'cancelled';
  unitId?: string;
  caseId?: string;
  /** Set once the deadline's step completed or was cancelled. */
  closedAt?: string;
  /** A correction that retracted a recorded miss (a calendar correction; never an extension). */
  retractedBy?: unknown;
  /** When a calendar correction last moved its due date or status. */
  correctedAt?: string;
}

/** A notification a machine emitted. */
export interface SystemNotification {
  type: string;
  [key: string]: unknown;
}

/** One case in the coordinator's summary. */
export interface SystemCaseSummary {
  caseId: string;
  unitId: string;
  role: string;
  value: unknown;
  tags: readonly string[];
  letter?: unknown;
  class?: string;
  feedback: readonly unknown[];
}

/** The coordinator's summary of a proposal. */
export interface SystemSummary {
  value: unknown;
  tags: readonly string[];
  cases: readonly SystemCaseSummary[];
}

/** The persisted state of a proposal and its cases (plain JSON). */
export interface HandlingStateLike {
  machine: { id: string; version: string };
  [key: string]: unknown;
}

/** The coordinator the SDK drives purely: start, can, send, deadlines, summary. */
export interface HandlingSystemLike<S extends HandlingStateLike = HandlingStateLike> {
  start(input: { proposal: JsonObject; at: string }): S;
  can(state: S, event: { type: string }): boolean;
  send(state: S, event: { type: string }): { state: S; emitted: readonly SystemNotification[] };
  deadlines(state: S): readonly SystemDeadline[];
  summary(state: S): SystemSummary;
}
