import {
  CASE_MACHINE_VERSION,
  caseMachine,
  type Deadline,
  type Policy,
  PROPOSAL_MACHINE_VERSION,
  proposalMachine,
  structureHash,
} from '@banli/core';
import type { JsonObject } from '../../src/index.js';

// Shared by the snapshot tests (snapshotCompact, snapshotUpcast, storedOnce): a stored snapshot relabelled as the
// current definition would accept it, and one reply deadline with the scope its compact form is read in.

/**
 * The snapshot as the current definition would accept it: its machine versions and hashes relabelled, its state (its
 * letters, its cases) as written.
 */
export function asCurrent<S extends { state: JsonObject; machine: JsonObject }>(snapshot: S): S {
  const state = structuredClone(snapshot.state) as { handling: Record<string, JsonObject> };
  state.handling.machine = { id: 'proposal', version: PROPOSAL_MACHINE_VERSION, hash: structureHash(proposalMachine) };
  state.handling.caseMachine = { id: 'case', version: CASE_MACHINE_VERSION, hash: structureHash(caseMachine) };
  return {
    ...snapshot,
    state: state as unknown as JsonObject,
    machine: { id: 'proposal', version: PROPOSAL_MACHINE_VERSION },
  };
}

/** An open reply deadline of case `p1/u1` under `policy` (assigned 2023-03-15, due 2023-06-30) on cn-mainland 2026.1. */
export function replyDeadline(policy: Policy): Deadline {
  return {
    id: 'p1/u1:reply:2',
    kind: 'reply',
    due: '2023-06-30',
    start: '2023-03-15',
    rule: policy.periods.reply,
    calendarId: 'cn-mainland',
    calendarVersion: '2026.1',
    provisional: false,
    status: 'open',
  };
}

/** The scope a deadline of case `p1/u1` is stored in: its owner, calendar and policy. */
export const deadlineScope = (policy: Policy) => ({
  owner: 'p1/u1',
  calendar: { id: 'cn-mainland', version: '2026.1' },
  policy,
});
