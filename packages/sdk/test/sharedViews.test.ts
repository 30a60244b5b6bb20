// Issue 19 (scaling): with more proposals in flight than the aggregate cache holds, every command loads its proposal
// from the store, and each entry logged two fresh state views, each with a case record of its own (and, once
// `idRecord`'s root class is full, a hidden class of its own). A view equal to the one logged before is now that
// same object: a loaded proposal's next `stateBefore` is the stream's last `stateAfter` (the in-memory store hands its
// last entry over, `LoadedStream.last`), and a command that leaves the cases as they were logs the case record of its
// `stateBefore` in its `stateAfter`. What is logged is unchanged: the JSON of every entry is the same as a log whose
// views were all built fresh (a store that copies through JSON, so no view can be shared).
import { seedLifecycle132402, seedLifecycleActors132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type Store, type StoredEvent } from '../src/index.js';
import { seedBanli } from './support/seedBanli.js';

const id = seedProposal132402.id;

/** The whole seed lifecycle on `store`; `cache: false` makes every command load the proposal from the store. */
async function lifecycleOn(store: Store, cache: number | false): Promise<StoredEvent[]> {
  const { banli } = seedBanli({ store, cache, snapshotEvery: 1 });
  await banli.submit(seedProposal132402, { actor: seedLifecycleActors132402.committee, draft: true, at: '2023-02-20' });
  for (const [event, actor] of seedLifecycle132402(id)) await banli.send(id, event, { actor });
  return store.readStream(id);
}

type View = { proposal: unknown; cases: object };

describe('logged state views shared between entries (issue 19)', () => {
  it('logs a loaded proposal’s state before as the very object its last entry logged as state after', async () => {
    const log = await lifecycleOn(createMemoryStore(), false);
    expect(log).toHaveLength(13);
    for (let i = 1; i < log.length; i++) expect(log[i]?.stateBefore).toBe(log[i - 1]?.stateAfter);
  });

  it('logs the case record of the state before when a command leaves the cases as they were', async () => {
    for (const cache of [false, 1000] as const) {
      const log = await lifecycleOn(createMemoryStore(), cache);
      let unchanged = 0;
      for (const entry of log.slice(1)) {
        const before = entry.stateBefore as View;
        const after = entry.stateAfter as View;
        if (JSON.stringify(before.cases) !== JSON.stringify(after.cases)) {
          expect(after.cases).not.toBe(before.cases);
          continue;
        }
        unchanged++;
        expect(after.cases).toBe(before.cases);
        if (JSON.stringify(before.proposal) === JSON.stringify(after.proposal)) expect(after).toBe(before);
      }
      // The seed lifecycle has such commands (review.start's cases are empty before and after, among others).
      expect(unchanged).toBeGreaterThan(2);
    }
  });

  it('logs the same JSON as a log whose views were all built fresh, with or without the cache', async () => {
    const fresh = JSON.stringify(await lifecycleOn(createMemoryStore({ isolate: true }), false));
    expect(JSON.stringify(await lifecycleOn(createMemoryStore(), false))).toBe(fresh);
    expect(JSON.stringify(await lifecycleOn(createMemoryStore(), 1000))).toBe(fresh);
    expect(JSON.stringify(await lifecycleOn(createMemoryStore({ isolate: true }), 1000))).toBe(fresh);
  });

  it('hands the last entry over from the in-memory store, but never under isolate', async () => {
    const store = createMemoryStore();
    const log = await lifecycleOn(store, 1000);
    expect((await store.load(id))?.last).toBe(log[log.length - 1]);
    const isolated = createMemoryStore({ isolate: true });
    await lifecycleOn(isolated, 1000);
    expect((await isolated.load(id))?.last).toBeUndefined();
  });
});
