import { BanliError } from '../errors.js';
import { ARG, ArgumentCheck } from '../input/options.js';
import { fromJson } from '../json.js';
import type { SizeLimits } from '../limits.js';
import type { BanliNotification, NotificationListener, Notifier } from '../notifications.js';
import type { Store } from '../store/port.js';
import {
  type DeadLetter,
  type DeliverOptions,
  type DeliveryReport,
  deliverOnce,
  type OutboxHandler,
} from './deliver.js';
import { parsePosition } from './position.js';
import { notificationsOfRecord } from './records.js';

/** Options of `banli.outbox.read`. */
export interface OutboxReadOptions {
  /** At most this many notifications. @defaultValue 100 */
  limit?: number;
  /** Only these types (the others are passed over; `position` moves past them). */
  types?: readonly string[];
}

/** A page of the outbox. */
export interface OutboxPage {
  notifications: BanliNotification[];
  /** Where the next read continues (`after`). */
  position: string;
}

/** Options of `banli.outbox.subscribe`. */
export interface OutboxSubscribeOptions {
  /** Only these notification types. */
  types?: readonly string[];
  /** Start after this position (e.g. an SSE client's `Last-Event-ID`). @defaultValue the outbox's head when subscribing */
  after?: string;
  /** Milliseconds between reads of the outbox; a command committed in this process wakes the reader at once. @defaultValue 1000 */
  pollMs?: number;
}

/**
 * The notification outbox: notifications read from the store's log (log entries' notifications and recorded
 * alerts), so they reach every process and survive restarts, unlike `subscribe`, which sees only this process's
 * commands and ticks, once, at most.
 */
export interface Outbox {
  /**
   * Hands every notification after the named consumer's durable cursor to `handler`, in order, at least once (see
   * `DeliveryReport`); several workers may call it for one consumer: one at a time holds the consumer's lease and the
   * others return `busy`. Dedupe on `notification.key` for exactly-once effect.
   */
  deliver(consumer: string, handler: OutboxHandler, options?: DeliverOptions): Promise<DeliveryReport>;
  /** Reads notifications after a position (`''` or omitted: from the start), for readers that keep their own place. */
  read(after?: string, options?: OutboxReadOptions): Promise<OutboxPage>;
  /** The position of the latest notification (`''` when there is none): read after it to see only what comes next. */
  head(): Promise<string>;
  /** The notifications a consumer gave up on under `maxAttempts` (dead letters), in the order they were given up. */
  deadLetters(consumer: string): Promise<DeadLetter[]>;
  /**
   * Puts a consumer's dead letters back for delivery, durably: those whose `notification.key` is in `keys`, or every
   * one when `keys` is omitted. The consumer's next `deliver` (any worker, any process) hands them to its handler
   * first, oldest first, then goes on after its cursor; a delivered one is gone, a failing one is counted again from 0
   * and, at `maxAttempts`, given up again (listed by `deadLetters` once more). All or nothing: a key that names no
   * dead letter of this consumer is refused with `DeadLetterNotFound` (zh-CN/en, listing the keys) and nothing changes.
   * Returns how many letters were put back (one already put back is not counted again).
   */
  redeliver(consumer: string, keys?: readonly string[]): Promise<{ requeued: number }>;
  /**
   * Prunes what every consumer has passed: outbox records at or before the least consumer cursor are no longer read
   * (by `read`, `subscribe`, or a consumer created later, which starts at the first record kept). The memory store
   * drops its copy of them; the SQL stores' outbox is the log itself, which is never pruned, so there only a mark
   * moves. With no consumer, nothing is pruned. Returns how many notifications were pruned by this call (the same
   * count on every store).
   */
  prune(): Promise<{ pruned: number }>;
  /**
   * Follows the outbox from a position, calling `listener` for each notification from any process (an SSE stream):
   * best effort per listener, with no durable cursor (a listener's failure is reported to `onListenerError`). Returns
   * a function that stops it.
   */
  subscribe(listener: NotificationListener, options?: OutboxSubscribeOptions): () => void;
}

/** The store has no outbox (it lacks `readOutbox` and the consumer calls); every shipped store has one. */
export class OutboxUnsupported extends BanliError {
  constructor() {
    super('OUTBOX_UNSUPPORTED', {
      'zh-CN': '所用存储不支持通知发件箱（缺少 readOutbox 等方法）',
      en: 'The store has no notification outbox (readOutbox and the consumer calls are missing)',
    });
    this.name = 'OutboxUnsupported';
  }
}

