// Issue 19, scaling: a stream loaded from a snapshot this process compacted (an in-memory store that keeps the objects)
// seeds its snapshot memo from it, so the next snapshot reuses the stored form of every context and field the command
// left unchanged: the objects read back die with the command instead of living on in the store's next snapshot (with
// many proposals in flight they were promoted and died in the old generation). The bytes stay those of compacting
// the state anew; a state a store copied is compacted anew, as before.
import { chinaMainland } from '@banli/calendar';
import { seedLifecycle132402, seedLifecycleActors132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { createBanli, createManualClock, createMemoryStore, type JsonObject, type Store } from '../src/index.js';
import { checkMemo, createSnapshotMemo, markCompacted, seededMemo } from '../src/internal/snapshotMemo.js';
import { originsNow } from '../src/internal/snapshotRefs.js';
import { compactedAnew, policies, policy } from './support/snapshots.js';

type Stored = { handling: { proposal: JsonObject; cases: Record<string, JsonObject> }; facts: JsonObject };

const id = seedProposal132402.id;
const caseId = `${id}/zs-commerce`;

/** An instance without the aggregate cache (every command loads its stream), a snapshot after every command. */
const uncached = (store: Store) =>
  createBanli({ store, policy, calendar: chinaMainland, clock: createManualClock('2023-02-20'), cache: false });

/** Runs the bench lifecycle of the seed proposal, handing each command's stored snapshot state to `each`. */
async function lifecycle(store: Store, each: (type: string, state: Stored, version: number) => Promise<void> | void) {
  const banli = uncached(store);
  await banli.submit(seedProposal132402, { actor: seedLifecycleActors132402.committee, draft: true, at: '2023-02-20' });
  for (const [event, actor] of seedLifecycle132402(id)) {
    const { version } = await banli.send(id, event, { actor });
    const snapshot = (await store.load(id))?.snapshot;
    expect(snapshot?.version).toBe(version);
    await each(event.type, snapshot?.state as unknown as Stored, version);
  }
}

describe('a snapshot memo seeded from the stored state a stream is loaded from', () => {
  it('keeps the stored proposal context of a command that leaves it unchanged (case.startDrafting)', async () => {
    const store = createMemoryStore();
    const states: Stored[] = [];
    const types: string[] = [];
    await lifecycle(store, (type, state) => {
      types.push(type);
      states.push(state);
    });
    const at = types.indexOf('case.startDrafting');
    const before = states[at - 1] as Stored;
    const after = states[at] as Stored;
    // The proposal's context is the same object in the live state before and after the command: its stored form is
    // the one the previous snapshot holds, not an equal copy.
    expect(after.handling.proposal.context).toBe(before.handling.proposal.context);
    expect(after.handling.cases[caseId]?.context).not.toBe(before.handling.cases[caseId]?.context);
  });

  it('keeps the stored form of each unchanged field of a changed case context', async () => {
    const store = createMemoryStore();
    let previous: JsonObject | undefined;
    let reused = 0;
    await lifecycle(store, (_type, state) => {
      const ctx = state.handling.cases[caseId]?.context as JsonObject | undefined;
      if (ctx !== undefined && previous !== undefined && ctx !== previous) {
        // A field (an object) the command did not change is the object the previous snapshot stored.
        for (const key in ctx) {
          const value = ctx[key];
          if (typeof value === 'object' && value !== null && JSON.stringify(value) === JSON.stringify(previous[key])) {
            expect(value).toBe(previous[key]);
            reused++;
          }
        }
      }
      previous = ctx;
    });
    expect(reused).toBeGreaterThan(0);
  });

  it('writes at every command what compacting the replayed state anew gives', async () => {
    const store = createMemoryStore();
    const written = new Map<number, string>();
    await lifecycle(store, (_type, state, version) => {
      written.set(version, JSON.stringify(state));
    });
    expect(written.size).toBe(12);
    for (const [version, text] of written) expect(text).toBe(await compactedAnew(store, id, version));
  });

  it('seeds a memo only from the very state it compacted, under the same policies and generation', () => {
    const memo = createSnapshotMemo();
    const state = { handling: {}, facts: {} };
    checkMemo(memo, id, policies, originsNow());
    markCompacted(state, memo);
    const now = originsNow();
    const seeded = seededMemo(state, id, policies, now);
    expect(seeded).toMatchObject({ streamId: id, policies, moves: now.moves, seq: now.seq, proposal: undefined });
    // Invisible to keys, JSON and equality: the state reads as it did.
    expect(Object.keys(state)).toEqual(['handling', 'facts']);
    expect(state).toEqual({ handling: {}, facts: {} });
    // A copy (a store that serialises), other policies, or a log reference moved since: compacted anew.
    expect(seededMemo(structuredClone(state), id, policies, now)).toBeUndefined();
    expect(seededMemo(JSON.parse(JSON.stringify(state)), id, policies, now)).toBeUndefined();
    expect(seededMemo(state, id, new Map(policies), now)).toBeUndefined();
    expect(seededMemo(state, id, policies, { ...now, moves: now.moves + 1 })).toBeUndefined();
  });
});
