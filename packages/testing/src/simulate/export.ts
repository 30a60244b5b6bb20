import type { CaseOutcome, SimulationResult } from './simulate.js';

/** One logged event of a simulation, flattened for a spreadsheet or a data frame. */
export interface SimulationEvent {
  proposalId: string;
  version: number;
  /** The business date (`at`). */
  date: string;
  type: string;
  actorRole: string;
  actorId: string;
  unitId?: string;
  caseId?: string;
}

/** The output format of `exportSimulation`. */
export type ExportFormat = 'csv' | 'json';

const CASE_COLUMNS: readonly (keyof CaseOutcome)[] = [
  'proposalId',
  'caseId',
  'unitId',
  'openedAt',
  'replyDue',
  'firstReplyAt',
  'workingDays',
];
const EVENT_COLUMNS: readonly (keyof SimulationEvent)[] = [
  'proposalId',
  'version',
  'date',
  'type',
  'actorRole',
  'actorId',
  'unitId',
  'caseId',
];

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; empty for a missing value. */
function field(v: unknown): string {
  if (v === undefined || v === null) return '';
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Renders rows as CSV (RFC 4180, CRLF line ends, a header row) with the given columns in order.
 *
 * @example
 * ```ts
 * toCsv([{ a: 1, b: 'x,y' }], ['a', 'b']); // 'a,b\r\n1,"x,y"\r\n'
 * ```
 */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Exports a simulation's cases and events as CSV (one table each) or JSON (arrays of objects), for a spreadsheet or
 * pandas. Events are present only when the run was made with `recordEvents: true`.
 *
 * @example
 * ```ts
 * const run = await simulate({ proposals: 100, seed: 7, recordEvents: true });
 * const { cases, events } = exportSimulation(run, 'csv'); // pandas.read_csv(io.StringIO(cases))
 * ```
 */
export function exportSimulation(result: SimulationResult, format: ExportFormat): { cases: string; events: string } {
  const events = result.events ?? [];
  if (format === 'json') return { cases: JSON.stringify(result.cases), events: JSON.stringify(events) };
  return { cases: toCsv(result.cases, CASE_COLUMNS), events: toCsv(events, EVENT_COLUMNS) };
}
