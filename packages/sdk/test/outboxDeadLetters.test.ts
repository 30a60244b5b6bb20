import { describe, expect, it } from 'vitest';
import {
  type BanliNotification,
  createBanli,
  createManualClock,
  createMemoryStore,
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
