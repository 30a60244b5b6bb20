import type { TakenTransition } from '@banli/core';
import type { JsonObject, JsonValue } from '../json.js';

/**
 * The store port: everything the SDK needs from persistence. Adapters (in-memory, PostgreSQL, PGlite) implement it and
 * must pass `defineStoreContract`. All payloads are JSON; business dates are ISO `YYYY-MM-DD` strings (compare as text);
 * instants are epoch milliseconds from the SDK's injected clock, so stores never read the wall clock.
 *
 * Values returned by a store are owned by the caller to read, never to mutate (the in-memory store returns its own
 * objects to avoid copies).
 */
export interface Store {
  /**
   * The snapshot interval this store suggests, used when `createBanli` is given no `snapshotEvery` (absent: 1, a
   * snapshot after every command). The SQL stores of @banli/store-postgres suggest 4: their cost is in the bytes
   * written, and with a snapshot every 4 commands a lifecycle writes about 2× the bytes of its log entries instead of
   * 3× (see that package's README for the measurement).
   */
  readonly snapshotEvery?: number;
  /**
   * The store accepts appends that leave out what did not change: an append to an existing stream may carry
   * `summaryChanges` (the summary row's changed fields) instead of the whole `summary`, and may leave out `deadlines`
   * when the deadline index is unchanged; the store then keeps what it holds. Absent (stores written before this
   * existed): every append carries the whole summary row and deadline index, as it always did. Every shipped store
   * sets it. The SDK sends a partial append only when it knows what the store holds at `expectedVersion` (it wrote
   * that version itself), so a store never has to guess.
   */
  readonly partialAppends?: boolean;
  /**
   * Appends events to one stream atomically with the new snapshot, summary row, deadline index and idempotency record.
   * Throws `ConcurrencyConflictError` (reason `version` | `idempotencyKey` | `deadlineFired`) and writes nothing on conflict.
   * A partial append (see `partialAppends`) keeps the summary fields and the deadline index it leaves out.
   */
  append(request: AppendRequest): Promise<AppendResult>;
  /**
   * Appends to several streams in one transaction: each request is checked as `append` checks it, and either every
   * request is written or none is (the first conflict is thrown, as `append` throws it). The requests name distinct
   * streams; the results are in request order. 并案 (`review.merge`) writes the target and the merged item with it,
   * so no reader ever sees one without the other; a store without it cannot merge (`MergeUnsupported`). Every
   * shipped store implements it.
   */
  appendAll?(requests: AppendRequest[]): Promise<AppendResult[]>;
  /** Loads a stream for hydration: its latest snapshot and every event after it; `undefined` for an unknown stream. */
  load(streamId: string): Promise<LoadedStream | undefined>;
  /** Reads a stream's events in version order (the full log by default). */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** The summary row of one stream. */
  getSummary(streamId: string): Promise<StreamSummary | undefined>;
  /** Lists summary rows matching every given filter, ordered by `streamId` in code-unit order (SQL: `COLLATE "C"`). */
  queryStreams(query?: StreamQuery): Promise<StreamSummary[]>;
  /** The current deadline index entries of one stream, ordered by `due` then `deadlineId`. */
  listDeadlines(streamId: string): Promise<DeadlineIndexEntry[]>;
  /** Deadline entries across all streams with `status: 'open'` and `from <= due <= to`, ordered by `due`. */
  deadlinesDueBetween(from: string, to: string, options?: { limit?: number }): Promise<DeadlineIndexEntry[]>;
  /**
   * Claims open deadline entries with `due < now` (a deadline is missed the day after its due date) that were never
   * fired and are not under an unexpired claim, ordered by `due`. A claim is a lease: if the claimant crashes, another
   * claimant may take the entry once `leaseMs` has passed. A SQL adapter can do this with `FOR UPDATE SKIP LOCKED`.
   */
  claimDueDeadlines(now: string, options: ClaimOptions): Promise<DeadlineClaim[]>;
  /**
   * Marks deadlines fired without an event (stale entries the machine no longer accepts); idempotent. The normal
   * path marks them inside `append` via `firedDeadlines`.
   */
  markDeadlinesFired(keys: DeadlineKey[], firedAt: number): Promise<void>;
  /** Whether this deadline (id + due date) has fired. */
  hasFired(key: DeadlineKey): Promise<boolean>;
  /** Claims alerts (reminders, escalations) of indexed entries with `at <= now` that were never sent, leased like deadlines. */
  claimDueAlerts(now: string, options: ClaimOptions): Promise<AlertClaim[]>;
  /**
   * Records alerts as sent so they are never claimed again; idempotent. Returns the keys this call recorded (those
   * not recorded before), so of two workers holding the same alert after a lease expired only one sends it; a store
   * that returns nothing is taken to have recorded every key. A key recorded with a `notification` enters the
   * outbox (`readOutbox`) in the same write, once.
   */
  markAlertsSent(keys: AlertRecord[], sentAt: number): Promise<AlertKey[] | undefined>;
  /** The alerts already sent for one stream. */
  listSentAlerts(streamId: string): Promise<SentAlert[]>;
  /** The idempotency record for a key, if a command with that key was committed. */
  getIdempotency(key: string): Promise<IdempotencyRecord | undefined>;
  /**
   * Saves a holiday-notice year added to a calendar at run time (`banli.addHolidayNotice`), so a restart keeps it.
   * Idempotent per `(calendarId, version)`: saving the same record again changes nothing; a different record under
   * the same key is refused with `ConcurrencyConflictError` (reason `calendarYear`). Every shipped store implements it.
   */
  saveCalendarYear?(record: CalendarYearRecord): Promise<void>;
  /** The calendar years added at run time to one calendar, oldest first (in the order saved). */
  listCalendarYears?(calendarId: string): Promise<CalendarYearRecord[]>;
  /**
   * The notification outbox, read from the log: every committed entry with notifications (its `emitted` list) and
   * every alert recorded with a notification by `markAlertsSent`, in commit order, after `after` (a position this
   * store returned, or `''` for the start), at most `limit` records. A record appears once it and every record before
   * it are committed, so a reader that moves past a position never misses a later commit before it. Positions are
   * opaque strings `digits:digits` (at most 20 digits each); a store refuses one it did not give out with a
   * `ValidationError`. Every shipped store implements it.
   */
  readOutbox?(after: string, limit: number): Promise<OutboxRecord[]>;
  /** The position of the latest readable outbox record (`''` when there is none): a reader starting there sees only what comes next. */
  outboxHead?(): Promise<string>;
  /**
   * Takes or renews the lease on a named consumer's cursor, creating the cursor at `lease.start` (default `''`) the
   * first time. Returns the cursor if this claimant now holds the lease; `undefined` while another claimant's lease
   * has not expired (`lease.instant < expiry`). The cursor is SDK data the store keeps verbatim.
   */
  claimConsumer?(name: string, lease: ConsumerLease): Promise<string | undefined>;
  /**
   * Moves a consumer's cursor from `from` to `to` and renews the lease, only if `lease.claimant` still holds the lease
   * and the cursor is still `from` (compare-and-set); returns whether it moved.
   */
  advanceConsumer?(name: string, from: string, to: string, lease: ConsumerLease): Promise<boolean>;
  /** Gives up this claimant's lease on a consumer (the cursor stays); a no-op for another claimant. */
  releaseConsumer?(name: string, claimant: string): Promise<void>;
  /**
   * Counts a failed delivery of the notification at `position` (its `BanliNotification.position`) to a consumer, if
   * `lease.claimant` holds its lease, and renews the lease: returns the failures counted at that position so far (1
   * for the first; the count starts again at another position), or `undefined` when the lease was lost. Durable, so
   * the count survives restarts and is shared by the consumer's workers.
   */
  recordConsumerFailure?(name: string, position: string, lease: ConsumerLease): Promise<number | undefined>;
  /**
   * Gives up a notification for a consumer (dead letter): in one write, records `letter` and moves the cursor from
   * `from` to `to`, only if `lease.claimant` holds the lease and the cursor is still `from`; returns whether it did.
   */
  deadLetterConsumer?(
    name: string,
    from: string,
    to: string,
    letter: DeadLetterRecord,
    lease: ConsumerLease,
  ): Promise<boolean>;
  /** A consumer's dead letters, in the order they were recorded (those put back for delivery are not listed). */
  readDeadLetters?(name: string): Promise<DeadLetterRecord[]>;
  /**
   * Puts a consumer's dead letters back for delivery (durably): those whose `key` is in `keys`, or every one when
   * `keys` is omitted. All or nothing: when a key names no dead letter of this consumer (given up or already put back),
   * nothing changes and the unknown keys are returned. A letter put back starts counting its failures again (its
   * `attempts` is 0). Returns how many letters this call put back.
   */
  requeueDeadLetters?(name: string, keys?: readonly string[]): Promise<{ requeued: number; unknown: string[] }>;
  /** The dead letters put back for delivery to a consumer, in the order they were given up. */
  readRequeuedLetters?(name: string): Promise<DeadLetterRecord[]>;
  /**
   * A letter put back was delivered: removes it, if `lease.claimant` holds the consumer's lease (and renews it);
   * returns whether it held the lease.
   */
  requeuedLetterDelivered?(name: string, position: string, lease: ConsumerLease): Promise<boolean>;
  /**
   * A letter put back failed again: counts the failure and keeps the error and when, if `lease.claimant` holds the
   * consumer's lease (and renews it). At `failure.maxAttempts` failures it is a dead letter again (listed by
   * `readDeadLetters`, no longer delivered). Returns the failures counted since it was put back, or `undefined` when the
   * lease was lost.
   */
  requeuedLetterFailed?(
    name: string,
    position: string,
    failure: { error: string; at: number; maxAttempts?: number },
    lease: ConsumerLease,
  ): Promise<number | undefined>;
  /** Every consumer and its cursor (SDK data, verbatim), in name order. */
  listConsumers?(): Promise<{ name: string; cursor: string }[]>;
  /**
   * Prunes the outbox up to the least of `passed` (positions this store gave out; `''` passes nothing): records at or
   * before it are no longer read by `readOutbox`, and a store that keeps a copy of them drops it. Returns how many
   * notifications the records pruned now carried (a log entry counts its `emitted` notifications, an alert counts
   * one), so the count means the same on every store. The log itself is never pruned.
   */
  pruneOutbox?(passed: string[]): Promise<number>;
  /** Releases resources (connections); optional for stores that hold none. */
  close?(): Promise<void>;
}

