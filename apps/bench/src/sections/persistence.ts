import { chinaMainland } from '@banli/calendar';
import { seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import {
  type AppendRequest,
  type BanliOptions,
  createBanli,
  createManualClock,
  createMemoryStore,
  type Store,
} from '@banli/sdk';
import { fmt, fmtStat, interleave, msSince, stat } from '../harness.js';
import { policy } from '../machines.js';
import type { Section } from '../report.js';
import { prepare } from '../variants.js';
import { actors, COMMANDS_PER_LIFECYCLE, caseIdOf } from '../workload.js';

/** Options of the persistence measurements. */
export interface PersistenceOptions {
  lifecycles: number;
  runs: number;
  warmups: number;
}

const bytes = (v: unknown): number => (v === undefined ? 0 : Buffer.byteLength(JSON.stringify(v)));

/** What a store was sent: appends, their JSON bytes, and the JSON bytes of the log entries and snapshots in them. */
interface SentBytes {
  appends: number;
  /**
   * UTF-8 JSON bytes of every append request as the store is handed it (events, snapshot, the summary row or its
   * changed fields, the deadline index when sent): what a store serialises.
   */
  total: number;
  /** JSON bytes of the log entries appended. */
  entries: number;
  /** JSON bytes of the snapshots appended. */
  snapshots: number;
  /** JSON bytes of the summary rows, or their changed fields (`summaryChanges`, to a store with `partialAppends`). */
  summaries: number;
  /** JSON bytes of the deadline indexes sent (left out of a partial append when unchanged). */
  deadlines: number;
  /** Every append's JSON bytes, in order. */
  perAppend: number[];
}

/** A store that tallies the JSON bytes of every append before passing it on. */
function countingStore(inner: Store): { store: Store; sent: SentBytes } {
  const sent: SentBytes = { appends: 0, total: 0, entries: 0, snapshots: 0, summaries: 0, deadlines: 0, perAppend: [] };
  const store: Store = {
    ...inner,
    append: (request: AppendRequest) => {
      const b = bytes(request);
      sent.appends++;
      sent.total += b;
      sent.perAppend.push(b);
      sent.entries += bytes(request.events);
      sent.snapshots += bytes(request.snapshot);
      sent.summaries += bytes(request.summary) + bytes(request.summaryChanges);
      sent.deadlines += bytes(request.deadlines);
      return inner.append(request);
    },
  };
  return { store, sent };
}

const banliOn = (store: Store, snapshotEvery = 1) =>
  createBanli({
    store,
    policy,
    calendar: chinaMainland,
    clock: createManualClock('2023-02-20'),
    snapshotEvery,
  } satisfies BanliOptions);

/** Bytes sent to the store by one whole bench lifecycle, at a snapshot interval. */
async function lifecycleBytes(snapshotEvery: number): Promise<SentBytes> {
  const { store, sent } = countingStore(createMemoryStore());
  const banli = banliOn(store, snapshotEvery);
  const [w] = prepare(1, 80_000_000);
  if (!w) throw new Error('no work');
  await banli.submit(w.proposal, { actor: actors.committee, draft: true, at: '2023-02-20' });
  for (const [event, actor] of w.commands) await banli.send(w.id, event, { actor });
  return sent;
}

/** The seed case 132402 as assigned (lead unit and its co-units) after `case.accept`: its stored snapshot's JSON bytes. */
async function seedCaseSnapshotBytes(): Promise<{ bytes: number; coUnits: number }> {
  const store = createMemoryStore({ isolate: true });
  const banli = banliOn(store);
  const id = seedProposal132402.id;
  const caseId = caseIdOf(id);
  await banli.submit(seedProposal132402, { actor: actors.committee, at: '2023-02-20' });
  await banli.send(id, { type: 'review.start', at: '2023-02-21' }, { actor: actors.committee });
  await banli.send(id, { type: 'review.register', at: '2023-03-01' }, { actor: actors.committee });
  const assign = { type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment132402 };
  await banli.send(id, assign, { actor: actors.office });
  await banli.send(id, { type: 'case.accept', at: '2023-03-16', caseId }, { actor: actors.lead });
  return { bytes: bytes((await store.load(id))?.snapshot?.state), coUnits: seedAssignment132402.coUnits.length };
}

async function populate(n: number, snapshotEvery: number, stopAfter?: number) {
  // `isolate` copies through JSON on the way in and out, as a database would.
  const store = createMemoryStore({ isolate: true });
  const banli = banliOn(store, snapshotEvery);
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
  const seed = await seedCaseSnapshotBytes();
  const letter = bytes(seedReplyLetter132402);
  const intervals = [1, 4, 16];
  const sent = await Promise.all(intervals.map((every) => lifecycleBytes(every)));
  const sent1 = sent[0] as SentBytes;
  const sentRatio = sent1.total / sent1.entries;
  const kb = (b: number) => `${fmt(b)} B`;
  return {
    title: '4. Persistence',
    intro:
      `Sizes are UTF-8 JSON bytes per proposal with its one case (${fmt(o.lifecycles)} proposals), as any store ` +
      'serialises them. Load times are `banli.get(id)` per proposal on an in-memory store that copies through JSON ' +
      '(`isolate: true`, like a database round trip): read, parse, restore the snapshot, replay later events, build the ' +
      `view; ${o.runs} runs after ${o.warmups} warm-up(s).`,
    header: ['measure', 'per case'],
    rows: [
      [`snapshot, the seed case 132402 after \`case.accept\` (lead unit and ${seed.coUnits} co-units)`, kb(seed.bytes)],
      ['snapshot, the bench lifecycle after `case.accept` (sole lead unit)', `${fmt(midSize.snapshot)} B`],
      ['snapshot, archived', `${fmt(doneSize.snapshot)} B`],
      ['the seed reply letter 132402 itself (JSON)', kb(letter)],
      [
        `event log, whole lifecycle (${COMMANDS_PER_LIFECYCLE} entries with actor, states before/after, emitted)`,
        `${fmt(doneSize.log)} B`,
      ],
      ['store.load only (JSON copy of snapshot + later events)', us(r.raw)],
      ['load = snapshot + replay, snapshot every event (default)', us(r.snapshot)],
      ['load = snapshot + replay, snapshot every 5 events', us(r.every5)],
      [`load = full replay of ${COMMANDS_PER_LIFECYCLE} events (no snapshot)`, us(r.replay)],
    ],
    tables: [
      {
        title:
          'Bytes sent to the store per whole lifecycle (13 commands), as UTF-8 JSON of the append requests (log ' +
          'entries, snapshot, summary row, deadline index; what a SQL store serialises), against the JSON bytes of the ' +
          'log entries appended, by snapshot interval (`snapshotEvery`). The in-memory store takes partial appends ' +
          '(`partialAppends`, as the SQL stores do): after the first append the summary row is sent as its changed ' +
          'fields, and the deadline index only when it changed:',
        header: [
          'snapshotEvery',
          'appends',
          'bytes sent',
          'log entries',
          'snapshots',
          'summary rows',
          'deadline index',
          'sent ÷ log entries',
          'largest append',
        ],
        rows: intervals.map((every, i) => {
          const b = sent[i] as SentBytes;
          return [
            every === 1 ? '1 (default)' : String(every),
            String(b.appends),
            kb(b.total),
            kb(b.entries),
            kb(b.snapshots),
            kb(b.summaries),
            kb(b.deadlines),
            `${fmt(b.total / b.entries, 2)}×`,
            kb(Math.max(...b.perAppend)),
          ];
        }),
      },
    ],
    targets: [
      {
        name: 'snapshot of the seed case after case.accept (six co-units)',
        measured: kb(seed.bytes),
        target: '≤ 4 KB',
        met: seed.bytes <= 4096,
      },
      {
        name: 'snapshot of the bench lifecycle after case.accept',
        measured: kb(midSize.snapshot),
        target: '≤ 2 KB',
        met: midSize.snapshot <= 2048,
      },
      {
        name: 'archived snapshot ≤ letter + 3 KB',
        measured: `${kb(doneSize.snapshot)} (letter ${kb(letter)})`,
        target: `≤ ${kb(letter + 3072)}`,
        met: doneSize.snapshot <= letter + 3072,
      },
      {
        name: 'bytes sent to the store per lifecycle ÷ JSON bytes of its log entries (snapshotEvery 1)',
        measured: `${fmt(sentRatio, 2)}× (${kb(sent1.total)} ÷ ${kb(sent1.entries)})`,
        target: '≤ 2×',
        met: sentRatio <= 2,
      },
      {
        name: 'load (snapshot + replay) per case',
        measured: `${fmt(snapshotLoad.median, 1)} µs`,
        target: 'reported',
        met: undefined,
      },
    ],
    data: { seed, letter, midSnapshot: midSize.snapshot, archivedSnapshot: doneSize.snapshot, sent },
  };
}
