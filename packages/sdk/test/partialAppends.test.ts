import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { seedLifecycle132402, seedLifecycleActors132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { type AppendRequest, createBanli, createManualClock, createMemoryStore, type Store } from '../src/index.js';

// Issue 19 §4: an append carries the summary row's changed fields and the deadline index only when it changed
// (`Store.partialAppends`); what the store then holds must be what whole appends would have left.

const id = seedProposal132402.id;
const actors = seedLifecycleActors132402;
const lifecycle = seedLifecycle132402(id);

/** A store that records every append request (as JSON, what it was handed) and can hide `partialAppends`. */
function recording(partialAppends: boolean, inner: Store = createMemoryStore({ isolate: true })) {
  const sent: AppendRequest[] = [];
  const store: Store = {
    ...inner,
    partialAppends,
    append: (request) => {
      sent.push(JSON.parse(JSON.stringify(request)));
      return inner.append(request);
    },
  };
  return { store, sent };
}

const banliOn = (store: Store) =>
  createBanli({
    store,
    policy: presets.guangdongCity,
    calendar: chinaMainland,
    clock: createManualClock('2023-02-20'),
  });

/** What the store holds for the proposal: its summary row and deadline index. */
const held = async (store: Store) => ({
  summary: await store.getSummary(id),
  deadlines: await store.listDeadlines(id),
});

describe('partial appends (Store.partialAppends)', () => {
  it('should send only changed summary fields and a changed deadline index, leaving the store as whole appends do', async () => {
    const partial = recording(true);
    const whole = recording(false);
    const a = banliOn(partial.store);
    const b = banliOn(whole.store);
    await a.submit(seedProposal132402, { actor: actors.committee, draft: true, at: '2023-02-20' });
    await b.submit(seedProposal132402, { actor: actors.committee, draft: true, at: '2023-02-20' });
    expect(await held(partial.store)).toEqual(await held(whole.store));
    for (const [event, actor] of lifecycle) {
      await a.send(id, event, { actor });
      await b.send(id, event, { actor });
      expect(await held(partial.store)).toEqual(await held(whole.store));
    }
    // A store without the flag is handed every append whole, as before.
    expect(whole.sent.every((r) => r.summary !== undefined && r.deadlines !== undefined)).toBe(true);
    // The creation is whole; every later append carries changes only, with the deadline index when it changed.
    const [created, ...later] = partial.sent;
    expect([created?.summary?.version, created?.deadlines?.length]).toEqual([1, 0]);
    expect(later.map((r) => [r.summary, r.summaryChanges?.version])).toEqual(later.map((_, i) => [undefined, i + 2]));
    const changedIndex = whole.sent.map(
      (r, i) => i > 0 && JSON.stringify(r.deadlines) !== JSON.stringify(whole.sent[i - 1]?.deadlines),
    );
    expect(partial.sent.map((r, i) => i > 0 && r.deadlines !== undefined)).toEqual(changedIndex);
    expect(changedIndex.filter(Boolean).length).toBeGreaterThan(1);
    expect(changedIndex.filter((x) => !x).length).toBeGreaterThan(5);
    // Unchanged fields stay home: the proposers and the stream id are never sent again.
    expect(later.some((r) => r.summaryChanges && 'proposerIds' in r.summaryChanges)).toBe(false);
    // The facts change by key (`lastAt` on nearly every command): the title is never sent again.
    expect(later.filter((r) => r.summaryChanges?.factChanges !== undefined).length).toBeGreaterThan(8);
    expect(
      later.some((r) => r.summaryChanges?.facts !== undefined || 'title' in (r.summaryChanges?.factChanges ?? {})),
    ).toBe(false);
    const bytes = (rs: AppendRequest[]) => rs.reduce((n, r) => n + JSON.stringify(r).length, 0);
    expect(bytes(partial.sent)).toBeLessThan(bytes(whole.sent));
  });

  it('should send whole rows again after another instance wrote, and leave the store as whole appends do', async () => {
    const shared = createMemoryStore({ isolate: true });
    const partial = recording(true, shared);
    const a = banliOn(partial.store);
    const other = banliOn(shared);
    const reference = recording(false);
    const r = banliOn(reference.store);
    for (const banli of [a, r]) {
      await banli.submit(seedProposal132402, { actor: actors.committee, draft: true, at: '2023-02-20' });
    }
    for (const [i, [event, actor]] of lifecycle.entries()) {
      // Every third command comes from another instance: `a`'s cached aggregate is then stale.
      await (i % 3 === 1 ? other : a).send(id, event, { actor });
      await r.send(id, event, { actor });
      expect(await held(shared)).toEqual(await held(reference.store));
    }
    // After another instance wrote, `a` starts from the store and sends its next row whole (it cannot know the row).
    const afterOther = partial.sent.filter((req, k) => k > 0 && req.expectedVersion % 3 === 0);
    expect(afterOther.length).toBeGreaterThan(0);
    expect(afterOther.every((req) => req.summary !== undefined && req.deadlines !== undefined)).toBe(true);
    expect(partial.sent.some((req) => req.summaryChanges !== undefined)).toBe(true);
  });

  it('should keep no written row for a store that takes whole appends: its first partial-capable append is whole', async () => {
    // `Store.partialAppends` is read per command; here it turns on halfway (as a store would after a migration).
    const inner = createMemoryStore({ isolate: true });
    const sent: AppendRequest[] = [];
    let takesPartial = false;
    const store: Store = {
      ...inner,
      get partialAppends() {
        return takesPartial;
      },
      append: (request) => {
        sent.push(JSON.parse(JSON.stringify(request)));
        return inner.append(request);
      },
    };
    const banli = banliOn(store);
    await banli.submit(seedProposal132402, { actor: actors.committee, draft: true, at: '2023-02-20' });
    for (const [i, [event, actor]] of lifecycle.entries()) {
      takesPartial = i >= 2;
      await banli.send(id, event, { actor });
    }
    // Nothing was remembered while the store took whole appends, so the first append after it has no row to leave
    // out against (the old code kept every cached aggregate's row regardless, and sent this one partial).
    const [afterSwitch, next] = sent.slice(3);
    expect(sent.slice(0, 3).every((r) => r.summary !== undefined && r.deadlines !== undefined)).toBe(true);
    expect([afterSwitch?.summary?.version, afterSwitch?.summaryChanges]).toEqual([4, undefined]);
    // From the row it wrote on, appends are partial again.
    expect([next?.summary, next?.summaryChanges?.version]).toEqual([undefined, 5]);
  });
});
