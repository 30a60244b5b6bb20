import { describe, expect, it } from 'vitest';
import {
  type BanliNotification,
  createBanli,
  createManualClock,
  createMemoryStore,
  DeadLetterNotFound,
  OutboxUnsupported,
  type Store,
  ValidationError,
} from '../src/index.js';
import { seedAccepted, seedBanli } from './support/seedBanli.js';

// Issue 16 follow-ups: a handler that keeps failing blocked its consumer forever (no dead-letter option), and nothing
// pruned the outbox. `maxAttempts` gives a failing notification up after that many failures, counted durably by the
// store; `prune` drops what every consumer has passed. The store side of both is in the store contract (every store).

/** The seed case accepted, then a tick that fires deadlines and sends escalations. */
async function busyCase() {
  const seeded = seedBanli();
  await seedAccepted(seeded.banli);
  await seeded.banli.tick('2023-04-18');
  const all = (await seeded.banli.outbox.read('', { limit: 1000 })).notifications;
  expect(all.length).toBeGreaterThan(3);
  return { ...seeded, all };
}

const failingOn = (key: string | undefined, got: string[]) => (n: BanliNotification) => {
  if (n.key === key) throw new Error('短信网关超时 (SMS gateway timeout)');
  got.push(n.key);
};

describe('banli.outbox.deliver with maxAttempts (dead letters)', () => {
  it('should give a notification up after maxAttempts failures, record it, and deliver the ones after it', async () => {
    const { banli, all } = await busyCase();
    const poison = all[2] as BanliNotification;
    const got: string[] = [];
    const handler = failingOn(poison.key, got);
    const first = await banli.outbox.deliver('sms', handler, { maxAttempts: 3 });
    expect(first.delivered).toBe(2);
    expect(first.failed).toMatchObject({ notification: { key: poison.key }, attempts: 1 });
    expect(first.deadLettered).toBeUndefined();
    const second = await banli.outbox.deliver('sms', handler, { maxAttempts: 3 });
    expect(second).toMatchObject({ delivered: 0, failed: { attempts: 2 } });
    expect(await banli.outbox.deadLetters('sms')).toEqual([]);
    const third = await banli.outbox.deliver('sms', handler, { maxAttempts: 3 });
    expect(third.failed).toBeUndefined();
    expect(third.deadLettered?.map((d) => [d.notification.key, d.attempts])).toEqual([[poison.key, 3]]);
    expect(third.delivered).toBe(all.length - 3);
    expect(got).toEqual(all.map((n) => n.key).filter((k) => k !== poison.key));
    expect(third.position).toBe(all.at(-1)?.position);
    const letters = await banli.outbox.deadLetters('sms');
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ attempts: 3, error: '短信网关超时 (SMS gateway timeout)' });
    expect(letters[0]?.notification).toEqual(poison);
    // Another consumer is not affected by this one's dead letters.
    expect(await banli.outbox.deadLetters('mail')).toEqual([]);
  });

  it('should count failures across instances and workers on one store (the count is the store’s)', async () => {
    const { banli, store, all } = await busyCase();
    const poison = all[0] as BanliNotification;
    const other = createBanli({ store, clock: createManualClock('2023-04-18') });
    const got: string[] = [];
    await banli.outbox.deliver('sms', failingOn(poison.key, got), { maxAttempts: 2, claimant: 'w1' });
    const report = await other.outbox.deliver('sms', failingOn(poison.key, got), { maxAttempts: 2, claimant: 'w2' });
    expect(report.deadLettered?.[0]?.notification.key).toBe(poison.key);
    expect(report.delivered).toBe(all.length - 1);
  });

  it('should keep blocking without maxAttempts, as before', async () => {
    const { banli, all } = await busyCase();
    const got: string[] = [];
    for (let i = 0; i < 5; i++) {
      const report = await banli.outbox.deliver('sms', failingOn(all[0]?.key, got));
      expect(report.failed?.notification.key).toBe(all[0]?.key);
    }
    expect(got).toEqual([]);
    expect(await banli.outbox.deadLetters('sms')).toEqual([]);
  });

  it('should refuse a bad maxAttempts, and a store without dead letters', async () => {
    const { banli } = seedBanli();
    for (const maxAttempts of [0, -1, 1.5, '3']) {
      const error = await banli.outbox
        .deliver('sms', () => undefined, { maxAttempts: maxAttempts as never })
        .catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).messages['zh-CN']).toContain('最多投递次数');
    }
    const { recordConsumerFailure: _, ...rest } = createMemoryStore();
    const bare = createBanli({ store: rest as Store });
    await expect(bare.outbox.deliver('sms', () => undefined, { maxAttempts: 3 })).rejects.toBeInstanceOf(
      OutboxUnsupported,
    );
  });
});

