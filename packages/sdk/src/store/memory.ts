import { ConcurrencyConflictError } from '../errors.js';
import type { JsonObject } from '../json.js';
import { DateIndex } from './dateIndex.js';
import { matchesQuery } from './matchesQuery.js';
import { checkAppendRow, sameEntryFields } from './partialAppend.js';
import type {
  AlertClaim,
  AlertKey,
  AlertRecord,
  AppendRequest,
  AppendResult,
  CalendarYearRecord,
  ClaimOptions,
  ConsumerLease,
  DeadLetterRecord,
  DeadlineAlert,
  DeadlineClaim,
  DeadlineIndexEntry,
  DeadlineKey,
  IdempotencyRecord,
  LoadedStream,
  OutboxRecord,
  ReadStreamOptions,
  SentAlert,
  Store,
  StoredEvent,
  StoredSnapshot,
  StreamQuery,
  StreamSummary,
  SummaryChanges,
} from './port.js';

/** Options of the in-memory store. */
export interface MemoryStoreOptions {
  /**
   * Copy every value through JSON on the way in and out, as a database would; catches non-JSON payloads in tests.
   * @defaultValue false
   */
  isolate?: boolean;
}

interface StreamRecord {
  events: StoredEvent[];
  snapshot: StoredSnapshot | undefined;
  summary: StreamSummary;
  deadlines: DeadlineIndexEntry[];
}

const DEFAULT_LEASE_MS = 60_000;
const SEP = '\u0001';
const firingKey = (k: DeadlineKey): string => `${k.streamId}${SEP}${k.deadlineId}${SEP}${k.due}`;
const alertKeyOf = (k: AlertKey): string => `${firingKey(k)}${SEP}${k.alertId}`;

