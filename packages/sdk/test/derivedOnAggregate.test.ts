// Issue 19 (SDK ÷ bare actor, scaling): what a command derives from a state (deadlines, summary, logged view) is kept
// on the aggregate holding the state and goes with it to the cache, not in a weak map keyed by the state, and the
// deadline index entries of the last append go on with the aggregate, not in a weak map keyed by each deadline: every
// weak-map entry is an ephemeron each major collection works through. The logged view stays shared: one command's
// `stateAfter` is the next command's `stateBefore`, the same object.
import { seedLifecycle132402, seedLifecycleActors132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore, type Store, type StoredEvent } from '../src/index.js';
import { seedBanli } from './support/seedBanli.js';

const id = seedProposal132402.id;

/** Whether a value looks like a handling state (the coordinator's `{ proposal, cases, … }`). */
const isHandlingState = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && 'proposal' in v && 'cases' in v && !('handling' in v);
/** Whether a value looks like a deadline. */
const isDeadline = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && 'due' in v && 'kind' in v && 'status' in v;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('derivations kept on the aggregate', () => {
  it('adds no weak-map entry keyed by a state or a deadline while a cached proposal goes through its lifecycle', async () => {
    const store: Store = createMemoryStore();
    const { banli } = seedBanli({ store, snapshotEvery: 1 });
    const lifecycle = seedLifecycle132402(id);
    await banli.submit(seedProposal132402, {
      actor: seedLifecycleActors132402.committee,
      draft: true,
      at: '2023-02-20',
    });
    const set = vi.spyOn(WeakMap.prototype, 'set');
    for (const [event, actor] of lifecycle) await banli.send(id, event, { actor });
    expect(set.mock.calls.length).toBeGreaterThan(0);
    expect(set.mock.calls.filter(([key]) => isHandlingState(key))).toHaveLength(0);
    expect(set.mock.calls.filter(([key]) => isDeadline(key))).toHaveLength(0);
  });

  it('logs one command’s state after as the next command’s state before, the same object', async () => {
    const store: Store = createMemoryStore();
    const { banli } = seedBanli({ store, snapshotEvery: 1 });
    await banli.submit(seedProposal132402, {
      actor: seedLifecycleActors132402.committee,
      draft: true,
      at: '2023-02-20',
    });
    for (const [event, actor] of seedLifecycle132402(id).slice(0, 6)) await banli.send(id, event, { actor });
    const log: StoredEvent[] = await store.readStream(id);
    expect(log).toHaveLength(7);
    for (let i = 1; i < log.length; i++) expect(log[i]?.stateBefore).toBe(log[i - 1]?.stateAfter);
  });
});