/** A store with the whole notification outbox: delivery, consumer cursors, dead letters (and putting them back) and pruning. */
export type OutboxStore = Required<
  Pick<
    Store,
    | 'readOutbox'
    | 'outboxHead'
    | 'claimConsumer'
    | 'advanceConsumer'
    | 'releaseConsumer'
    | 'recordConsumerFailure'
    | 'deadLetterConsumer'
    | 'readDeadLetters'
    | 'requeueDeadLetters'
    | 'readRequeuedLetters'
    | 'requeuedLetterDelivered'
    | 'requeuedLetterFailed'
    | 'listConsumers'
    | 'pruneOutbox'
  >
>;

/** One record of the notification outbox: a log entry's notifications, or one recorded alert. */
export type OutboxRecord =
  | {
      /** Where the record sits in the outbox (opaque, see `readOutbox`). */
      position: string;
      source: 'event';
      streamId: string;
      /** The entry's stream version. */
      version: number;
      /** The entry's business date (`event.at`). */
      at: string;
      /** The entry's notifications, as logged (never empty). */
      emitted: JsonObject[];
    }
  | {
      position: string;
      source: 'alert';
      streamId: string;
      /** The notification recorded with the alert (`reminder.due`, `deadline.escalated`). */
      notification: JsonObject;
    };

