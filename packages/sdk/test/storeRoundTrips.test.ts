import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, createBanli, createManualClock, createMemoryStore, type Store } from '../src/index.js';
import { seedActors, seedBanli, seedId } from './support/seedBanli.js';

// Issue 19 (stores): every store call of a command is a round trip on PostgreSQL. `submit` read the summary row before
// its append to refuse an existing id, although the append refuses it anyway (expected version 0): two round trips
// where one does.

/** A memory store that records the name of every method called on it. */
function countingStore(inner: Store = createMemoryStore({ isolate: true })) {
  const calls: string[] = [];
  const store = new Proxy(inner, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      return (...args: unknown[]) => {
        // An instance reads its saved calendar years once, on its first command: not a per-command call.
        if (name !== 'listCalendarYears') calls.push(name);
        return value.apply(target, args);
      };
    },
  });
  return { store, calls, inner };
}

const banliOn = (store: Store) =>
  createBanli({
    store,
    clock: createManualClock('2023-02-20'),
    policy: presets.guangdongCity,
    calendar: chinaMainland,
  });

describe('store round trips per command', () => {
  it('should submit with one store call, the append, and send on a cached proposal with one', async () => {
    const { store, calls } = countingStore();
    const banli = banliOn(store);
    await banli.submit(seedProposal132402, { actor: seedActors.proposer, at: '2023-02-20' });
    expect(calls).toEqual(['append']);
    calls.length = 0;
    await banli.send(seedId, { type: 'review.start', at: '2023-02-21' }, { actor: seedActors.committee });
    expect(calls).toEqual(['append']);
  });

  it('should still refuse an existing id with AlreadyExistsError and write nothing, from the append or the cache', async () => {
    const { store, calls, inner } = countingStore();
    await banliOn(store).submit(seedProposal132402, { actor: seedActors.proposer, at: '2023-02-20' });
    const written = await inner.readStream(seedId);
    calls.length = 0;
    // Another instance (nothing cached): the append is refused by the store's version check.
    const other = banliOn(store);
    const error = await other
      .submit(seedProposal132402, { actor: seedActors.proposer, at: '2023-02-21' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlreadyExistsError);
    expect(calls).toEqual(['append']);
    expect(await inner.readStream(seedId)).toEqual(written);
    // The same instance knows the id from its cache: no store call at all.
    const { banli } = seedBanli();
    await banli.submit(seedProposal132402, { actor: seedActors.proposer, at: '2023-02-20' });
    await expect(
      banli.submit(seedProposal132402, { actor: seedActors.proposer, at: '2023-02-20' }),
    ).rejects.toBeInstanceOf(AlreadyExistsError);
  });
});
