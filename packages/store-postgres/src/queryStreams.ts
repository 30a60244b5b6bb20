import type { StreamQuery, StreamSummary } from '@banli/sdk';
import { textArray } from './append.js';
import type { Tables } from './tables.js';

/** Builds the `queryStreams` statement: every filter becomes one indexed condition on the summary row. */
export function queryStreamsSql(t: Tables, q: StreamQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const add = (value: unknown): number => params.push(value);
  const where: string[] = [];
  if (q.states) where.push(`s.state = any(${textArray(add(JSON.stringify(q.states)))})`);
  if (q.caseStates) where.push(`s.case_states && ${textArray(add(JSON.stringify(q.caseStates)))}`);
  if (q.unitId !== undefined) where.push(`s.unit_ids @> array[$${add(q.unitId)}::text]`);
  if (q.proposerId !== undefined) where.push(`s.proposer_ids @> array[$${add(q.proposerId)}::text]`);
  if (q.tags) where.push(`s.tags @> ${textArray(add(JSON.stringify(q.tags)))}`);
  // `kind` is the summary's `facts.kind`, kept in a column of its own with an index (migration 8).
  if (q.kind !== undefined) where.push(`s.kind = $${add(q.kind)}::text`);
  if (q.overdueAt !== undefined) {
    where.push(`exists (select 1 from ${t.deadlines} as d where d.stream_id = s.stream_id
      and (d.status = 'missed' or d.due < $${add(q.overdueAt)}::text))`);
  }
  if (q.dueBetween) {
    where.push(`exists (select 1 from ${t.deadlines} as d where d.stream_id = s.stream_id and d.status = 'open'
      and d.due >= $${add(q.dueBetween.from)}::text and d.due <= $${add(q.dueBetween.to)}::text)`);
  }
  if (q.deadlineSpanOverlaps) {
    // No `deadlineSpan` key (a summary written before spans were recorded) matches; a JSON null (no deadline) does not.
    const span = `s.summary->'deadlineSpan'`;
    const to = add(q.deadlineSpanOverlaps.to);
    const from = add(q.deadlineSpanOverlaps.from);
    where.push(`(${span} is null or (jsonb_typeof(${span}) = 'object'
      and (${span}->>'from') collate "C" <= $${to}::text and (${span}->>'to') collate "C" >= $${from}::text))`);
  }
  if (q.afterStreamId !== undefined) where.push(`s.stream_id > $${add(q.afterStreamId)}::text`);
  const filter = where.length > 0 ? `where ${where.join(' and ')}` : '';
  const limit = q.limit !== undefined ? `limit $${add(q.limit)}::int` : '';
  return { sql: `select s.summary from ${t.streams} as s ${filter} order by s.stream_id ${limit}`, params };
}

/** The row `queryStreams` selects. */
export interface SummaryRow {
  summary: StreamSummary;
}