/** A notification a consumer gave up on after its handler failed `maxAttempts` times (`banli.outbox.deliver`). */
export interface DeadLetterRecord {
  /** The notification's outbox position. */
  position: string;
  /** The notification's key. */
  key: string;
  /** The notification as it was handed to the handler. */
  notification: JsonObject;
  /** Failed deliveries counted. */
  attempts: number;
  /** The last failure's message (at most 1,000 characters). */
  error: string;
  /** When it was given up (epoch ms from the SDK's clock). */
  at: number;
}

/** A lease on a consumer's cursor. */
export interface ConsumerLease {
  /** The worker, unique per process (e.g. `host:pid:random`). */
  claimant: string;
  /** Now (epoch ms from the SDK's clock). */
  instant: number;
  /** How long the lease holds from `instant`. */
  leaseMs: number;
  /** Where a new cursor starts. @defaultValue '' */
  start?: string;
}

/** An alert to record as sent, with the notification it sends (which then enters the outbox). */
export interface AlertRecord extends AlertKey {
  /** The notification sent for it; without one the alert is recorded as handled but nothing enters the outbox. */
  notification?: JsonObject;
}

/** One holiday-notice year added to a calendar at run time, as persisted. */
export interface CalendarYearRecord {
  /** The calendar it extends, e.g. `cn-mainland`. */
  calendarId: string;
  /** The calendar version it produced (unique per calendar). */
  version: string;
  /** The calendar version it was added to. */
  basedOn: string;
  /** The year arranged. */
  year: number;
  /** The year's data (`@banli/calendar`'s `CalendarYear`). */
  data: JsonObject;
  /** The notice cited, e.g. `国务院办公厅关于2027年部分节假日安排的通知（…）`. */
  source: string;
  /** When it was saved (epoch ms from the SDK's clock). */
  savedAt: number;
}

