import { chinaMainland } from '@banli/calendar';
import {
  CASE_MACHINE_VERSION,
  caseMachine,
  type Deadline,
  type Policy,
  PROPOSAL_MACHINE_VERSION,
  presets,
  proposalMachine,
  structureHash,
} from '@banli/core';
import { expect } from 'vitest';
import { defaultSystemFactory } from '../../src/defaults.js';
import type { JsonObject, Store } from '../../src/index.js';
import { type Aggregate, createDerivations, replayAll } from '../../src/internal/aggregate.js';
import { compactFacts } from '../../src/internal/snapshotFacts.js';
import { compactHandling, policiesOf } from '../../src/internal/snapshotRefs.js';

// Shared by the snapshot tests (snapshotCompact, snapshotUpcast, storedOnce, snapshotReuse, snapshotLazy): a stored
// snapshot relabelled as the current definition would accept it, one reply deadline with the scope its compact form is
// read in, and the stored form of a state compacted anew under the guangdongCity preset.

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

/** The guangdongCity preset's system on cn-mainland, with its derivations and policies, as the snapshot tests use it. */
export const policy = presets.guangdongCity;
export const system = defaultSystemFactory({ policy, calendar: chinaMainland });
export const derive = createDerivations(system);
export const policies = policiesOf(system);

/**
 * The stored form (JSON text) of the state at `version` compacted anew: a full replay of the log up to `version`
 * builds every object fresh, nothing remembered.
 */
export async function compactedAnew(store: Store, id: string, version: number): Promise<string> {
  const log = (await store.readStream(id)).filter((e) => e.version <= version);
  const agg: Aggregate = replayAll(() => ({ system, derive }), id, log);
  expect(agg.version).toBe(version);
  return JSON.stringify({
    handling: compactHandling(agg.handling, policies, id),
    facts: compactFacts(agg.facts, agg.handling),
  });
}
