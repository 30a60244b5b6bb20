import type { JsonObject } from '../json.js';
import { sameEntryFields } from '../store/partialAppend.js';
import type { AppendRequest, DeadlineIndexEntry, StreamSummary, SummaryChanges } from '../store/port.js';
import type { Aggregate } from './aggregate.js';

/** The summary row and deadline index a store holds for a stream at `summary.version`, as this SDK wrote them. */
interface WrittenRow {
  summary: StreamSummary;
  deadlines: readonly DeadlineIndexEntry[];
}

// The whole row of each request that was made partial, and the row written with each committed aggregate. Weak: a
// row goes with its request and aggregate (the aggregate cache bounds how many are kept).
const wholeRows = new WeakMap<AppendRequest, WrittenRow>();
const writtenRows = new WeakMap<Aggregate, WrittenRow>();

/**
 * Leaves out of an append what the store already holds (`Store.partialAppends`): the summary row's unchanged fields
 * (sending `summaryChanges` instead of `summary`) and an unchanged deadline index. Only when `before` is an aggregate
 * this SDK committed itself at the request's `expectedVersion`: then the store's row at that version is the one this
 * SDK wrote (a version is written once; a store that moved on refuses the append as a conflict and writes nothing).
 * Returns the request as it is, or a partial one built from it.
 */
export function leaveOutUnchanged(partial: boolean | undefined, before: Aggregate, request: AppendRequest) {
  const base = partial === true ? writtenRows.get(before) : undefined;
  const { summary, deadlines } = request;
  if (base === undefined || summary === undefined || deadlines === undefined) return request;
  if (base.summary.streamId !== request.streamId || base.summary.version !== request.expectedVersion) return request;
  const changes = summaryChanges(base.summary, summary);
  if (changes === undefined) return request;
  const out = partialOf(request, changes, sameEntries(base.deadlines, deadlines) ? undefined : deadlines);
  wholeRows.set(out, { summary, deadlines });
  return out;
}

/** The fields `partialOf` copies as they are (it replaces `summary` by `summaryChanges` and may leave out `deadlines`). */
type Copied = 'streamId' | 'expectedVersion' | 'events' | 'snapshot' | 'firedDeadlines' | 'idempotency';
/**
 * Fields of a request `partialOf` would not copy: none. A field added to `AppendRequest` lands here, and `partialOf`'s
 * parameter then requires it to be `never`, so the call fails to compile until the field is copied.
 */
type NotCopied = Exclude<keyof AppendRequest, Copied | 'summary' | 'summaryChanges' | 'deadlines'>;

/**
 * The request with `summaryChanges` instead of its summary, and without its deadline index when `deadlines` is
 * undefined: a new object built whole (deleting fields from the request would turn it into a slow dictionary object).
 */
function partialOf(
  request: AppendRequest & Record<NotCopied, never>,
  summaryChanges: SummaryChanges,
  deadlines: DeadlineIndexEntry[] | undefined,
): AppendRequest {
  const { streamId, expectedVersion, events, snapshot, firedDeadlines, idempotency } = request;
  const partial: AppendRequest = { streamId, expectedVersion, events, summaryChanges };
  if (deadlines !== undefined) partial.deadlines = deadlines;
  if (snapshot !== undefined) partial.snapshot = snapshot;
  if (firedDeadlines !== undefined) partial.firedDeadlines = firedDeadlines;
  if (idempotency !== undefined) partial.idempotency = idempotency;
  return partial;
}

/**
 * Remembers the row a committed append wrote with its aggregate, so the next append from it can be partial. Only for a
 * store that takes partial appends (`partial`): for any other the row would never be read, and keeping it would hold
 * every cached aggregate's summary and deadline index a second time.
 */
export function noteWritten(partial: boolean | undefined, agg: Aggregate, request: AppendRequest): void {
  if (partial !== true) return;
  const whole = wholeRows.get(request);
  if (whole !== undefined) writtenRows.set(agg, whole);
  else if (request.summary !== undefined && request.deadlines !== undefined) {
    writtenRows.set(agg, { summary: request.summary, deadlines: request.deadlines });
  }
}

// Every summary field a partial append may change, one entry each: a field added to `StreamSummary` without an entry
// here fails to compile, so no change of it can be left unsent.
const COMPARED: Record<Exclude<keyof StreamSummary, 'streamId' | 'version' | 'updatedAt'>, true> = {
  state: true,
  caseStates: true,
  tags: true,
  unitIds: true,
  proposerIds: true,
  facts: true,
  deadlineSpan: true,
};
const FIELDS = Object.keys(COMPARED) as (keyof typeof COMPARED)[];

/** The fields of `next` that differ from `base` (with `version` and `updatedAt` always); `undefined` if a field went away. */
function summaryChanges(base: StreamSummary, next: StreamSummary): SummaryChanges | undefined {
  const changes: SummaryChanges = { version: next.version, updatedAt: next.updatedAt };
  for (const key of FIELDS) {
    const value = next[key];
    if (value === undefined) {
      // A change cannot remove a field: the whole row is sent instead.
      if (base[key] !== undefined) return undefined;
    } else if (key === 'facts') {
      // The facts change on nearly every command (`lastAt`), mostly in one or two keys: those keys are sent.
      const factChanges = changedKeys(base.facts, next.facts);
      if (factChanges === undefined) changes.facts = next.facts;
      else if (Object.keys(factChanges).length > 0) changes.factChanges = factChanges;
    } else if (!sameJson(base[key], value)) {
      Object.assign(changes, { [key]: value });
    }
  }
  return changes;
}

/** The keys of `next` whose values differ from `base`'s; `undefined` when a key of `base` went away. */
function changedKeys(base: JsonObject, next: JsonObject): JsonObject | undefined {
  for (const key in base) if (base[key] !== undefined && next[key] === undefined) return undefined;
  const out: JsonObject = {};
  for (const key in next) {
    const value = next[key];
    if (value !== undefined && !sameJson(base[key], value)) out[key] = value;
  }
  return out;
}

/** Deep equality of JSON values, with identity first (most unchanged fields are the same objects). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    count++;
    if (!sameJson(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) count--;
  return count === 0;
}

/** Whether two deadline index sets are the same entries in the same order. */
function sameEntries(a: readonly DeadlineIndexEntry[], b: readonly DeadlineIndexEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as DeadlineIndexEntry;
    const y = b[i] as DeadlineIndexEntry;
    if (x === y) continue;
    if (x.streamId !== y.streamId || x.deadlineId !== y.deadlineId || x.due !== y.due || !sameEntryFields(x, y)) {
      return false;
    }
  }
  return true;
}
