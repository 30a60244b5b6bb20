import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  BanliError,
  type BanliOptions,
  ConcurrencyConflictError,
  createBanli,
  createManualClock,
  createMemoryStore,
  PermissionError,
  type Store,
  TransitionRefusedError,
  ValidationError,
} from '../src/index.js';
import { seedActors, seedCaseId, seedId } from './support/seedBanli.js';

const { proposer, committee, office, lead, leader } = seedActors;
const assignment = { ...seedAssignment132402, mode: 'sole', coUnits: [] };

/** One command of a scenario: which of the two instances sends it, and with which options. */
interface Step {
  via: 'a' | 'b';
  event: Record<string, unknown>;
  actor: Actor;
  /** `current` is the store's version when the step runs; `stale` one less. */
  expected?: 'current' | 'stale';
}

const lifecycle: [Record<string, unknown>, Actor][] = [
  [{ type: 'review.start', at: '2023-02-21' }, committee],
  [{ type: 'review.register', at: '2023-03-01' }, committee],
  [{ type: 'assignment.assign', at: '2023-03-15', assignment }, office],
  [{ type: 'case.accept', at: '2023-03-16', caseId: seedCaseId }, lead],
  [{ type: 'case.startDrafting', at: '2023-06-01', caseId: seedCaseId }, lead],
  [{ type: 'reply.submitDraft', at: '2023-06-20', caseId: seedCaseId, letter: seedReplyLetter132402 }, lead],
  [{ type: 'signOff.approve', at: '2023-06-29', caseId: seedCaseId, signer: '局长' }, leader],
  ...seedProposal132402.proposers.map((p): [Record<string, unknown>, Actor] => [
    {
      type: 'feedback.submit',
      at: '2023-07-10',
      caseId: seedCaseId,
      feedback: { proposerId: p.id, level: 'satisfied', date: '2023-07-10' },
    },
    { role: 'proposer', id: p.id },
  ]),
  [{ type: 'proposal.archive', at: '2023-07-20' }, committee],
];

/** Two `createBanli` instances sharing one store (as two processes would share a database), counting loads. */
function pair(cache: number | false, options: BanliOptions = {}) {
  const clock = createManualClock('2023-02-20');
  const inner = createMemoryStore({ isolate: true });
  let loads = 0;
  const store: Store = {
    ...inner,
    load: (id) => {
      loads++;
      return inner.load(id);
    },
  };
  const make = () =>
    createBanli({ store, clock, policy: presets.guangdongCity, calendar: chinaMainland, cache, ...options });
  return { a: make(), b: make(), store, clock, loads: () => loads };
}

/** A refusal or result as plain data, so runs with and without the cache can be compared exactly. */
function outcomeOf(value: unknown): unknown {
  if (value instanceof BanliError) {
    // Own fields (code, messages, state, issues, reason, versions) plus the class name.
    return { error: value.name, ...value };
  }
  return { ok: value };
}

async function play(steps: readonly Step[], cache: number | false, options: BanliOptions = {}) {
  const { a, b, store, loads } = pair(cache, options);
  await a.submit(seedProposal132402, { actor: proposer, at: '2023-02-20' });
  const outcomes: unknown[] = [];
  for (const step of steps) {
    const banli = step.via === 'a' ? a : b;
    const version = (await store.readStream(seedId)).length;
    const expectedVersion = step.expected === 'current' ? version : step.expected === 'stale' ? version - 1 : undefined;
    outcomes.push(
      outcomeOf(
        await banli
          .send(seedId, step.event, {
            actor: step.actor,
            ...(expectedVersion === undefined ? {} : { expectedVersion }),
          })
          .catch((error: unknown) => error),
      ),
    );
  }
  const count = loads();
  return { outcomes, log: await store.readStream(seedId), loaded: await store.load(seedId), loads: count };
}

/** Plays a scenario with the cache on and off and expects exactly the same outcomes and log. */
async function expectSameAsUncached(steps: readonly Step[], options: BanliOptions = {}) {
  const cached = await play(steps, 16, options);
  const uncached = await play(steps, false, options);
  expect(cached.outcomes).toEqual(uncached.outcomes);
  expect(cached.log).toEqual(uncached.log);
  expect(cached.loaded).toEqual(uncached.loaded);
  return { cached, uncached };
}

const at = (i: number, via: 'a' | 'b', expected?: Step['expected']): Step => {
  const [event, actor] = lifecycle[i] as [Record<string, unknown>, Actor];
  return { via, event, actor, ...(expected === undefined ? {} : { expected }) };
};

