import type { JsonObject } from './json.js';
import type { StateView } from './stateView.js';

/** A due date that moved or appeared because of a command. */
export interface DeadlineChange {
  deadlineId: string;
  kind: string;
  caseId?: string;
  oldDue?: string;
  newDue: string;
  /** The deadline this one replaces (cancelled in the same step), when the machine opened a new one. */
  replaces?: string;
}

/** What a command returns (and what a retried command with the same idempotency key returns again). */
export interface CommandResult {
  /** The proposal id. */
  id: string;
  /** The stream version after the command. */
  version: number;
  /** The proposal's and cases' states after the command. */
  state: StateView;
  /** Notifications the command emitted. */
  emitted: JsonObject[];
  /** Due dates that moved or were set. */
  deadlineChanges: DeadlineChange[];
}
