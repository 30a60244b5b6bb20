import { type Banli, ConcurrencyConflictError, type Store } from '@banli/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPostgresStore } from '../src/index.js';
import { actors, banliOn, contact, seedAccepted, seedId } from './support/seed.js';
import { describeWithServer, dropSchema, pgUrl, uniqueSchema } from './support/server.js';

describeWithServer('createPostgresStore (two SDK instances on two pools)', () => {
  const schema = uniqueSchema();
  let stores: Store[] = [];
  let one: Banli;
  let two: Banli;

  beforeAll(async () => {
    const open = () => createPostgresStore({ connectionString: pgUrl ?? '', schema, max: 4 });
    stores = await Promise.all([open(), open()]);
    one = banliOn(stores[0] as Store);
    two = banliOn(stores[1] as Store);
    await seedAccepted(one);
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close?.()));
    await dropSchema(schema);
  });

  it('should let exactly one of two racing writers at the same version win and refuse the other', async () => {
    const version = (await two.history(seedId)).length;
    const options = (id: string) => ({ actor: actors.lead, expectedVersion: version, idempotencyKey: id });
    const results = await Promise.allSettled([
      one.send(seedId, contact(seedId, 'one'), options('race-one')),
      two.send(seedId, contact(seedId, 'two'), options('race-two')),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(ConcurrencyConflictError);
    expect((lost[0] as ConcurrencyConflictError).reason).toBe('version');
    const log = await one.history(seedId);
    expect(log.map((e) => e.version)).toEqual(log.map((_, i) => i + 1));
    const notes = log.slice(version).map((e) => e.event.note);
    expect(notes).toHaveLength(1);
    expect(['one', 'two']).toContain(notes[0]);
  });

  it('should keep every write of racing writers without expectedVersion, once each, in one gapless log', async () => {
    const before = (await one.history(seedId)).length;
    const notes = Array.from({ length: 6 }, (_, i) => `note-${i}`);
    const banlis = [one, two];
    const results = await Promise.allSettled(
      notes.map((note, i) => (banlis[i % 2] as Banli).send(seedId, contact(seedId, note), { actor: actors.lead })),
    );
    // Retries absorb most races; a writer that loses more often than maxRetries is refused, never half-written.
    const written = notes.filter((_, i) => results[i]?.status === 'fulfilled');
    expect(written.length).toBeGreaterThan(0);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConcurrencyConflictError);
    const log = await two.history(seedId);
    expect(log.map((e) => e.version)).toEqual(log.map((_, i) => i + 1));
    expect(
      log
        .slice(before)
        .map((e) => e.event.note)
        .sort(),
    ).toEqual(written.sort());
    expect((await one.get(seedId)).version).toBe(log.length);
  });

  it('should write a command retried with one idempotency key once, whichever instance gets it', async () => {
    const before = (await one.history(seedId)).length;
    const send = (b: Banli) =>
      b.send(seedId, contact(seedId, 'idem'), { actor: actors.lead, idempotencyKey: 'idem-1' });
    const results = await Promise.allSettled([send(one), send(two)]);
    const fulfilled = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(fulfilled.length).toBeGreaterThan(0);
    expect(new Set(fulfilled.map((r) => r.version)).size).toBe(1);
    const log = await two.history(seedId);
    expect(log.slice(before).map((e) => e.event.note)).toEqual(['idem']);
  });
});