/** `outbox.redeliver` named notification keys that are not dead letters of the consumer; nothing was put back. */
export class DeadLetterNotFound extends BanliError {
  /** The consumer. */
  readonly consumer: string;
  /** The keys no dead letter of the consumer has. */
  readonly keys: readonly string[];

  constructor(consumer: string, keys: readonly string[]) {
    const shown = keys.slice(0, 10).map((k) => k.slice(0, 80));
    const more = keys.length > shown.length ? keys.length - shown.length : 0;
    super('NOT_FOUND', {
      'zh-CN': `消费者 ${consumer.slice(0, 80)} 没有这些死信：${shown.join('、')}${more ? ` 等 ${keys.length} 条` : ''}（只能重投 outbox.deadLetters 列出的通知），未重投任何通知`,
      en: `Consumer ${consumer.slice(0, 80)} has no dead letters with the keys ${shown.join(', ')}${more ? ` and ${more} more` : ''} (only notifications listed by outbox.deadLetters can be redelivered); nothing was put back`,
    });
    this.name = 'DeadLetterNotFound';
    this.consumer = consumer;
    this.keys = keys;
  }
}

/** The delivery part of the outbox (read and consumer cursors); dead letters and pruning are checked where used. */
type DeliveryStore = Required<
  Pick<Store, 'readOutbox' | 'outboxHead' | 'claimConsumer' | 'advanceConsumer' | 'releaseConsumer'>
>;

function outboxOf(store: Store): DeliveryStore {
  const s = store as Partial<DeliveryStore>;
  if (!s.readOutbox || !s.outboxHead || !s.claimConsumer || !s.advanceConsumer || !s.releaseConsumer) {
    throw new OutboxUnsupported();
  }
  return store as DeliveryStore;
}

type DeadLetterStore = DeliveryStore &
  Required<Pick<Store, 'recordConsumerFailure' | 'deadLetterConsumer' | 'readDeadLetters'>>;

type RequeueStore = DeliveryStore &
  Required<
    Pick<Store, 'requeueDeadLetters' | 'readRequeuedLetters' | 'requeuedLetterDelivered' | 'requeuedLetterFailed'>
  >;

/** The store with dead letters that can be put back for delivery (every shipped store). */
function requeueStoreOf(store: Store): RequeueStore {
  const s = outboxOf(store) as Partial<RequeueStore>;
  if (!s.requeueDeadLetters || !s.readRequeuedLetters || !s.requeuedLetterDelivered || !s.requeuedLetterFailed) {
    throw new OutboxUnsupported();
  }
  return s as RequeueStore;
}

/** The store with dead letters (every shipped store has them). */
function deadLetterStoreOf(store: Store): DeadLetterStore {
  const s = outboxOf(store) as Partial<DeadLetterStore>;
  if (!s.recordConsumerFailure || !s.deadLetterConsumer || !s.readDeadLetters) throw new OutboxUnsupported();
  return s as DeadLetterStore;
}

const randomId = (): string =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Reads up to `limit` notifications after `position`. */
async function readPage(store: DeliveryStore, position: string, limit: number, types?: ReadonlySet<string>) {
  const at = parsePosition(position);
  const notifications: BanliNotification[] = [];
  let cursor = position;
  let previous = at.after;
  let skip = at.skip;
  for (;;) {
    const records = await store.readOutbox(previous, Math.max(1, Math.min(limit, 500)));
    if (records.length === 0) return { notifications, position: cursor };
    for (const record of records) {
      const all = notificationsOfRecord(record, previous);
      for (let i = skip; i < all.length; i++) {
        const n = all[i] as BanliNotification;
        if (notifications.length >= limit) return { notifications, position: cursor };
        cursor = n.position as string;
        if (!types || types.has(n.type)) notifications.push(n);
      }
      previous = record.position;
      skip = 0;
    }
  }
}

