import { chinaMainland } from '@banli/calendar';
import { createBanli, createManualClock, createMemoryStore, type Store } from '@banli/sdk';
import { fmt, fmtStat, interleave, msSince, stat } from '../harness.js';
import { policy } from '../machines.js';
import type { Section } from '../report.js';
import { prepare } from '../variants.js';
import { actors, COMMANDS_PER_LIFECYCLE } from '../workload.js';

/** Options of the persistence measurements. */
export interface PersistenceOptions {
  lifecycles: number;
  runs: number;
  warmups: number;
}

const bytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v));

async function populate(n: number, snapshotEvery: number, stopAfter?: number) {
  // `isolate` copies through JSON on the way in and out, as a database would.
  const store = createMemoryStore({ isolate: true });
  const banli = createBanli({
    store,
    policy,
    calendar: chinaMainland,
    clock: createManualClock('2023-02-20'),
    snapshotEvery,
  });
  const work = prepare(n);
  for (const w of work) {
    await banli.submit(w.proposal, { actor: actors.committee, draft: true, at: '2023-02-20' });
    for (const [event, actor] of w.commands.slice(0, stopAfter)) await banli.send(w.id, event, { actor });
  }
  return { banli, store, ids: work.map((w) => w.id) };
}

async function sizes(store: Store, ids: string[]) {
  let snapshot = 0;
  let log = 0;
  for (const id of ids) {
    snapshot += bytes((await store.load(id))?.snapshot?.state);
    log += bytes(await store.readStream(id));
  }
  return { snapshot: snapshot / ids.length, log: log / ids.length };
}

/** Snapshot bytes per case and load (snapshot + replay) time per case. */
export async function persistence(o: PersistenceOptions): Promise<Section> {
  const mid = await populate(Math.min(o.lifecycles, 200), 1, 5);
  const done = await populate(o.lifecycles, 1);
  const replay = await populate(o.lifecycles, 1_000_000);
  const every5 = await populate(o.lifecycles, 5);
  const midSize = await sizes(mid.store, mid.ids);
  const doneSize = await sizes(done.store, done.ids);
  const loadAll = (p: Awaited<ReturnType<typeof populate>>) => async () => {
    const t0 = process.hrtime.bigint();
    for (const id of p.ids) await p.banli.get(id);
    return (msSince(t0) * 1000) / p.ids.length;
  };
  const rawLoad = (p: Awaited<ReturnType<typeof populate>>) => async () => {
    const t0 = process.hrtime.bigint();
    for (const id of p.ids) await p.store.load(id);
    return (msSince(t0) * 1000) / p.ids.length;
  };
  const r = await interleave(
    { raw: rawLoad(done), snapshot: loadAll(done), every5: loadAll(every5), replay: loadAll(replay) },
    o.runs,
    o.warmups,
  );
  const us = (xs: number[]) => fmtStat(stat(xs), 1, ' µs');
  const snapshotLoad = stat(r.snapshot);
  return {
    title: '4. Persistence',
    intro:
      `Sizes are UTF-8 JSON bytes per proposal with its one case (${fmt(o.lifecycles)} proposals), as any store ` +
      'serialises them. Load times are `banli.get(id)` per proposal on an in-memory store that copies through JSON ' +
      '(`isolate: true`, like a database round trip): read, parse, restore the snapshot, replay later events, build the ' +
      `view; ${o.runs} runs after ${o.warmups} warm-up(s).`,
    header: ['measure', 'per case'],
    rows: [
      ['snapshot, mid-lifecycle (after `case.accept`)', `${fmt(midSize.snapshot)} B`],
      ['snapshot, archived', `${fmt(doneSize.snapshot)} B`],
      [
        `event log, whole lifecycle (${COMMANDS_PER_LIFECYCLE} entries with actor, states before/after, emitted)`,
        `${fmt(doneSize.log)} B`,
      ],
      ['store.load only (JSON copy of snapshot + later events)', us(r.raw)],
      ['load = snapshot + replay, snapshot every event (default)', us(r.snapshot)],
      ['load = snapshot + replay, snapshot every 5 events', us(r.every5)],
      [`load = full replay of ${COMMANDS_PER_LIFECYCLE} events (no snapshot)`, us(r.replay)],
    ],
    targets: [
      {
        name: 'snapshot bytes per case (archived)',
        measured: `${fmt(doneSize.snapshot)} B`,
        target: 'reported',
        met: undefined,
      },
      {
        name: 'load (snapshot + replay) per case',
        measured: `${fmt(snapshotLoad.median, 1)} µs`,
        target: 'reported',
        met: undefined,
      },
    ],
  };
}