describe('banli.outbox.prune', () => {
  it('should prune what every consumer has passed, and nothing while one has not', async () => {
    const { banli, all } = await busyCase();
    expect(await banli.outbox.prune()).toEqual({ pruned: 0 });
    await banli.outbox.deliver('sms', () => undefined);
    await banli.outbox.deliver('mail', () => undefined, { max: 1 });
    // mail has passed the first record only.
    const { pruned } = await banli.outbox.prune();
    expect(pruned).toBe(1);
    const kept = (await banli.outbox.read('', { limit: 1000 })).notifications;
    expect(kept.map((n) => n.key)).toEqual(all.slice(1).map((n) => n.key));
    // mail goes on where it was; a consumer created now starts at the first record kept.
    const mail: string[] = [];
    await banli.outbox.deliver('mail', (n) => {
      mail.push(n.key);
    });
    expect(mail).toEqual(all.slice(1).map((n) => n.key));
    const late: string[] = [];
    await banli.outbox.deliver('late', (n) => {
      late.push(n.key);
    });
    expect(late).toEqual(all.slice(1).map((n) => n.key));
    expect((await banli.outbox.prune()).pruned).toBeGreaterThan(0);
    expect((await banli.outbox.read('', { limit: 1000 })).notifications).toEqual([]);
    // What comes next is delivered as before.
    await banli.tick('2023-06-20');
    const next: string[] = [];
    await banli.outbox.deliver('sms', (n) => {
      next.push(n.key);
    });
    expect(next.length).toBeGreaterThan(0);
  });

  it('should free the memory store’s copy of pruned records', async () => {
    const { banli, store } = await busyCase();
    await banli.outbox.deliver('sms', () => undefined);
    const head = await banli.outbox.head();
    await banli.outbox.prune();
    expect(await store.readOutbox?.('', 1000)).toEqual([]);
    expect(await banli.outbox.head()).toBe(head);
  });
});

