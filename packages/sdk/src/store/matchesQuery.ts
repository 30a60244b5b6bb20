import type { DeadlineIndexEntry, StreamQuery, StreamSummary } from './port.js';

/** Whether a stream's summary row and deadline entries satisfy every filter of a query (the reference semantics of `queryStreams`). */
export function matchesQuery(s: StreamSummary, deadlines: readonly DeadlineIndexEntry[], q: StreamQuery): boolean {
  if (q.states && !q.states.includes(s.state)) return false;
  if (q.caseStates && !s.caseStates.some((c) => q.caseStates?.includes(c))) return false;
  if (q.unitId !== undefined && !s.unitIds.includes(q.unitId)) return false;
  if (q.proposerId !== undefined && !s.proposerIds.includes(q.proposerId)) return false;
  if (q.tags && !q.tags.every((t) => s.tags.includes(t))) return false;
  if (q.kind !== undefined && s.facts.kind !== q.kind) return false;
  const overdueAt = q.overdueAt;
  if (overdueAt !== undefined && !deadlines.some((d) => d.status === 'missed' || d.due < overdueAt)) return false;
  const window = q.dueBetween;
  if (window && !deadlines.some((d) => d.status === 'open' && d.due >= window.from && d.due <= window.to)) return false;
  const span = q.deadlineSpanOverlaps;
  if (span && s.deadlineSpan !== undefined) {
    if (s.deadlineSpan === null || s.deadlineSpan.from > span.to || s.deadlineSpan.to < span.from) return false;
  }
  return true;
}
