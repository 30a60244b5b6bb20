import type { JsonObject } from '../json.js';
import type {
  AppendRequest,
  DeadlineAlert,
  DeadlineIndexEntry,
  LoggedTransition,
  StoredEvent,
  StoredSnapshot,
  StreamSummary,
} from './port.js';

/** Builds a log entry for contract tests. */
export function fixtureEvent(streamId: string, version: number, extra: JsonObject = {}): StoredEvent {
  return {
    streamId,
    version,
    type: 'review.start',
    event: { type: 'review.start', at: '2023-03-01', note: '经综合各单位意见', ...extra },
    actor: { role: 'committee', id: 'office-1' },
    recordedAt: 1_700_000_000_000 + version,
    stateBefore: 'submitted',
    stateAfter: 'review',
    machine: { id: 'banli.proposal', version: '1.0.0' },
    emitted: [{ type: 'proposal.submitted', at: '2023-03-01' }],
    meta: { deadlineChanges: [{ deadlineId: 'd1', oldDue: '2023-06-30', newDue: '2023-07-03' }] },
  };
}

/** Transitions as an entry logs them (a case's eventless one and a proposal's), for contract tests. */
export function fixtureTransitions(): LoggedTransition[] {
  return [
    {
      machine: 'proposal',
      source: 'proposal.lifecycle.submitted',
      eventType: 'review.start',
      targets: ['proposal.lifecycle.review'],
      event: 'review.start',
    },
    { machine: 'case', caseId: 'p1/commerce', source: 'case', eventType: '', targets: [], event: 'xstate.init' },
  ];
}

/** Builds a summary row for contract tests. */
export function fixtureSummary(streamId: string, version: number, patch: Partial<StreamSummary> = {}): StreamSummary {
  return {
    streamId,
    version,
    state: 'inHandling',
    caseStates: ['handling'],
    tags: ['clock.running'],
    unitIds: ['commerce'],
    proposerIds: ['liang'],
    updatedAt: 1_700_000_000_000 + version,
    facts: { title: '关于加快直播电商发展的建议', classes: ['A'], nested: { ok: true, n: 1.5, none: null } },
    ...patch,
  };
}

/** Builds a snapshot for contract tests. */
export function fixtureSnapshot(streamId: string, version: number): StoredSnapshot {
  return {
    streamId,
    version,
    state: { proposal: { value: 'inHandling', context: { n: version } }, cases: {} },
    machine: { id: 'banli.proposal', version: '1.0.0' },
    recordedAt: 1_700_000_000_000 + version,
  };
}

/** Builds a deadline index entry for contract tests. */
export function fixtureDeadline(
  streamId: string,
  deadlineId: string,
  due: string,
  patch: Partial<DeadlineIndexEntry> = {},
  alerts: DeadlineAlert[] = [],
): DeadlineIndexEntry {
  return {
    streamId,
    deadlineId,
    kind: 'reply',
    due,
    status: 'open',
    caseId: 'c1',
    unitId: 'commerce',
    alerts,
    ...patch,
  };
}

/** Builds a minimal valid append of `count` events after `expectedVersion`. */
export function fixtureAppend(
  streamId: string,
  expectedVersion: number,
  count = 1,
  patch: Partial<AppendRequest> = {},
): AppendRequest {
  const events = Array.from({ length: count }, (_, i) => fixtureEvent(streamId, expectedVersion + i + 1));
  const version = expectedVersion + count;
  return { streamId, expectedVersion, events, summary: fixtureSummary(streamId, version), deadlines: [], ...patch };
}

/**
 * The contract suite's fixtures, for a store's own tests beyond `defineStoreContract` (batching, crashes, races).
 *
 * @example
 * ```ts
 * import { storeFixtures } from '@banli/sdk/store-contract';
 *
 * await store.append(storeFixtures.append('p1', 0, 2)); // events 1 and 2 of stream p1
 * ```
 */
export const storeFixtures = {
  event: fixtureEvent,
  summary: fixtureSummary,
  snapshot: fixtureSnapshot,
  deadline: fixtureDeadline,
  append: fixtureAppend,
  transitions: fixtureTransitions,
} as const;