/** Who wrote an event, as persisted. */
export interface StoredActor {
  role: string;
  id: string;
  unitId?: string;
}

/** One entry of a stream's append-only log. */
export interface StoredEvent {
  /** The stream (proposal id). */
  streamId: string;
  /** 1-based position in the stream; the first event of a stream has version 1. */
  version: number;
  /** The event type, e.g. `review.register`. */
  type: string;
  /** The validated event, including `type` and `at` (its business date). */
  event: JsonObject;
  /** Who sent it. */
  actor: StoredActor;
  /** The injected clock's instant (epoch ms) when it was recorded. */
  recordedAt: number;
  /** The state (value summary) before the event. */
  stateBefore: JsonValue;
  /** The state (value summary) after the event. */
  stateAfter: JsonValue;
  /** The machine definition that handled it. */
  machine: MachineRef;
  /** Notifications the machines emitted. */
  emitted: JsonObject[];
  /** SDK annotations, e.g. deadline changes `{ deadlineId, oldDue, newDue }`. */
  meta?: JsonObject;
  /**
   * The transitions the machines took for this entry, in order, as the engine reported them (`[]`: none ran, e.g. a
   * calendar correction). Absent in entries written before they were logged, or by a coordinator that does not
   * report them: what ran is then unknown.
   */
  transitions?: LoggedTransition[];
}

/**
 * One transition a machine took, as logged: `@banli/core`'s `TakenTransition` (machine, case, source state node,
 * event descriptor, targets and the event that selected it), one definition for both.
 */
export type LoggedTransition = TakenTransition;

/** A machine definition reference. */
export interface MachineRef {
  id: string;
  version: string;
}

/** A persisted snapshot of a stream's full state at a version. */
export interface StoredSnapshot {
  streamId: string;
  /** The stream version the snapshot reflects. */
  version: number;
  /** The coordinator's persisted state (plain JSON). */
  state: JsonObject;
  machine: MachineRef;
  recordedAt: number;
}

