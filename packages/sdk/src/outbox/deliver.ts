import { asJson, fromJson } from '../json.js';
import type { BanliNotification } from '../notifications.js';
import type { ConsumerLease, Store } from '../store/port.js';
import { formatPosition, parsePosition } from './position.js';
import { notificationsOfRecord } from './records.js';

/** Handles one notification; a rejection stops the delivery there (it is retried by the next `deliver`). */
export type OutboxHandler = (notification: BanliNotification) => void | Promise<void>;

/** Options of `banli.outbox.deliver`. */
export interface DeliverOptions {
  /** This worker, unique among the workers of one consumer. @defaultValue a random id per `createBanli` instance */
  claimant?: string;
  /**
   * How long the consumer's lease holds without progress (each delivered notification renews it). Keep it longer than
   * the handler takes: a lease that expires mid-handler lets another worker deliver the same notification. @defaultValue 60000
   */
  leaseMs?: number;
  /** Outbox records read per round trip. @defaultValue 100 */
  batchSize?: number;
  /** Only these notification types reach the handler; the others are passed over (the cursor moves past them). */
  types?: readonly string[];
  /** Stop after this many notifications reached the handler. @defaultValue no limit */
  max?: number;
  /** Where a consumer seen for the first time starts: the outbox's first record, or what comes after now. @defaultValue 'beginning' */
  start?: 'beginning' | 'now';
  /**
   * Dead-letter policy: once the handler has failed this many times on one notification (counted durably across
   * `deliver` calls and workers), the notification is given up — recorded as a dead letter of this consumer
   * (`banli.outbox.deadLetters`) and passed over in the same write — and delivery goes on with the next one. Without
   * it a failing notification is handed over again by every `deliver`, and blocks the consumer until it succeeds.
   * @defaultValue no limit
   */
  maxAttempts?: number;
}

/** A notification given up after its handler failed `maxAttempts` times. */
export interface DeadLetter {
  /** The notification, as handed to the handler. */
  notification: BanliNotification;
  /** Failed deliveries counted. */
  attempts: number;
  /** The last failure's message (at most 1,000 characters). */
  error: string;
  /** When it was given up (epoch ms from the SDK's clock). */
  at: number;
}

/** What one `deliver` call did. */
export interface DeliveryReport {
  /** The consumer's name. */
  consumer: string;
  /** Notifications the handler completed (and the cursor moved past). */
  delivered: number;
  /** The consumer's cursor afterwards (as `BanliNotification.position`); `undefined` when `busy`. */
  position: string | undefined;
  /** Another worker holds this consumer's lease: nothing was delivered by this call. */
  busy: boolean;
  /**
   * The lease was lost during the call (it expired and another worker took it, so this call stopped): the notification
   * being handled may reach the handler again through the other worker.
   */
  leaseLost: boolean;
  /**
   * The handler threw: delivery stopped at this notification, which the next `deliver` hands over again; `attempts`
   * is the failures counted at it so far when `maxAttempts` is set.
   */
  failed?: { notification: BanliNotification; error: unknown; attempts?: number };
  /** Notifications given up by this call under `maxAttempts` (present only when there are some). */
  deadLettered?: DeadLetter[];
  /**
   * Dead letters put back by `banli.outbox.redeliver` that this call delivered (they count in `delivered` too;
   * present only when there are some).
   */
  redelivered?: number;
}

type OutboxStore = Required<
  Pick<Store, 'readOutbox' | 'outboxHead' | 'claimConsumer' | 'advanceConsumer' | 'releaseConsumer'>
> &
  Pick<
    Store,
    | 'recordConsumerFailure'
    | 'deadLetterConsumer'
    | 'readRequeuedLetters'
    | 'requeuedLetterDelivered'
    | 'requeuedLetterFailed'
  >;

/** What delivering the letters put back did: go on with the outbox, or stop the pass (a failure, a lost lease). */
type Redelivery = 'goOn' | 'stop';

/**
 * Hands the consumer's dead letters put back for delivery (`banli.outbox.redeliver`) to the handler, oldest first,
 * before anything after the cursor: a delivered one is removed; a failing one is counted and, at `maxAttempts`, a dead
 * letter again (the pass goes on); without `maxAttempts` a failure stops the pass there, as in the outbox itself.
 * Letters of a type `types` leaves out stay put back.
 */
async function redeliver(
  store: OutboxStore,
  consumer: string,
  handler: OutboxHandler,
  options: { types: Set<string> | undefined; max: number; maxAttempts: number | undefined },
  lease: () => ConsumerLease,
  now: () => number,
  report: DeliveryReport,
): Promise<Redelivery> {
  const { readRequeuedLetters, requeuedLetterDelivered, requeuedLetterFailed } = store;
  if (!readRequeuedLetters || !requeuedLetterDelivered || !requeuedLetterFailed) return 'goOn';
  for (const letter of await readRequeuedLetters.call(store, consumer)) {
    const n = fromJson<BanliNotification>(letter.notification);
    if (options.types && !options.types.has(n.type)) continue;
    if (report.delivered >= options.max) return 'stop';
    try {
      await handler(n);
    } catch (error) {
      const failure = { error: messageOf(error), at: now(), maxAttempts: options.maxAttempts };
      const attempts = await requeuedLetterFailed.call(store, consumer, letter.position, failure, lease());
      if (attempts === undefined) {
        report.leaseLost = true;
        return 'stop';
      }
      if (options.maxAttempts !== undefined && attempts >= options.maxAttempts) {
        const given: DeadLetter = { notification: n, attempts, error: failure.error, at: failure.at };
        report.deadLettered = [...(report.deadLettered ?? []), given];
        continue;
      }
      report.failed = { notification: n, error, attempts };
      return 'stop';
    }
    if (!(await requeuedLetterDelivered.call(store, consumer, letter.position, lease()))) {
      report.leaseLost = true;
      return 'stop';
    }
    report.delivered++;
    report.redelivered = (report.redelivered ?? 0) + 1;
  }
  return 'goOn';
}