/** Builds `banli.outbox` over a store. */
export function createOutbox(
  store: Store,
  now: () => number,
  limits: SizeLimits,
  notifier: Notifier,
  onError: (error: unknown) => void,
): Outbox {
  const instanceClaimant = `outbox:${randomId()}`;
  const checkTypes = (check: ArgumentCheck, types: unknown) => {
    if (types === undefined) return;
    if (!Array.isArray(types)) check.text(types, ARG.types, false);
    else check.textOrList(types, ARG.types);
  };
  return {
    async deliver(consumer, handler, options = {}) {
      const check = new ArgumentCheck(limits);
      check.id(consumer, ARG.consumer);
      check.callback(handler, ARG.handler);
      const o = check.options(options, ARG.options, true);
      check.id(o.claimant, ARG.claimant, true);
      check.integer(o.leaseMs, ARG.leaseMs, 1);
      check.integer(o.batchSize, ARG.batchSize, 1, 10_000);
      check.integer(o.max, ARG.max, 0);
      check.oneOf(o.start, ARG.start, ['beginning', 'now']);
      check.integer(o.maxAttempts, ARG.maxAttempts, 1);
      checkTypes(check, o.types);
      check.done();
      const target = options.maxAttempts === undefined ? outboxOf(store) : deadLetterStoreOf(store);
      return deliverOnce(target, now, consumer, handler, {
        ...options,
        claimant: options.claimant ?? instanceClaimant,
      });
    },

    async read(after = '', options = {}) {
      const check = new ArgumentCheck(limits);
      check.position(after, ARG.position);
      const o = check.options(options, ARG.options, true);
      check.integer(o.limit, ARG.limit, 1, 10_000);
      checkTypes(check, o.types);
      check.done();
      const types = options.types ? new Set(options.types) : undefined;
      return readPage(outboxOf(store), after, options.limit ?? 100, types);
    },

    head: () => outboxOf(store).outboxHead(),

    async deadLetters(consumer) {
      const check = new ArgumentCheck(limits);
      check.id(consumer, ARG.consumer);
      check.done();
      const records = await deadLetterStoreOf(store).readDeadLetters(consumer);
      return records.map((r) => ({
        notification: fromJson<BanliNotification>(r.notification),
        attempts: r.attempts,
        error: r.error,
        at: r.at,
      }));
    },

    async redeliver(consumer, keys) {
      const check = new ArgumentCheck(limits);
      check.id(consumer, ARG.consumer);
      check.textOrList(keys, ARG.keys);
      check.done();
      const list = keys === undefined ? undefined : typeof keys === 'string' ? [keys] : [...keys];
      const { requeued, unknown } = await requeueStoreOf(store).requeueDeadLetters(consumer, list);
      if (unknown.length > 0) throw new DeadLetterNotFound(consumer, unknown);
      return { requeued };
    },

    async prune() {
      const s = outboxOf(store) as DeliveryStore & Partial<Required<Pick<Store, 'listConsumers' | 'pruneOutbox'>>>;
      if (!s.listConsumers || !s.pruneOutbox) throw new OutboxUnsupported();
      const consumers = await s.listConsumers();
      if (consumers.length === 0) return { pruned: 0 };
      // A cursor's store position is the record it passed whole; a record it is partway through is kept.
      const pruned = await s.pruneOutbox(consumers.map((c) => parsePosition(c.cursor).after));
      return { pruned };
    },

    subscribe(listener, options = {}) {
      const check = new ArgumentCheck(limits);
      check.callback(listener, ARG.handler);
      const o = check.options(options, ARG.options, true);
      check.position(o.after, ARG.position);
      check.integer(o.pollMs, ARG.pollMs, 1);
      checkTypes(check, o.types);
      check.done();
      const outbox = outboxOf(store);
      const types = options.types ? new Set(options.types) : undefined;
      const pollMs = options.pollMs ?? 1000;
      let stopped = false;
      let position: string | undefined = options.after;
      let running = false;
      let again = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const schedule = () => {
        if (stopped) return;
        clearTimeout(timer);
        timer = setTimeout(poll, pollMs);
        (timer as { unref?: () => void }).unref?.();
      };
      const poll = async (): Promise<void> => {
        if (stopped) return;
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          position ??= await outbox.outboxHead();
          for (;;) {
            const page = await readPage(outbox, position, 100, types);
            position = page.position;
            for (const n of page.notifications) {
              if (stopped) return;
              try {
                await listener(n);
              } catch (error) {
                onError(error);
              }
            }
            if (page.notifications.length < 100) break;
          }
        } catch (error) {
          onError(error);
        } finally {
          running = false;
        }
        if (again) {
          again = false;
          void poll();
        } else schedule();
      };
      // A command committed by this process wakes the reader at once instead of at the next poll.
      const wake = notifier.subscribe(() => {
        void poll();
      });
      void poll();
      return () => {
        stopped = true;
        clearTimeout(timer);
        wake();
      };
    },
  };
}
