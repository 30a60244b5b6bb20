// Issue 19: snapshots store deadlines compactly (rule by index into the referenced policy, calendar once, dates as
// days), leave out what a case starts with and what the logged proposal already says, and store the facts without
// what the proposal says. Snapshots written before (the fixture, written by the SDK at commit 7bf499d) load unchanged.
import { readFileSync } from 'node:fs';
import { chinaMainland } from '@banli/calendar';
import { type Deadline, presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import {
  createBanli,
  createManualClock,
  type JsonObject,
  type SnapshotRebuild,
  type Store,
  type StoredEvent,
} from '../src/index.js';
import { compactDeadline, expandDeadline, policyRules } from '../src/internal/snapshotDeadlines.js';
import { seedAccepted, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';
import { asCurrent, deadlineScope, replyDeadline } from './support/snapshots.js';

interface Snapshot {
  streamId: string;
  version: number;
  state: JsonObject;
  machine: JsonObject;
  recordedAt: number;
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/compact-before-snapshots-132402.json', import.meta.url), 'utf8'),
) as { accepted: Snapshot; extended: Snapshot; archived: Snapshot; log: StoredEvent[] };

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v));

/** A store serving one stream as `snapshot` plus the log entries after it (none without a snapshot). */
function storeOf(snapshot: Snapshot | undefined, log: StoredEvent[], upTo = log.length): Store {
  const { store } = seedBanli();
  const entries = log.slice(0, upTo);
  return Object.assign(Object.create(store) as Store, {
    async load(id: string) {
      if (id !== seedId) return undefined;
      const after = entries.filter((e) => e.version > (snapshot?.version ?? 0));
      return { snapshot: snapshot && structuredClone(snapshot), events: structuredClone(after), version: upTo };
    },
    async readStream(id: string, options: { afterVersion?: number; limit?: number } = {}) {
      if (id !== seedId) return [];
      const after = entries.filter((e) => e.version > (options.afterVersion ?? 0));
      return structuredClone(after.slice(0, options.limit ?? after.length));
    },
  });
}

const banliOn = (store: Store, rebuilds: SnapshotRebuild[] = []) =>
  createBanli({
    store,
    policy: presets.guangdongCity,
    calendar: chinaMainland,
    clock: createManualClock('2023-08-01'),
    cache: false,
    onSnapshotRebuild: (r) => void rebuilds.push(r),
  });

/** The view and every deadline (with its explanation) of the stream as `store` serves it; a rebuild fails the test. */
async function seen(store: Store, rebuilds?: SnapshotRebuild[]) {
  const told: SnapshotRebuild[] = [];
  const banli = banliOn(store, rebuilds ?? told);
  const result = { view: await banli.get(seedId), deadlines: await banli.deadlines(seedId) };
  expect(told).toEqual([]);
  return result;
}

describe('snapshots written before compaction (fixture from 7bf499d)', () => {
  it('loads the snapshots as written (proposal@3) by replaying their log, as an earlier version', async () => {
    for (const name of ['accepted', 'archived'] as const) {
      const snapshot = fixture[name];
      expect((snapshot.machine as { version: string }).version).toBe('proposal@3');
      expect(await seen(storeOf(snapshot, fixture.log, snapshot.version))).toEqual(
        await seen(storeOf(undefined, fixture.log, snapshot.version)),
      );
    }
  });

  it('the fixture holds deadlines whole, with every optional field the format shortens', () => {
    const state = fixture.extended.state as unknown as {
      handling: { cases: Record<string, { context: { deadlines: Deadline[]; caseId: string } }> };
    };
    const context = state.handling.cases[seedCaseId]?.context as { deadlines: Deadline[]; caseId: string };
    expect(context.caseId).toBe(seedCaseId);
    const keys = new Set(context.deadlines.flatMap((d) => Object.keys(d)));
    for (const key of ['unitId', 'round', 'closedAt', 'missedAt', 'periodStart', 'calendarId'])
      expect(keys).toContain(key);
    expect(bytes(fixture.accepted.state)).toBe(5357);
  });

  for (const name of ['accepted', 'extended', 'archived'] as const) {
    it(`loads the ${name} snapshot, whole as written, to the state a replay of its log gives`, async () => {
      // Relabelled with today's machine versions, so it is read as it is (an earlier version's would be replayed).
      const snapshot = asCurrent(fixture[name]);
      const alone = await seen(storeOf(snapshot, fixture.log, snapshot.version));
      expect(alone.view.version).toBe(snapshot.version);
      expect(alone).toEqual(await seen(storeOf(undefined, fixture.log, snapshot.version)));
      const later = await seen(storeOf(snapshot, fixture.log));
      expect(later.view.version).toBe(fixture.log.length);
      expect(later).toEqual(await seen(storeOf(undefined, fixture.log)));
    });
  }
});