/** A stream loaded for hydration. */
export interface LoadedStream {
  /** The latest snapshot, if any was written. */
  snapshot?: StoredSnapshot;
  /** Events after the snapshot's version (all events when there is no snapshot), in version order. */
  events: StoredEvent[];
  /** The stream's current version. */
  version: number;
  /**
   * The stream's last entry, for a store that holds it in memory as it was appended (the in-memory store without
   * `isolate`); optional, and other stores leave it out. The SDK only reads its `stateAfter`, to log the next entry's
   * `stateBefore` as that same object when it is equal (fewer objects kept per stream; nothing logged changes).
   */
  last?: StoredEvent;
}

/** Options for `readStream`. */
export interface ReadStreamOptions {
  /** Only events with `version > afterVersion`. @defaultValue 0 */
  afterVersion?: number;
  /** At most this many events. */
  limit?: number;
}

/** The denormalised row kept per stream for queries. */
export interface StreamSummary {
  streamId: string;
  version: number;
  /** The proposal machine's state as a dotted path, e.g. `inHandling`. */
  state: string;
  /** Case machine states as dotted paths (one per case). */
  caseStates: string[];
  /** Tags of the proposal and its cases, e.g. `overdue`, `terminal`. */
  tags: string[];
  /** Units that hold a case. */
  unitIds: string[];
  /** Proposer ids (every co-signer). */
  proposerIds: string[];
  /** The injected clock's instant of the last append. */
  updatedAt: number;
  /** SDK-owned data for statistics and display; opaque to stores. */
  facts: JsonObject;
  /**
   * From the earliest start to the latest due date over every deadline of the stream that was not cancelled (open,
   * missed and met alike); `null` when it has none. Summaries written before spans were recorded have none
   * (`undefined`), and `deadlineSpanOverlaps` always matches them.
   */
  deadlineSpan?: DeadlineSpan | null;
}

/** A range of business dates, both ends included (ISO `YYYY-MM-DD`, compared as text). */
export interface DeadlineSpan {
  from: string;
  to: string;
}

/** Filters for `queryStreams`; all given filters must match. */
export interface StreamQuery {
  /** `summary.state` is one of these. */
  states?: string[];
  /** Some `summary.caseStates` entry is one of these. */
  caseStates?: string[];
  /** `summary.unitIds` contains this unit. */
  unitId?: string;
  /** `summary.proposerIds` contains this proposer. */
  proposerId?: string;
  /** `summary.tags` contains every one of these. */
  tags?: string[];
  /**
   * `summary.facts.kind` is this (`proposal` or `suggestion`): the one fact a store reads, so a kind filter applies
   * to the whole result and its pages, not only to the rows a page shows.
   */
  kind?: string;
  /** Has a deadline entry that is `missed`, or `open` with `due < overdueAt`. */
  overdueAt?: string;
  /** Has an `open` deadline entry with `from <= due <= to`. */
  dueBetween?: { from: string; to: string };
  /**
   * `summary.deadlineSpan` overlaps `from … to` (both ends included), or the summary has no `deadlineSpan` field at
   * all (written before spans were recorded); a `null` span (no deadline) never matches. A calendar correction reads
   * only the proposals whose deadlines can have counted a changed day.
   */
  deadlineSpanOverlaps?: DeadlineSpan;
  /** Only streams whose id sorts after this one (keyset pagination). */
  afterStreamId?: string;
  /** At most this many rows. */
  limit?: number;
}

/** One scheduled alert of a deadline (reminder before it, escalation after it). */
export interface DeadlineAlert {
  /** Unique within the deadline, e.g. `reminder:10` or `escalation:0`. */
  id: string;
  /** The business date from which it is due. */
  at: string;
}

/** One deadline in the stream's index (the SDK replaces a stream's whole set on every append). */
export interface DeadlineIndexEntry {
  streamId: string;
  deadlineId: string;
  kind: string;
  due: string;
  /** `open` entries fire; `missed` entries stay only for their escalation alerts. */
  status: 'open' | 'missed';
  caseId?: string;
  unitId?: string;
  alerts: DeadlineAlert[];
  /** The due date rests on an estimate (a year without its holiday notice); reminders and escalations say so. */
  provisional?: true;
}