describe('aggregate cache', () => {
  it('should serve consecutive commands of one instance without loading from the store', async () => {
    const { cached, uncached } = await expectSameAsUncached(lifecycle.map((_, i) => at(i, 'a')));
    expect(cached.loads).toBe(0);
    expect(uncached.loads).toBe(lifecycle.length);
    expect(cached.outcomes.every((o) => 'ok' in (o as object))).toBe(true);
  });

  it('should re-check a TransitionRefusedError from a stale cached aggregate against the store', async () => {
    // a caches the proposal in review; b registers it; a's assignment is refused in review but valid once registered.
    const { cached } = await expectSameAsUncached([at(0, 'a'), at(1, 'b'), at(2, 'a')]);
    expect(cached.outcomes.every((o) => 'ok' in (o as object))).toBe(true);
    const refused = await expectSameAsUncached([at(0, 'a'), at(1, 'b'), at(1, 'a')]);
    expect((refused.cached.outcomes[2] as { error: string }).error).toBe(TransitionRefusedError.name);
  });

  it('should re-check a PermissionError from a stale cached aggregate against the store', async () => {
    // a caches the registered proposal (no case yet); b assigns it; the lead unit may now accept its case through a.
    const { cached } = await expectSameAsUncached([at(0, 'a'), at(1, 'a'), at(2, 'b'), at(3, 'a')]);
    expect(cached.outcomes.every((o) => 'ok' in (o as object))).toBe(true);
    const stranger: Step = { ...at(3, 'a'), actor: { role: 'leadUnit', id: 'x', unitId: 'zs-education' } };
    const refused = await expectSameAsUncached([at(0, 'a'), at(1, 'a'), at(2, 'b'), stranger]);
    expect((refused.cached.outcomes[3] as { error: string }).error).toBe(PermissionError.name);
  });

  it('should attach the fresh state to a ValidationError refused from a stale cached aggregate', async () => {
    const invalid: Step = { via: 'a', event: { type: 'review.register', at: 'not a date' }, actor: committee };
    const { cached } = await expectSameAsUncached([at(0, 'a'), at(1, 'b'), invalid]);
    const refusal = cached.outcomes[2] as { error: string; state: { version: number } };
    expect(refusal.error).toBe(ValidationError.name);
    expect(refusal.state.version).toBe(4);
  });

  it("should decide a caller's expectedVersion against the store, not a stale cached aggregate", async () => {
    const { cached } = await expectSameAsUncached([at(0, 'a'), at(1, 'b'), at(2, 'a', 'current')]);
    expect(cached.outcomes.every((o) => 'ok' in (o as object))).toBe(true);
    const refused = await expectSameAsUncached([at(0, 'a'), at(1, 'b'), at(2, 'a', 'stale')]);
    const conflict = refused.cached.outcomes[2] as { error: string; actualVersion: number; state: unknown };
    expect(conflict.error).toBe(ConcurrencyConflictError.name);
    expect(conflict.actualVersion).toBe(4);
    expect(conflict.state).toMatchObject({ version: 4 });
  });

  it('should retry a command whose cached aggregate went stale without spending a retry', async () => {
    // Withdrawing is accepted in review and once registered: the stale aggregate only shows up as a version conflict.
    const withdraw: Step = {
      via: 'a',
      event: { type: 'proposal.withdraw', at: '2023-03-02', by: proposer.id, writtenRequest: { date: '2023-03-02' } },
      actor: proposer,
    };
    const { cached } = await expectSameAsUncached([at(0, 'a'), at(1, 'b'), withdraw], { maxRetries: 0 });
    expect(cached.outcomes[2]).toMatchObject({ ok: { version: 5 } });
    expect(cached.log.at(-1)?.stateBefore).toEqual(cached.log.at(-2)?.stateAfter);
  });

  it('should keep snapshots where an uncached run writes them (snapshotEvery > 1)', async () => {
    const steps = lifecycle.map((_, i) => at(i, i % 4 === 3 ? 'b' : 'a'));
    await expectSameAsUncached(steps, { snapshotEvery: 3 });
    await expectSameAsUncached(steps, { snapshotEvery: 5, maxRetries: 0 });
  });

  it('should behave exactly as without the cache for any interleaving of two instances', async () => {
    const commands = [
      ...lifecycle.map((_, i) => i),
      // Refused or odd commands: out of order, wrong actor, malformed.
      -1,
      -2,
      -3,
    ];
    const stepOf = (n: number, via: 'a' | 'b', expected: Step['expected']): Step => {
      if (n === -1)
        return {
          via,
          event: {
            type: 'proposal.withdraw',
            at: '2023-03-02',
            by: proposer.id,
            writtenRequest: { date: '2023-03-02' },
          },
          actor: proposer,
        };
      if (n === -2) return { via, event: { type: 'review.register', at: 'soon' }, actor: committee };
      if (n === -3)
        return { via, event: { ...(lifecycle[3]?.[0] ?? {}) }, actor: { role: 'leadUnit', id: 'x', unitId: 'zs-x' } };
      return at(n, via, expected);
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom(...commands),
            fc.constantFrom<'a' | 'b'>('a', 'b'),
            fc.constantFrom<Step['expected']>(undefined, undefined, 'current', 'stale'),
          ),
          { minLength: 1, maxLength: 14 },
        ),
        fc.constantFrom(1, 2, 4),
        async (script, snapshotEvery) => {
          // Mostly in lifecycle order (so proposals get far), with jumps and refusals mixed in.
          const sorted = [...script].sort((x, y) => (x[0] >= 0 && y[0] >= 0 ? x[0] - y[0] : 0));
          await expectSameAsUncached(
            sorted.map(([n, via, expected]) => stepOf(n, via, expected)),
            { snapshotEvery },
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it("should see another instance's tick (a fired deadline) exactly as without the cache", async () => {
    const run = async (cache: number | false) => {
      const { a, b, clock, store } = pair(cache);
      await a.submit(seedProposal132402, { actor: proposer, at: '2023-02-20' });
      for (const [event, actor] of lifecycle.slice(0, 3)) await a.send(seedId, event, { actor });
      clock.set('2023-09-01');
      const ticked = await b.tick('2023-09-01');
      const next = await a
        .send(seedId, { ...(lifecycle[3]?.[0] ?? {}), at: '2023-09-01' }, { actor: lead })
        .catch((error: unknown) => error);
      return { fired: ticked.fired, next: outcomeOf(next), log: await store.readStream(seedId) };
    };
    const cached = await run(16);
    expect(cached.fired.length).toBeGreaterThan(0);
    expect(cached).toEqual(await run(false));
  });

  it('should evict the least recently used aggregate beyond its size and stay correct', async () => {
    const { a, loads } = pair(1);
    const other = { ...seedProposal132402, id: `${seedId}-b` };
    await a.submit(seedProposal132402, { actor: proposer, at: '2023-02-20' });
    await a.submit(other, { actor: proposer, at: '2023-02-20' });
    for (const [event, actor] of lifecycle.slice(0, 2)) {
      await a.send(seedId, event, { actor });
      await a.send(other.id, event, { actor });
    }
    // other's creation is not kept (its existence check missed in a full cache: a first miss); seed hits; other misses
    // again, so it recurs and is kept, evicting seed; seed misses for the first time and is not kept; other hits.
    expect(loads()).toBe(2);
    expect((await a.get(seedId)).state).toEqual((await a.get(other.id)).state);
  });

  it('should keep serving the proposals it holds when more are in flight than it holds, advanced phase by phase', async () => {
    // Six proposals, a cache of two, every proposal advanced once per phase. Plain LRU evicts each entry before its
    // next use and loads every command from the store (6 per phase); this cache declines an id that did not miss
    // among the last two misses, so the two it holds since their creation hit in every phase.
    const run = async (cache: number | false) => {
      const { a, loads, store } = pair(cache);
      const ids = [0, 1, 2, 3, 4, 5].map((i) => `${seedId}-${i}`);
      for (const id of ids) await a.submit({ ...seedProposal132402, id }, { actor: proposer, at: '2023-02-20' });
      const perPhase: number[] = [];
      for (const [event, actor] of lifecycle.slice(0, 3)) {
        const before = loads();
        for (const id of ids) await a.send(id, event, { actor });
        perPhase.push(loads() - before);
      }
      return { perPhase, logs: await Promise.all(ids.map((id) => store.readStream(id))) };
    };
    const cached = await run(2);
    expect(cached.perPhase).toEqual([4, 4, 4]);
    const uncached = await run(false);
    expect(uncached.perPhase).toEqual([6, 6, 6]);
    expect(cached.logs).toEqual(uncached.logs);
  });

  it('should never let a result or a notification alias the cached aggregate', async () => {
    const run = async (mutate: boolean) => {
      const { a, store, loads } = pair(16);
      if (mutate) {
        a.subscribe((n) => {
          scribble(n.payload);
        });
      }
      const first = await a.submit(seedProposal132402, { actor: proposer, at: '2023-02-20' });
      if (mutate) scribble(first);
      for (const [event, actor] of lifecycle) {
        const result = await a.send(seedId, event, { actor });
        if (mutate) scribble(result);
      }
      // Every command ran on the cached aggregate: none had to fall back to the store.
      expect(loads()).toBe(0);
      return store.readStream(seedId);
    };
    expect(await run(true)).toEqual(await run(false));
  });

  it('should refuse an invalid cache size quietly by turning the cache off', async () => {
    for (const size of [0, -1, Number.NaN, false] as const) {
      const { a, loads } = pair(size);
      await a.submit(seedProposal132402, { actor: proposer, at: '2023-02-20' });
      await a.send(seedId, lifecycle[0]?.[0] ?? {}, { actor: committee });
      expect(loads()).toBe(1);
    }
  });
});

/** Overwrites every string and number reachable from a value, to prove nobody else holds it. */
function scribble(value: unknown, seen = new Set<unknown>()): void {
  if (!value || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (typeof v === 'string') record[key] = `${v}!`;
    else if (typeof v === 'number') record[key] = v + 1000;
    else scribble(v, seen);
  }
}

describe('createAggregateCache', () => {
  it('should keep the newest version of a proposal and evict the least recently used', async () => {
    const { createAggregateCache } = await import('../src/internal/cache.js');
    const cache = createAggregateCache(2);
    const agg = (id: string, version: number) =>
      ({ id, version, lastSnapshotVersion: version }) as unknown as Parameters<NonNullable<typeof cache>['set']>[0];
    cache?.set(agg('a', 3));
    cache?.set(agg('a', 2));
    expect(cache?.get('a')?.version).toBe(3);
    cache?.set(agg('b', 1));
    cache?.get('a');
    cache?.set(agg('c', 1));
    expect(cache?.get('b')).toBeUndefined();
    expect(cache?.get('a')?.version).toBe(3);
    expect(cache?.size).toBe(2);
    expect(createAggregateCache(false)).toBeUndefined();
  });

  it('should decline ids that miss once per pass when full, and keep those it holds', async () => {
    const { createAggregateCache } = await import('../src/internal/cache.js');
    const cache = createAggregateCache(3);
    const agg = (id: string, version: number) =>
      ({ id, version, lastSnapshotVersion: version }) as unknown as Parameters<NonNullable<typeof cache>['set']>[0];
    for (const id of ['a', 'b', 'c']) cache?.set(agg(id, 1));
    // Three passes over ten ids, each looked up (a miss for all but a, b, c) and then set, as a command does.
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    for (let pass = 2; pass <= 4; pass++) {
      for (const id of ids) {
        const hit = cache?.get(id);
        expect(hit === undefined).toBe(!['a', 'b', 'c'].includes(id));
        cache?.set(agg(id, pass));
      }
    }
    expect(cache?.declined).toBe(3 * 7);
    expect(cache?.size).toBe(3);
    expect(['a', 'b', 'c'].map((id) => cache?.get(id)?.version)).toEqual([4, 4, 4]);
  });

  it('should keep an id that misses again within as many misses as it holds', async () => {
    const { createAggregateCache } = await import('../src/internal/cache.js');
    const cache = createAggregateCache(2);
    const agg = (id: string, version: number) =>
      ({ id, version, lastSnapshotVersion: version }) as unknown as Parameters<NonNullable<typeof cache>['set']>[0];
    cache?.set(agg('a', 1));
    cache?.set(agg('b', 1));
    expect(cache?.get('x')).toBeUndefined();
    cache?.set(agg('x', 1));
    expect(cache?.declined).toBe(1);
    // x misses again while it is still among the last two misses: kept, the least recently used (a) evicted.
    expect(cache?.get('x')).toBeUndefined();
    cache?.set(agg('x', 2));
    expect(cache?.declined).toBe(1);
    expect(cache?.get('x')?.version).toBe(2);
    expect(cache?.get('a')).toBeUndefined();
    expect(cache?.get('b')?.version).toBe(1);
    // Not full: every miss is kept.
    const roomy = createAggregateCache(5);
    for (const id of ['p', 'q', 'r']) {
      expect(roomy?.get(id)).toBeUndefined();
      roomy?.set(agg(id, 1));
    }
    expect(roomy?.size).toBe(3);
    expect(roomy?.declined).toBe(0);
  });
});
