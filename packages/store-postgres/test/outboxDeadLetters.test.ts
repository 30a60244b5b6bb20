import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BanliNotification, Store } from '@banli/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteStore, createPostgresStore } from '../src/index.js';
import { banliOn, seedAccepted } from './support/seed.js';
import { describeWithServer, dropSchema, pgUrl, serverStore, uniqueSchema } from './support/server.js';

// Issue 16 follow-ups through the SDK on the SQL stores: a notification whose handler keeps failing is given up
// after `maxAttempts` (a dead letter) instead of blocking its consumer, and `prune` moves past what every consumer has
// passed. The store methods themselves are in the store contract.

async function deadLettersAndPrune(store: Store) {
  const banli = banliOn(store);
  await seedAccepted(banli);
  await banli.tick('2023-04-18');
  const all = (await banli.outbox.read('', { limit: 1000 })).notifications;
  const poison = all[1] as BanliNotification;
  const got: string[] = [];
  const handler = (n: BanliNotification) => {
    if (n.key === poison.key) throw new Error('gateway timeout');
    got.push(n.key);
  };
  expect((await banli.outbox.deliver('sms', handler, { maxAttempts: 2 })).failed?.attempts).toBe(1);
  const second = await banli.outbox.deliver('sms', handler, { maxAttempts: 2 });
  expect(second.deadLettered?.map((d) => d.notification.key)).toEqual([poison.key]);
  expect(got).toEqual(all.map((n) => n.key).filter((k) => k !== poison.key));
  expect(await banli.outbox.deadLetters('sms')).toEqual([
    expect.objectContaining({ attempts: 2, error: 'gateway timeout', notification: poison }),
  ]);
  await banli.outbox.deliver('mail', () => undefined, { max: 1 });
  expect((await banli.outbox.prune()).pruned).toBe(1);
  expect((await banli.outbox.read('', { limit: 1000 })).notifications.map((n) => n.key)).toEqual(
    all.slice(1).map((n) => n.key),
  );
  await banli.outbox.deliver('mail', () => undefined);
  expect((await banli.outbox.prune()).pruned).toBeGreaterThan(0);
  expect((await banli.outbox.read('', { limit: 1000 })).notifications).toEqual([]);
  await store.close?.();
}

describe('outbox dead letters and pruning on PGlite', () => {
  let dataDir = '';
  afterAll(() => (dataDir ? rm(dataDir, { recursive: true, force: true }) : undefined));
  it('should dead-letter after maxAttempts and prune what every consumer passed (in memory)', async () => {
    await deadLettersAndPrune(await createPgliteStore());
  });
  it('should dead-letter after maxAttempts and prune what every consumer passed (on a file)', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'banli-dead-'));
    await deadLettersAndPrune(await createPgliteStore({ dataDir }));
  });
});

describeWithServer('outbox dead letters and pruning on PostgreSQL', () => {
  it('should dead-letter after maxAttempts and prune what every consumer passed', async () => {
    await deadLettersAndPrune(await serverStore());
  });
});

// A dead letter put back by `redeliver` is the store's: it survives closing the store, and the next `deliver` of any
// instance hands it over first.
async function redeliverAcrossReopen(open: () => Promise<Store>) {
  const first = await open();
  const banli = banliOn(first);
  await seedAccepted(banli);
  await banli.tick('2023-04-18');
  const all = (await banli.outbox.read('', { limit: 1000 })).notifications;
  const poison = all[1] as BanliNotification;
  const handler = (n: BanliNotification) => {
    if (n.key === poison.key) throw new Error('gateway timeout');
  };
  expect((await banli.outbox.deliver('sms', handler, { maxAttempts: 1 })).deadLettered).toHaveLength(1);
  const error = await banli.outbox.redeliver('sms', [poison.key, 'nope']).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'DeadLetterNotFound', code: 'NOT_FOUND', keys: ['nope'] });
  expect(await banli.outbox.deadLetters('sms')).toHaveLength(1);
  expect(await banli.outbox.redeliver('sms', [poison.key])).toEqual({ requeued: 1 });
  await first.close?.();
  const second = await open();
  const again = banliOn(second);
  expect(await again.outbox.deadLetters('sms')).toEqual([]);
  const got: string[] = [];
  const report = await again.outbox.deliver('sms', (n) => {
    got.push(n.key);
  });
  expect(got).toEqual([poison.key]);
  expect(report.redelivered).toBe(1);
  expect(await again.outbox.deadLetters('sms')).toEqual([]);
  await second.close?.();
}

describe('outbox redelivery of dead letters on PGlite', () => {
  let dataDir = '';
  afterAll(() => (dataDir ? rm(dataDir, { recursive: true, force: true }) : undefined));
  it('should keep a dead letter put back across a reopen and deliver it first (on a file)', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'banli-redeliver-'));
    await redeliverAcrossReopen(() => createPgliteStore({ dataDir }));
  });
});

describeWithServer('outbox redelivery of dead letters on PostgreSQL', () => {
  it('should keep a dead letter put back across a reopen and deliver it first', async () => {
    const schema = uniqueSchema();
    try {
      await redeliverAcrossReopen(() => createPostgresStore({ connectionString: pgUrl ?? '', schema }));
    } finally {
      await dropSchema(schema);
    }
  });
});