/** Identifies one firing: a deadline recomputed to a new due date may fire again. */
export interface DeadlineKey {
  streamId: string;
  deadlineId: string;
  due: string;
}

/** Identifies one alert of one firing. */
export interface AlertKey extends DeadlineKey {
  alertId: string;
}

/** Options for claiming work. */
export interface ClaimOptions {
  /** At most this many claims. */
  limit: number;
  /** The claiming process, e.g. `host:pid:random`. */
  claimant: string;
  /** The claim instant (epoch ms from the injected clock). */
  instant: number;
  /** How long the claim holds before others may take the entry. @defaultValue 60000 */
  leaseMs?: number;
}

/** A claimed deadline entry. */
export interface DeadlineClaim extends DeadlineKey {
  entry: DeadlineIndexEntry;
}

/** A claimed alert. */
export interface AlertClaim extends AlertKey {
  entry: DeadlineIndexEntry;
  at: string;
}

/** An alert that was sent. */
export interface SentAlert extends AlertKey {
  sentAt: number;
}

/** The committed result of an idempotent command. */
export interface IdempotencyRecord {
  key: string;
  streamId: string;
  /** The stream version after the command. */
  version: number;
  /** A digest of the command, to refuse a key reused for a different command. */
  fingerprint: string;
  /** The command's result as returned to the first caller. */
  result: JsonValue;
}

/** Everything one command writes, atomically. */
export interface AppendRequest {
  streamId: string;
  /** The version the writer read; 0 creates the stream. */
  expectedVersion: number;
  /** New events, numbered `expectedVersion + 1 …` (at least one). */
  events: StoredEvent[];
  /** A snapshot at the new version (optional: the SDK writes one every N events). */
  snapshot?: StoredSnapshot;
  /**
   * The stream's new summary row, whole. Always given to a store without `partialAppends` and when the append creates
   * the stream (`expectedVersion` 0); otherwise exactly one of `summary` and `summaryChanges` is given.
   */
  summary?: StreamSummary;
  /**
   * Only to a store with `partialAppends`, for an existing stream, instead of `summary`: the summary row's fields that
   * changed since `expectedVersion` (always `version` and `updatedAt`). The new row is the stored row with these
   * fields replaced, each whole, and the stored facts' keys named in `factChanges` replaced; the fields and fact keys
   * left out keep their stored values.
   */
  summaryChanges?: SummaryChanges;
  /**
   * The stream's deadline index entries; replaces the previous set. Always given to a store without
   * `partialAppends` and when the append creates the stream; to a store with it, left out when the set is unchanged
   * (the store keeps its entries, with their claims and alerts, as they are).
   */
  deadlines?: DeadlineIndexEntry[];
  /** Deadlines this append fires (the `deadline.elapsed` event is in `events`); conflicts if any already fired. */
  firedDeadlines?: DeadlineKey[];
  /** The idempotency record to store; conflicts if the key exists. */
  idempotency?: Omit<IdempotencyRecord, 'streamId' | 'version'>;
}

/**
 * The fields of a summary row that changed in a partial append (`AppendRequest.summaryChanges`): the new `version` and
 * `updatedAt` always, the others only when they changed. A field is replaced whole, never merged; the facts change
 * either whole (`facts`) or by their top-level keys (`factChanges`), never both.
 */
export type SummaryChanges = Pick<StreamSummary, 'version' | 'updatedAt'> &
  Partial<Omit<StreamSummary, 'streamId' | 'version' | 'updatedAt'>> & {
    /**
     * The facts' top-level keys that changed, each replacing the stored key's value whole; the stored facts' other
     * keys stay (no key is removed this way: facts that lost a key are sent whole as `facts`).
     */
    factChanges?: JsonObject;
  };

/** The outcome of an append. */
export interface AppendResult {
  /** The stream's version after the append. */
  version: number;
}