describe('compact snapshots', () => {
  it('stores the seed case after case.accept (six co-units) in at most 4 KB, and reads it back as it was', async () => {
    const { banli, store } = seedBanli({ snapshotEvery: 1 });
    await seedAccepted(banli);
    const snapshot = (await store.load(seedId))?.snapshot;
    // 5,357 B before (the fixture's `accepted`, the same state); the target is 4 KB.
    expect(snapshot?.version).toBe(fixture.accepted.version);
    expect(bytes(snapshot?.state)).toBeLessThanOrEqual(4096);
    const text = JSON.stringify(snapshot?.state);
    expect(text).not.toContain('calendarVersion');
    expect(text).not.toContain('"workingDays"');
    // Read back, it is the state the command left: same view, same deadlines, as a replay of the log gives.
    const log = await store.readStream(seedId);
    const fromSnapshot = await seen(storeOf(snapshot as unknown as Snapshot, log));
    expect(fromSnapshot).toEqual(await seen(storeOf(undefined, log)));
    expect(fromSnapshot.view).toEqual(await banli.get(seedId));
  });

  it('writes the fixture lifecycle again with smaller snapshots that load to the same states', async () => {
    const { store } = seedBanli();
    const snapshots: Snapshot[] = [];
    const recording: Store = Object.assign(Object.create(store) as Store, {
      append: async (request: Parameters<Store['append']>[0]) => {
        if (request.snapshot) snapshots.push(structuredClone(request.snapshot) as unknown as Snapshot);
        return store.append(request);
      },
    });
    const again = createBanli({
      store: recording,
      policy: presets.guangdongCity,
      calendar: chinaMainland,
      clock: createManualClock('2023-02-20'),
      snapshotEvery: 1,
    });
    // Replay the fixture's commands through the SDK: every command of the log after its creation.
    const [create, ...rest] = fixture.log;
    await again.submit(create?.event.proposal as never, { actor: create?.actor as never, at: '2023-02-20' });
    for (const entry of rest) {
      // The creation's submit was part of `submit`; the tick wrote the seven `deadline.elapsed` entries.
      if (entry.type === 'proposal.submit') continue;
      if (entry.type === 'deadline.elapsed') {
        if (entry.version === rest.find((e) => e.type === 'deadline.elapsed')?.version) await again.tick('2023-04-18');
        continue;
      }
      await again.send(seedId, entry.event, { actor: entry.actor as never });
    }
    expect((await again.get(seedId)).version).toBe(fixture.log.length);
    for (const name of ['accepted', 'extended', 'archived'] as const) {
      const old = fixture[name];
      const now = snapshots.find((s) => s.version === old.version) as Snapshot;
      expect(bytes(now.state)).toBeLessThan(bytes(old.state) * 0.6);
      const log = await store.readStream(seedId);
      expect(await seen(storeOf(now, log, old.version))).toEqual(await seen(storeOf(old, fixture.log, old.version)));
    }
  });

  it('rebuilds from the log when a stored deadline names a rule its policy does not have', async () => {
    const { banli, store } = seedBanli({ snapshotEvery: 1 });
    await seedAccepted(banli);
    const snapshot = structuredClone((await store.load(seedId))?.snapshot) as unknown as Snapshot;
    const stored = (snapshot.state as { handling: { cases: Record<string, { context: { deadlines: unknown[][] } }> } })
      .handling.cases[seedCaseId]?.context.deadlines as unknown[][];
    (stored[0] as unknown[])[3] = 999;
    const log = await store.readStream(seedId);
    const rebuilds: SnapshotRebuild[] = [];
    expect(await seen(storeOf(snapshot, log), rebuilds)).toEqual(await seen(storeOf(undefined, log)));
    // It says so, once per load (a view and a deadline list: two loads), naming the deadline and the rule.
    expect(rebuilds).toHaveLength(2);
    expect(rebuilds[0]).toEqual({
      streamId: seedId,
      snapshotVersion: snapshot.version,
      reason: 'deadlineRule',
      detail: `deadline ${seedCaseId}:adjustmentWindow:1 rule 999`,
    });
  });
});

describe('compact deadline entries', () => {
  const policy = presets.guangdongCity;
  const scope = deadlineScope(policy);
  const base = replyDeadline(policy);

  it('names the rule by its index among the policy rules, the dates as days from the start', () => {
    const stored = compactDeadline(base, scope);
    const index = policyRules(policy).findIndex((r) => JSON.stringify(r) === JSON.stringify(policy.periods.reply));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(stored).toEqual(['reply:2', '20230315', 107, index, 'o']);
    expect(bytes(stored)).toBeLessThan(40);
    expect(expandDeadline(stored, scope)).toEqual(base);
  });

  it('reads back every optional field, in its order, with another calendar, provisional dates and an own rule', () => {
    const full = {
      ...base,
      rule: { kind: 'months', months: 7 },
      calendarVersion: '2025.3',
      provisional: true,
      status: 'missed',
      unitId: 'zs-hrss',
      round: 2,
      periodStart: '2023-03-01',
      missedAt: '2023-07-01',
      correctedAt: '2023-07-02',
      closedAt: '2023-07-05',
      caseId: 'p1/u1',
    } as Deadline;
    const stored = compactDeadline(full, scope);
    expect(Array.isArray(stored)).toBe(true);
    const back = expandDeadline(JSON.parse(JSON.stringify(stored)), scope);
    expect(back).toEqual(full);
    expect(Object.keys(back)).toEqual(Object.keys(full));
  });

  it('stores a deadline of another shape whole, and reads a whole one as it is', () => {
    const foreign = { ...base, id: 'elsewhere:reply:2' };
    const { kind, ...others } = base;
    const reordered = { kind, ...others } as Deadline;
    const notDate = { ...base, start: '2023-3-15' };
    for (const d of [foreign, reordered, notDate, { ...base, extra: 1, x: 2 } as Deadline]) {
      expect(compactDeadline(d, scope)).toBe(d);
      expect(expandDeadline(d, scope)).toBe(d);
    }
    const undated = { ...base, due: '' };
    expect(expandDeadline(compactDeadline(undated, scope), scope)).toEqual(undated);
  });
});