// Follow-up: a dead letter could not be delivered again once the cause was fixed. `redeliver` puts it back (durably,
// in the store); the next `deliver` hands it over first.
describe('banli.outbox.redeliver', () => {
  /** The busy case with `poison` dead-lettered by consumer sms, and every other notification delivered. */
  async function deadLettered(poisonAt = 2) {
    const busy = await busyCase();
    const poison = busy.all[poisonAt] as BanliNotification;
    const report = await busy.banli.outbox.deliver('sms', failingOn(poison.key, []), { maxAttempts: 1 });
    expect(report.deadLettered?.map((d) => d.notification.key)).toEqual([poison.key]);
    return { ...busy, poison };
  }

  it('should put a dead letter back and hand it over first on the next deliver, then go on after the cursor', async () => {
    const { banli, store, poison } = await deadLettered();
    expect(await banli.outbox.redeliver('sms', [poison.key])).toEqual({ requeued: 1 });
    expect(await banli.outbox.deadLetters('sms')).toEqual([]);
    const head = await banli.outbox.head();
    await banli.tick('2023-06-20');
    const later = (await banli.outbox.read(head, { limit: 1000 })).notifications;
    expect(later.length).toBeGreaterThan(0);
    // Another instance on the same store delivers it: the redelivery is the store's, not this instance's.
    const other = createBanli({ store, clock: createManualClock('2023-06-20') });
    const got: BanliNotification[] = [];
    const report = await other.outbox.deliver('sms', (n) => {
      got.push(n);
    });
    expect(got.map((n) => n.key)).toEqual([poison.key, ...later.map((n) => n.key)]);
    expect(got[0]).toEqual(poison);
    expect(report).toMatchObject({ delivered: later.length + 1, redelivered: 1 });
    // Delivered once: it is gone.
    const again = await banli.outbox.deliver('sms', () => undefined);
    expect(again).toMatchObject({ delivered: 0 });
    expect(again.redelivered).toBeUndefined();
    expect(await banli.outbox.deadLetters('sms')).toEqual([]);
  });

  it('should block on a failing redelivery without maxAttempts, and give it up again at maxAttempts', async () => {
    const { banli, poison } = await deadLettered();
    await banli.outbox.redeliver('sms');
    await banli.tick('2023-06-20');
    const got: string[] = [];
    for (let i = 0; i < 2; i++) {
      const report = await banli.outbox.deliver('sms', failingOn(poison.key, got));
      expect(report).toMatchObject({ delivered: 0, failed: { notification: { key: poison.key } } });
    }
    expect(got).toEqual([]);
    // Its failures were counted (2); with maxAttempts 3 the next failure gives it up and delivery goes on.
    const report = await banli.outbox.deliver('sms', failingOn(poison.key, got), { maxAttempts: 3 });
    expect(report.deadLettered?.map((d) => [d.notification.key, d.attempts])).toEqual([[poison.key, 3]]);
    expect(report.delivered).toBeGreaterThan(0);
    expect(got.length).toBe(report.delivered);
    const letters = await banli.outbox.deadLetters('sms');
    expect(letters.map((l) => [l.notification.key, l.attempts])).toEqual([[poison.key, 3]]);
  });

  it('should put back every dead letter when no key is given, and only the named ones otherwise', async () => {
    const busy = await busyCase();
    const [a, b, c] = busy.all as [BanliNotification, BanliNotification, BanliNotification];
    const failing = new Set([a.key, b.key, c.key]);
    await busy.banli.outbox.deliver(
      'sms',
      (n) => {
        if (failing.has(n.key)) throw new Error('down');
      },
      { maxAttempts: 1 },
    );
    expect((await busy.banli.outbox.deadLetters('sms')).map((d) => d.notification.key)).toEqual([a.key, b.key, c.key]);
    expect(await busy.banli.outbox.redeliver('sms', [c.key, a.key])).toEqual({ requeued: 2 });
    expect((await busy.banli.outbox.deadLetters('sms')).map((d) => d.notification.key)).toEqual([b.key]);
    expect(await busy.banli.outbox.redeliver('sms')).toEqual({ requeued: 1 });
    const got: string[] = [];
    await busy.banli.outbox.deliver('sms', (n) => {
      got.push(n.key);
    });
    expect(got).toEqual([a.key, b.key, c.key]);
  });

  it('should refuse keys that are not dead letters of the consumer in zh-CN and en, and put nothing back', async () => {
    const { banli, poison } = await deadLettered();
    const error = await banli.outbox.redeliver('sms', [poison.key, 'p-none:1:0']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadLetterNotFound);
    expect(error).toMatchObject({ code: 'NOT_FOUND', consumer: 'sms', keys: ['p-none:1:0'] });
    expect((error as DeadLetterNotFound).messages['zh-CN']).toBe(
      '消费者 sms 没有这些死信：p-none:1:0（只能重投 outbox.deadLetters 列出的通知），未重投任何通知',
    );
    expect((error as DeadLetterNotFound).messages.en).toBe(
      'Consumer sms has no dead letters with the keys p-none:1:0 (only notifications listed by outbox.deadLetters can be redelivered); nothing was put back',
    );
    expect((await banli.outbox.deadLetters('sms')).map((d) => d.notification.key)).toEqual([poison.key]);
    // Another consumer's dead letter is not this one's.
    await expect(banli.outbox.redeliver('mail', [poison.key])).rejects.toBeInstanceOf(DeadLetterNotFound);
    for (const [consumer, keys] of [
      ['', undefined],
      ['sms', [1]],
      ['sms', ['']],
      ['sms', 'x'.repeat(100_000)],
    ] as const) {
      const bad = await banli.outbox.redeliver(consumer, keys as never).catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(ValidationError);
    }
    expect((await banli.outbox.deadLetters('sms')).map((d) => d.notification.key)).toEqual([poison.key]);
  });

  it('should refuse a store without redelivery with OutboxUnsupported', async () => {
    const { requeueDeadLetters: _, ...rest } = createMemoryStore();
    const bare = createBanli({ store: rest as Store });
    await expect(bare.outbox.redeliver('sms')).rejects.toBeInstanceOf(OutboxUnsupported);
  });
});
