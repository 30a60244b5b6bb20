import type { AppendRequest, DeadlineIndexEntry, StoredEvent, StreamSummary } from '@banli/sdk';

/** A log entry like the SDK contract's fixture. */
export function fixtureEvent(streamId: string, version: number): StoredEvent {
  return {
    streamId,
    version,
    type: 'review.start',
    event: { type: 'review.start', at: '2023-03-01', note: '经综合各单位意见' },
    actor: { role: 'committee', id: 'office-1' },
    recordedAt: 1_700_000_000_000 + version,
    stateBefore: 'submitted',
    stateAfter: 'review',
    machine: { id: 'banli.proposal', version: '1.0.0' },
    emitted: [{ type: 'proposal.submitted', at: '2023-03-01' }],
  };
}

/** A summary row like the SDK contract's fixture. */
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
    facts: { title: '关于加快直播电商发展的建议' },
    ...patch,
  };
}

/** A deadline index entry like the SDK contract's fixture. */
export function fixtureDeadline(
  streamId: string,
  deadlineId: string,
  due: string,
  patch: Partial<DeadlineIndexEntry> = {},
): DeadlineIndexEntry {
  return {
    streamId,
    deadlineId,
    kind: 'reply',
    due,
    status: 'open',
    caseId: 'c1',
    unitId: 'commerce',
    alerts: [],
    ...patch,
  };
}

/** A minimal valid append of `count` events after `expectedVersion`. */
export function appendOf(
  streamId: string,
  expectedVersion: number,
  count = 1,
  patch: Partial<AppendRequest> = {},
): AppendRequest {
  const events = Array.from({ length: count }, (_, i) => fixtureEvent(streamId, expectedVersion + i + 1));
  const version = expectedVersion + count;
  return { streamId, expectedVersion, events, summary: fixtureSummary(streamId, version), deadlines: [], ...patch };
}
