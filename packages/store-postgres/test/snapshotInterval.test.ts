import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteStore, SQL_SNAPSHOT_EVERY } from '../src/index.js';
import { banliOn, seedAssigned, seedId } from './support/seed.js';

// Issue 19 item 3: a SQL store suggests its snapshot interval (4, chosen from the measurement in the README).

describe('the SQL store snapshot interval', () => {
  let close: (() => Promise<void>) | undefined;
  afterAll(() => close?.());

  it('should suggest a snapshot every 4 commands, which createBanli follows when given none', async () => {
    const store = await createPgliteStore();
    close = async () => store.close?.();
    expect(store.snapshotEvery).toBe(SQL_SNAPSHOT_EVERY);
    expect(SQL_SNAPSHOT_EVERY).toBe(4);
    const banli = banliOn(store);
    // Creation and submission (versions 1–2), review.start, review.register, assign: version 5.
    await seedAssigned(banli);
    expect((await store.load(seedId))?.snapshot?.version).toBe(4);
    expect((await banli.get(seedId)).version).toBe(5);
  });
});
