import type { AppendRequest, DeadlineIndexEntry } from './port.js';

/**
 * Refuses an append whose summary row is malformed, for stores with `Store.partialAppends`: one that creates a stream
 * must carry the whole `summary`, any other exactly one of `summary` and `summaryChanges`, and changes name the
 * facts whole or by key, not both (a program error, so a `TypeError`). Call it before writing anything.
 *
 * @example
 * ```ts
 * checkAppendRow({ streamId: 'p1', expectedVersion: 0, events, summaryChanges: { version: 1, updatedAt: 0 } });
 * // throws TypeError: append creating stream p1 needs its whole summary
 * ```
 */
export function checkAppendRow(request: AppendRequest): void {
  const whole = request.summary !== undefined;
  const changes = request.summaryChanges !== undefined;
  if (request.expectedVersion === 0 && !whole) {
    throw new TypeError(`append creating stream ${request.streamId} needs its whole summary`);
  }
  if (whole === changes) {
    throw new TypeError(`append to stream ${request.streamId} needs exactly one of summary and summaryChanges`);
  }
  if (request.summaryChanges?.facts !== undefined && request.summaryChanges.factChanges !== undefined) {
    throw new TypeError(`append to stream ${request.streamId} changes its facts both whole and by key`);
  }
}

/**
 * Whether two deadline index entries of one firing (stream, deadline, due) say the same: status, kind, case, unit,
 * provisional mark and alerts (ids and dates, in order).
 */
export function sameEntryFields(a: DeadlineIndexEntry, b: DeadlineIndexEntry): boolean {
  if (a.status !== b.status || a.kind !== b.kind || a.caseId !== b.caseId || a.unitId !== b.unitId) return false;
  if (a.provisional !== b.provisional) return false;
  if (a.alerts.length !== b.alerts.length) return false;
  return a.alerts.every((x, i) => x.id === b.alerts[i]?.id && x.at === b.alerts[i]?.at);
}