/** A failure's message, as a dead letter records it. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}

/**
 * Runs one delivery pass for a consumer: takes its lease (or reports `busy`), hands every notification after its
 * cursor to the handler in outbox order, moving the cursor past each one as soon as the handler resolves, until the
 * outbox is drained (or `max`), then releases the lease.
 *
 * Guarantee: every notification in the log reaches the handler at least once, in order, while workers keep calling
 * `deliver`. A worker holding the lease is the only one delivering for that consumer, so a notification is handed over
 * twice only when a worker stops between the handler's success and the cursor's move (a crash), or when the handler
 * outlasts `leaseMs` and another worker takes over; the handler makes that exactly once in effect by ignoring a
 * `notification.key` it has already applied (the key is stable and unique per notification).
 */
export async function deliverOnce(
  store: OutboxStore,
  now: () => number,
  consumer: string,
  handler: OutboxHandler,
  options: DeliverOptions & { claimant: string },
): Promise<DeliveryReport> {
  const leaseMs = options.leaseMs ?? 60_000;
  const limit = options.batchSize ?? 100;
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const types = options.types ? new Set(options.types) : undefined;
  const lease = (): ConsumerLease => ({ claimant: options.claimant, instant: now(), leaseMs });
  const start = options.start === 'now' ? await store.outboxHead() : '';
  let cursor = await store.claimConsumer(consumer, { ...lease(), start });
  const report: DeliveryReport = { consumer, delivered: 0, position: cursor, busy: false, leaseLost: false };
  if (cursor === undefined) return { ...report, busy: true };
  let committed: string = cursor;
  // Moves the cursor to `to` if this worker still holds the lease; false when the lease was lost.
  const advance = async (to: string): Promise<boolean> => {
    if (to === committed) return true;
    if (!(await store.advanceConsumer(consumer, committed, to, lease()))) return false;
    committed = to;
    return true;
  };
  try {
    const maxAttempts = options.maxAttempts;
    const redelivery = await redeliver(store, consumer, handler, { types, max, maxAttempts }, lease, now, report);
    drain: for (;;) {
      if (redelivery === 'stop') break;
      const at = parsePosition(cursor);
      const records = await store.readOutbox(at.after, limit);
      if (records.length === 0) break;
      let previous = at.after;
      let skip = at.skip;
      for (const record of records) {
        const notifications = notificationsOfRecord(record, previous);
        for (let i = skip; i < notifications.length; i++) {
          const n = notifications[i] as BanliNotification;
          // Where the cursor stands before this notification.
          const here = i === 0 ? previous : formatPosition({ after: previous, skip: i });
          if (types && !types.has(n.type)) {
            cursor = n.position as string;
            continue;
          }
          if (report.delivered >= max) {
            cursor = here;
            break drain;
          }
          // The cursor first moves past what was passed over, so a failure re-delivers only this notification.
          if (!(await advance(here))) {
            report.leaseLost = true;
            break drain;
          }
          try {
            await handler(n);
          } catch (error) {
            if (options.maxAttempts !== undefined && store.recordConsumerFailure && store.deadLetterConsumer) {
              const attempts = await store.recordConsumerFailure(consumer, n.position as string, lease());
              if (attempts === undefined) {
                report.leaseLost = true;
                break drain;
              }
              if (attempts < options.maxAttempts) {
                report.failed = { notification: n, error, attempts };
                cursor = here;
                break drain;
              }
              // Given up: recorded and passed over in one write; delivery goes on with the next notification.
              const letter: DeadLetter = { notification: n, attempts, error: messageOf(error), at: now() };
              const record = { ...letter, position: n.position as string, key: n.key, notification: asJson(n) };
              if (!(await store.deadLetterConsumer(consumer, committed, n.position as string, record, lease()))) {
                report.leaseLost = true;
                break drain;
              }
              committed = n.position as string;
              cursor = committed;
              report.deadLettered = [...(report.deadLettered ?? []), letter];
              continue;
            }
            report.failed = { notification: n, error };
            cursor = here;
            break drain;
          }
          cursor = n.position as string;
          if (!(await advance(cursor))) {
            report.leaseLost = true;
            break drain;
          }
          report.delivered++;
        }
        previous = record.position;
        skip = 0;
      }
    }
  } finally {
    if (!report.leaseLost) {
      // What was passed over at the end (other types) is passed over for good; then the lease is given back.
      if (!(await advance(cursor).catch(() => true))) report.leaseLost = true;
      else await store.releaseConsumer(consumer, options.claimant).catch(() => undefined);
    }
    report.position = committed;
  }
  return report;
}