/**
 * Creates a store that keeps everything in process memory: for tests, simulation and single-process embedding.
 *
 * @example
 * ```ts
 * const banli = createBanli({ store: createMemoryStore() });
 * ```
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const copy: <T>(value: T) => T = options.isolate
    ? (value) => (value === undefined ? value : JSON.parse(JSON.stringify(value)))
    : (value) => value;
  const streams = new Map<string, StreamRecord>();
  const openDeadlines = new DateIndex<DeadlineIndexEntry>();
  const pendingAlerts = new DateIndex<{ entry: DeadlineIndexEntry; alert: DeadlineAlert }>();
  const fired = new Set<string>();
  const claims = new Map<string, number>();
  const sent = new Map<string, SentAlert>();
  const idempotency = new Map<string, IdempotencyRecord>();
  const calendarYears: CalendarYearRecord[] = [];
  // The outbox: one record per entry with notifications and per alert recorded with one, in commit order.
  // Pruned records are dropped from the front; `prunedCount` keeps the positions of the others (`0:<n>`) stable.
  const outbox: OutboxRecord[] = [];
  let prunedCount = 0;
  interface Consumer {
    cursor: string;
    claimedBy: string | undefined;
    expires: number;
    /** The position whose delivery failed last, and how many times in a row. */
    failing?: { position: string; attempts: number };
  }
  const consumers = new Map<string, Consumer>();
  // Each consumer's dead letters in the order given up; `requeued` marks those put back for delivery.
  const deadLetters = new Map<string, { letter: DeadLetterRecord; requeued: boolean }[]>();
  // Each record is built whole, one literal per kind, never spread from another object: V8 then gives every record of a
  // kind one hidden class. Spread (`{ ...record, position }`), once warm, gave each record a hidden class of its own
  // (a map and its descriptors, about 220 bytes and two more objects for every full collection to mark, per record),
  // kept as long as the record (issue 19, scaling).
  const nextPosition = (): string => `0:${prunedCount + outbox.length + 1}`;
  const eventToOutbox = (streamId: string, version: number, at: string, emitted: JsonObject[]): void => {
    outbox.push({ source: 'event', streamId, version, at, emitted, position: nextPosition() });
  };
  const alertToOutbox = (streamId: string, notification: JsonObject): void => {
    outbox.push({ source: 'alert', streamId, notification, position: nextPosition() });
  };
  const numberOf = (position: string): number =>
    position === '' ? 0 : Number(position.slice(position.indexOf(':') + 1));
  const holds = (current: Consumer | undefined, lease: ConsumerLease): current is Consumer =>
    current !== undefined && current.claimedBy === lease.claimant;

  const unindex = (entries: DeadlineIndexEntry[]): void => {
    for (const entry of entries) {
      const key = firingKey(entry);
      openDeadlines.delete(key);
      for (const alert of entry.alerts) pendingAlerts.delete(`${key}${SEP}${alert.id}`);
    }
  };
  const index = (entries: DeadlineIndexEntry[]): void => {
    for (const entry of entries) {
      const key = firingKey(entry);
      if (entry.status === 'open' && !fired.has(key)) openDeadlines.add(entry.due, key, entry);
      for (const alert of entry.alerts) {
        const aKey = `${key}${SEP}${alert.id}`;
        if (!sent.has(aKey)) pendingAlerts.add(alert.at, aKey, { entry, alert });
      }
    }
  };
  // Replaces a stream's entries; those indexed exactly as before stay where they are (most appends change one or two).
  // Returns the entries to keep: an unchanged entry stays the object the index already holds, so it is kept once.
  const reindex = (before: DeadlineIndexEntry[], after: DeadlineIndexEntry[]): DeadlineIndexEntry[] => {
    // Fast path: the same entries in the same order (the common case) need no keys, maps or index updates.
    if (before.length === after.length) {
      let same = true;
      for (let i = 0; i < after.length && same; i++) {
        const a = before[i] as DeadlineIndexEntry;
        const b = after[i] as DeadlineIndexEntry;
        same =
          a === b ||
          (a.deadlineId === b.deadlineId && a.due === b.due && a.streamId === b.streamId && sameEntryFields(a, b));
      }
      if (same) return before;
    }
    // Match entries by firing (stream, deadline, due) with linear scans (a stream has a handful): only the entries that
    // really changed are keyed and re-indexed.
    const matched = new Uint8Array(before.length);
    const kept: DeadlineIndexEntry[] = new Array(after.length);
    const added: DeadlineIndexEntry[] = [];
    for (let i = 0; i < after.length; i++) {
      const entry = after[i] as DeadlineIndexEntry;
      let j = before.length - 1;
      for (; j >= 0; j--) {
        const b = before[j] as DeadlineIndexEntry;
        if (b.deadlineId === entry.deadlineId && b.due === entry.due && b.streamId === entry.streamId) break;
      }
      const prev = before[j];
      if (prev !== undefined && matched[j] === 0 && sameEntryFields(prev, entry)) {
        matched[j] = 1;
        kept[i] = prev;
      } else {
        added.push(entry);
        kept[i] = entry;
      }
    }
    const removed: DeadlineIndexEntry[] = [];
    for (let j = 0; j < before.length; j++) if (matched[j] === 0) removed.push(before[j] as DeadlineIndexEntry);
    unindex(removed);
    index(added);
    return kept;
  };
  const markFired = (keys: DeadlineKey[]): void => {
    for (const k of keys) {
      const key = firingKey(k);
      fired.add(key);
      claims.delete(key);
      openDeadlines.delete(key);
    }
  };
  /** Refuses a request as `append` does, writing nothing; `pending` holds keys and streams taken by earlier requests of one `appendAll`. */
  const check = (request: AppendRequest, pending: { keys: Set<string>; streams: Set<string> }): void => {
    const { streamId, expectedVersion, events } = request;
    if (pending.streams.has(streamId)) throw new TypeError(`appendAll names stream ${streamId} more than once`);
    const record = streams.get(streamId);
    const actual = record ? record.events.length : 0;
    if (actual !== expectedVersion) {
      throw new ConcurrencyConflictError({ reason: 'version', streamId, expectedVersion, actualVersion: actual });
    }
    if (events.length === 0) throw new TypeError('append needs at least one event');
    checkAppendRow(request);
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as StoredEvent;
      if (event.streamId !== streamId || event.version !== expectedVersion + i + 1) {
        throw new TypeError(`event ${i} must have streamId ${streamId} and version ${expectedVersion + i + 1}`);
      }
    }
    const key = request.idempotency?.key;
    if (key !== undefined && (idempotency.has(key) || pending.keys.has(key))) {
      throw new ConcurrencyConflictError({
        reason: 'idempotencyKey',
        streamId,
        expectedVersion,
        actualVersion: actual,
      });
    }
    if (request.firedDeadlines?.some((k) => fired.has(firingKey(k)))) {
      throw new ConcurrencyConflictError({
        reason: 'deadlineFired',
        streamId,
        expectedVersion,
        actualVersion: actual,
      });
    }
    pending.streams.add(streamId);
    if (key !== undefined) pending.keys.add(key);
  };
  /** The stored summary with a partial append's changes: fields replaced whole, fact keys in `factChanges` replaced. */
  const changedSummary = (stored: StreamSummary | undefined, request: AppendRequest): StreamSummary => {
    const { factChanges, ...fields } = copy(request.summaryChanges as SummaryChanges);
    const summary = { ...(stored as StreamSummary), ...fields };
    if (factChanges !== undefined) summary.facts = { ...summary.facts, ...factChanges };
    return summary;
  };
  /** Writes a request `check` accepted. */
  const apply = (request: AppendRequest): AppendResult => {
    const { streamId, expectedVersion, events } = request;
    const record = streams.get(streamId);
    const version = expectedVersion + events.length;
    // A partial append (`partialAppends`) keeps the summary fields and the deadline index it leaves out.
    const summary: StreamSummary =
      request.summary !== undefined ? copy(request.summary) : changedSummary(record?.summary, request);
    const before = record ? record.deadlines : [];
    const deadlines = request.deadlines !== undefined ? copy(request.deadlines) : before;
    const next: StreamRecord = record ?? { events: [], snapshot: undefined, summary, deadlines };
    for (const event of copy(events)) next.events.push(event);
    if (request.snapshot) next.snapshot = copy(request.snapshot);
    next.summary = summary;
    next.deadlines = deadlines;
    streams.set(streamId, next);
    if (request.firedDeadlines) markFired(request.firedDeadlines);
    if (request.deadlines !== undefined) next.deadlines = reindex(before, deadlines);
    if (request.idempotency) {
      idempotency.set(request.idempotency.key, copy({ ...request.idempotency, streamId, version }));
    }
    for (let i = next.events.length - events.length; i < next.events.length; i++) {
      const e = next.events[i] as StoredEvent;
      if (e.emitted.length > 0) {
        eventToOutbox(streamId, e.version, String(e.event.at), e.emitted);
      }
    }
    return { version };
  };
  return {
    partialAppends: true,

    async append(request: AppendRequest): Promise<AppendResult> {
      check(request, { keys: new Set(), streams: new Set() });
      return apply(request);
    },

    async appendAll(requests: AppendRequest[]): Promise<AppendResult[]> {
      // Every request is checked before any is written: all or nothing (no await between, so no writer interleaves).
      const pending = { keys: new Set<string>(), streams: new Set<string>() };
      for (const request of requests) check(request, pending);
      return requests.map(apply);
    },

    async load(streamId: string): Promise<LoadedStream | undefined> {
      const record = streams.get(streamId);
      if (!record) return undefined;
      const from = record.snapshot?.version ?? 0;
      const loaded: LoadedStream = { events: copy(record.events.slice(from)), version: record.events.length };
      if (record.snapshot) loaded.snapshot = copy(record.snapshot);
      // The entry as appended (never a copy, so never under `isolate`): see `LoadedStream.last`.
      if (!options.isolate) loaded.last = record.events[record.events.length - 1];
      return loaded;
    },

    async readStream(streamId: string, opts: ReadStreamOptions = {}): Promise<StoredEvent[]> {
      const events = streams.get(streamId)?.events ?? [];
      const from = opts.afterVersion ?? 0;
      return copy(events.slice(from, opts.limit === undefined ? undefined : from + opts.limit));
    },

    async getSummary(streamId: string): Promise<StreamSummary | undefined> {
      return copy(streams.get(streamId)?.summary);
    },

    async queryStreams(query: StreamQuery = {}): Promise<StreamSummary[]> {
      const ids = [...streams.keys()].sort();
      const out: StreamSummary[] = [];
      for (const id of ids) {
        if (query.afterStreamId !== undefined && id <= query.afterStreamId) continue;
        const record = streams.get(id) as StreamRecord;
        if (!matchesQuery(record.summary, record.deadlines, query)) continue;
        out.push(record.summary);
        if (query.limit !== undefined && out.length >= query.limit) break;
      }
      return copy(out);
    },

    async listDeadlines(streamId: string): Promise<DeadlineIndexEntry[]> {
      const entries = streams.get(streamId)?.deadlines ?? [];
      return copy([...entries].sort((a, b) => (a.due === b.due ? cmp(a.deadlineId, b.deadlineId) : cmp(a.due, b.due))));
    },

    async deadlinesDueBetween(from: string, to: string, opts: { limit?: number } = {}): Promise<DeadlineIndexEntry[]> {
      const out: DeadlineIndexEntry[] = [];
      for (const [, entry] of openDeadlines.range(from, to, true)) {
        out.push(entry);
        if (opts.limit !== undefined && out.length >= opts.limit) break;
      }
      return copy(out);
    },

    async claimDueDeadlines(now: string, opts: ClaimOptions): Promise<DeadlineClaim[]> {
      const out: DeadlineClaim[] = [];
      if (opts.limit <= 0) return out;
      for (const [key, entry] of openDeadlines.range(undefined, now, false)) {
        if ((claims.get(key) ?? Number.NEGATIVE_INFINITY) > opts.instant) continue;
        claims.set(key, opts.instant + (opts.leaseMs ?? DEFAULT_LEASE_MS));
        out.push({ streamId: entry.streamId, deadlineId: entry.deadlineId, due: entry.due, entry: copy(entry) });
        if (out.length >= opts.limit) break;
      }
      return out;
    },

    async markDeadlinesFired(keys: DeadlineKey[]): Promise<void> {
      markFired(keys);
    },

    async hasFired(key: DeadlineKey): Promise<boolean> {
      return fired.has(firingKey(key));
    },

    async claimDueAlerts(now: string, opts: ClaimOptions): Promise<AlertClaim[]> {
      const out: AlertClaim[] = [];
      if (opts.limit <= 0) return out;
      for (const [key, { entry, alert }] of pendingAlerts.range(undefined, now, true)) {
        if ((claims.get(key) ?? Number.NEGATIVE_INFINITY) > opts.instant) continue;
        claims.set(key, opts.instant + (opts.leaseMs ?? DEFAULT_LEASE_MS));
        const { streamId, deadlineId, due } = entry;
        out.push({ streamId, deadlineId, due, alertId: alert.id, at: alert.at, entry: copy(entry) });
        if (out.length >= opts.limit) break;
      }
      return out;
    },

    async markAlertsSent(keys: AlertRecord[], sentAt: number): Promise<AlertKey[]> {
      const recorded: AlertKey[] = [];
      for (const k of keys) {
        const key = alertKeyOf(k);
        if (sent.has(key)) continue;
        const { streamId, deadlineId, due, alertId } = k;
        sent.set(key, { streamId, deadlineId, due, alertId, sentAt });
        recorded.push({ streamId, deadlineId, due, alertId });
        claims.delete(key);
        pendingAlerts.delete(key);
        if (k.notification) alertToOutbox(streamId, copy(k.notification));
      }
      return recorded;
    },

    async readOutbox(after: string, limit: number): Promise<OutboxRecord[]> {
      const from = numberOf(after);
      if (!Number.isSafeInteger(from) || from < 0 || limit <= 0) return [];
      const start = Math.max(0, from - prunedCount);
      return copy(outbox.slice(start, start + limit));
    },

    async outboxHead(): Promise<string> {
      const total = prunedCount + outbox.length;
      return total === 0 ? '' : `0:${total}`;
    },

    async claimConsumer(name: string, lease: ConsumerLease): Promise<string | undefined> {
      const current = consumers.get(name);
      if (current && current.claimedBy !== undefined && current.claimedBy !== lease.claimant) {
        if (current.expires > lease.instant) return undefined;
      }
      const cursor = current?.cursor ?? lease.start ?? '';
      consumers.set(name, { ...current, cursor, claimedBy: lease.claimant, expires: lease.instant + lease.leaseMs });
      return cursor;
    },

    async advanceConsumer(name: string, from: string, to: string, lease: ConsumerLease): Promise<boolean> {
      const current = consumers.get(name);
      if (!holds(current, lease) || current.cursor !== from) return false;
      consumers.set(name, { ...current, cursor: to, expires: lease.instant + lease.leaseMs });
      return true;
    },

    async releaseConsumer(name: string, claimant: string): Promise<void> {
      const current = consumers.get(name);
      if (current?.claimedBy === claimant) consumers.set(name, { ...current, claimedBy: undefined, expires: 0 });
    },

    async recordConsumerFailure(name: string, position: string, lease: ConsumerLease): Promise<number | undefined> {
      const current = consumers.get(name);
      if (!holds(current, lease)) return undefined;
      const attempts = current.failing?.position === position ? current.failing.attempts + 1 : 1;
      consumers.set(name, { ...current, failing: { position, attempts }, expires: lease.instant + lease.leaseMs });
      return attempts;
    },

    async deadLetterConsumer(
      name: string,
      from: string,
      to: string,
      letter: DeadLetterRecord,
      lease: ConsumerLease,
    ): Promise<boolean> {
      const current = consumers.get(name);
      if (!holds(current, lease) || current.cursor !== from) return false;
      const { failing: _failing, ...rest } = current;
      consumers.set(name, { ...rest, cursor: to, expires: lease.instant + lease.leaseMs });
      const letters = deadLetters.get(name) ?? [];
      if (!letters.some((d) => d.letter.position === letter.position)) {
        deadLetters.set(name, [...letters, { letter: copy(letter), requeued: false }]);
      }
      return true;
    },

    async readDeadLetters(name: string): Promise<DeadLetterRecord[]> {
      return copy((deadLetters.get(name) ?? []).filter((d) => !d.requeued).map((d) => d.letter));
    },

    async requeueDeadLetters(name: string, keys?: readonly string[]) {
      const letters = deadLetters.get(name) ?? [];
      const unknown = [...new Set(keys ?? [])].filter((key) => !letters.some((d) => d.letter.key === key));
      if (unknown.length > 0) return { requeued: 0, unknown };
      const wanted = keys === undefined ? undefined : new Set(keys);
      let requeued = 0;
      const next = letters.map((d) => {
        if (d.requeued || (wanted && !wanted.has(d.letter.key))) return d;
        requeued++;
        return { letter: { ...d.letter, attempts: 0 }, requeued: true };
      });
      deadLetters.set(name, next);
      return { requeued, unknown: [] };
    },

    async readRequeuedLetters(name: string): Promise<DeadLetterRecord[]> {
      return copy((deadLetters.get(name) ?? []).filter((d) => d.requeued).map((d) => d.letter));
    },

    async requeuedLetterDelivered(name: string, position: string, lease: ConsumerLease): Promise<boolean> {
      const current = consumers.get(name);
      if (!holds(current, lease)) return false;
      consumers.set(name, { ...current, expires: lease.instant + lease.leaseMs });
      const letters = deadLetters.get(name) ?? [];
      deadLetters.set(
        name,
        letters.filter((d) => !(d.requeued && d.letter.position === position)),
      );
      return true;
    },

    async requeuedLetterFailed(
      name: string,
      position: string,
      failure: { error: string; at: number; maxAttempts?: number },
      lease: ConsumerLease,
    ): Promise<number | undefined> {
      const current = consumers.get(name);
      if (!holds(current, lease)) return undefined;
      consumers.set(name, { ...current, expires: lease.instant + lease.leaseMs });
      const letters = deadLetters.get(name) ?? [];
      const i = letters.findIndex((d) => d.requeued && d.letter.position === position);
      const found = letters[i];
      if (found === undefined) return undefined;
      const attempts = found.letter.attempts + 1;
      const dead = failure.maxAttempts !== undefined && attempts >= failure.maxAttempts;
      const letter = { ...found.letter, attempts, error: failure.error, at: failure.at };
      deadLetters.set(
        name,
        letters.map((d, k) => (k === i ? { letter, requeued: !dead } : d)),
      );
      return attempts;
    },

    async listConsumers(): Promise<{ name: string; cursor: string }[]> {
      return [...consumers.entries()]
        .map(([name, c]) => ({ name, cursor: c.cursor }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },

    async pruneOutbox(passed: string[]): Promise<number> {
      if (passed.length === 0) return 0;
      const upTo = Math.min(...passed.map(numberOf));
      if (!Number.isSafeInteger(upTo)) return 0;
      const drop = Math.min(Math.max(0, upTo - prunedCount), outbox.length);
      const dropped = outbox.splice(0, drop);
      prunedCount += drop;
      // Notifications, not records: an entry carries one or more.
      return dropped.reduce((n, r) => n + (r.source === 'event' ? r.emitted.length : 1), 0);
    },

    async listSentAlerts(streamId: string): Promise<SentAlert[]> {
      return copy([...sent.values()].filter((s) => s.streamId === streamId));
    },

    async getIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
      return copy(idempotency.get(key));
    },

    async saveCalendarYear(record: CalendarYearRecord): Promise<void> {
      const same = calendarYears.find((r) => r.calendarId === record.calendarId && r.version === record.version);
      if (same) {
        const { savedAt: _a, ...a } = same;
        const { savedAt: _b, ...b } = record;
        if (JSON.stringify(a) === JSON.stringify(b)) return;
        throw new ConcurrencyConflictError({
          reason: 'calendarYear',
          streamId: `${record.calendarId}@${record.version}`,
          expectedVersion: 0,
        });
      }
      calendarYears.push(JSON.parse(JSON.stringify(record)) as CalendarYearRecord);
    },

    async listCalendarYears(calendarId: string): Promise<CalendarYearRecord[]> {
      return JSON.parse(
        JSON.stringify(calendarYears.filter((r) => r.calendarId === calendarId)),
      ) as CalendarYearRecord[];
    },
  };
}

/** Whether two entries of the same firing key sit in the index identically (status, alerts and what they carry). */

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
