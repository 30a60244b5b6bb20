import { chinaMainland, extendCalendar, isWorkingDay } from '@banli/calendar';
import { presets } from '@banli/core';
import { createBanli, createManualClock, createMemoryStore } from '@banli/sdk';
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import {
  type LogEntry,
  type OracleProposal,
  type OracleRules,
  oracleFigures,
  oraclePopulation,
  readProposal,
} from './support/statisticsOracle.js';

// Statistics and queries checked against an oracle that reads only the event log (support/statisticsOracle.ts).

type Preset = keyof typeof presets;
const PRESETS = Object.keys(presets) as Preset[];
/** Presets that cover CPPCC proposals: the others cover deputies' suggestions only. */
const suggestionShareOf = (preset: Preset) => (presets[preset].coverage.some((c) => c.kind === 'proposal') ? 0.4 : 1);
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

class Stop extends Error {}
type MemoryStore = ReturnType<typeof createMemoryStore>;

/** The rarer paths, all on (each off by default in `simulate`). */
const RARE_PATHS = {
  modes: { sole: 0.3, lead: 0.35, split: 0.2, reference: 0.15 },
  mergeRate: 0.3,
  adjustmentRate: 0.3,
  overrideCloseRate: 0.5,
  missedOpinionRate: 0.35,
  coUnitContactRate: 0.35,
  calendarCorrections: 3,
} as const;

type Extra = Partial<Parameters<typeof simulate>[0]>;

/** Runs a seeded simulation into `store`, stopped after `until` (or run to its end). */
async function run(preset: Preset, store: MemoryStore, seed: number, year: number, until?: string, extra: Extra = {}) {
  try {
    return await simulate({
      proposals: 45,
      seed,
      year,
      policy: presets[preset],
      suggestionShare: suggestionShareOf(preset),
      // Session and between sessions, joint items, extensions, re-handling after dissatisfaction, lead and split cases.
      arrivals: { sessionShare: 0.5 },
      extensionRate: 0.25,
      dissatisfactionRate: 0.25,
      jointShare: 0.4,
      modes: { sole: 0.4, lead: 0.4, split: 0.2 },
      ...extra,
      banli: { store },
      onProgress: ({ day }) => {
        if (until !== undefined && day >= until) throw new Stop();
      },
    });
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return undefined;
  }
}

async function readAll(store: MemoryStore, rules: OracleRules): Promise<OracleProposal[]> {
  const out: OracleProposal[] = [];
  for (const s of await store.queryStreams({}))
    out.push(readProposal((await store.readStream(s.streamId)) as unknown as LogEntry[], rules));
  return out;
}

const ids = (rows: readonly { streamId: string }[]) => rows.map((r) => r.streamId).sort();

/**
 * A calendar correction aimed at the replies (after the run, on its last day): the working days from each late
 * reply's due date to the reply become rest days, so the due date rolls past the reply (its miss is retracted), and
 * the rest days just before a reply given on its due date become working days, so a due date rolled forward over them
 * comes back before the reply (a miss found by correction).
 */
async function correctReplies(banli: ReturnType<typeof createBanli>, proposals: OracleProposal[]) {
  const replied = proposals.flatMap((p) => p.cases).filter((c) => c.firstReplyAt !== undefined && c.due !== undefined);
  const span = (from: string, to: string) => {
    const out: string[] = [];
    for (let d = from; d <= to && out.length < 10; d = nextDay(d)) out.push(d);
    return out;
  };
  const rest = new Set<string>();
  const work = new Set<string>();
  for (const c of replied) {
    const [due, at] = [c.due as string, c.firstReplyAt as string];
    if (at > due) for (const d of span(due, at)) if (isWorkingDay(chinaMainland, d)) rest.add(d);
    if (at === due)
      for (const d of span(addDays(due, -3), addDays(due, -1))) if (!isWorkingDay(chinaMainland, d)) work.add(d);
  }
  // Two corrections in turn: the rest days first, then the working days on top of them.
  const label = { 'zh-CN': '更正休息日', en: 'Corrected rest day' };
  const id = `${chinaMainland.id}+oracle`;
  const first = extendCalendar(chinaMainland, {
    id,
    version: 'oracle-1',
    extraHolidays: [...rest].map((d) => ({ name: 'oracle', label, start: d, end: d })),
  });
  const second = extendCalendar(first, { id, version: 'oracle-2', extraWorkdays: [...work] });
  const reports = [await banli.recomputeDeadlines(first), await banli.recomputeDeadlines(second)];
  return reports.flatMap((r) => r.moved);
}

const addDays = (d: string, k: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10);

async function check(preset: Preset, seed: number, year: number, until?: string, extra: Extra = {}, correct = false) {
  const store = createMemoryStore();
  const result = await run(preset, store, seed, year, until, extra);
  const today = until ? nextDay(until) : (result?.lastDay as string);
  const banli = createBanli({
    store,
    policy: presets[preset],
    calendar: chinaMainland,
    clock: createManualClock(today),
  });
  const rules: OracleRules = {
    calendar: chinaMainland,
    coOpinion: presets[preset].periods.coOpinion,
    followUpClasses: presets[preset].followUpClasses ?? [],
  };
  const from = `${year}-01-01`;
  const to = today;
  let stats = await banli.statistics({ from, to, asOf: today });
  if (result) {
    expect(result.refusals).toEqual([]);
    expect(stats).toEqual(result.statistics);
  }
  let outcomes: string[] = [];
  if (correct) {
    const moved = await correctReplies(banli, await readAll(store, rules));
    outcomes = moved.filter((m) => m.kind === 'reply').map((m) => m.outcome);
    stats = await banli.statistics({ from, to, asOf: today });
  }
  const proposals = await readAll(store, rules);
  const population = oraclePopulation(proposals, from, to);
  const { provisional: _p, ...totals } = stats.totals;
  expect(totals).toEqual(oracleFigures(population, today));
  // Provisional: the reply due date lies in a year the calendar has no holiday notice for.
  expect(stats.totals.provisional).toBe(
    population.filter((c) => c.due !== undefined && Number(c.due.slice(0, 4)) > chinaMainland.lastYear).length,
  );
  const units = [...new Set(population.map((c) => c.unitId))].sort();
  expect(stats.units.map((u) => u.unitId)).toEqual(units);
  for (const u of stats.units) {
    const { unitId, ranked, rank: _r, provisional: _q, ...figures } = u;
    const cases = population.filter((c) => c.unitId === unitId);
    expect({ unitId, ...figures }).toEqual({ unitId, ...oracleFigures(cases, today) });
    expect(ranked).toBe(cases.length >= stats.minCases);
  }
  // Ranks: 1 = best on-time rate, then best final satisfaction, among ranked units only.
  const ranked = stats.units.filter((u) => u.ranked);
  const order = [...ranked].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  for (let i = 1; i < order.length; i++) {
    const [a, b] = [order[i - 1], order[i]] as [(typeof order)[number], (typeof order)[number]];
    const key = (u: typeof a) => [u.onTimeRate ?? -1, u.final.rate ?? -1] as const;
    const [ka, kb] = [key(a), key(b)];
    expect(ka[0] > kb[0] || (ka[0] === kb[0] && ka[1] >= kb[1])).toBe(true);
  }
  expect(order.map((u) => u.rank)).toEqual(order.map((_, i) => i + 1));
  expect(stats.units.filter((u) => !u.ranked).every((u) => u.rank === undefined)).toBe(true);
  // Co-handling units' opinions sent, and missing when the lead unit went on past their deadline without them.
  const sent = new Map<string, number>();
  const missing = new Map<string, number>();
  for (const c of population) for (const u of c.opinionsFrom) sent.set(u, (sent.get(u) ?? 0) + 1);
  for (const c of population) for (const u of c.missingOpinions) missing.set(u, (missing.get(u) ?? 0) + 1);
  const coUnitIds = [...new Set([...sent.keys(), ...missing.keys()])].sort();
  expect(stats.coUnits.map((u) => u.unitId)).toEqual(coUnitIds);
  for (const u of stats.coUnits)
    expect(u).toEqual({ unitId: u.unitId, sent: sent.get(u.unitId) ?? 0, missing: missing.get(u.unitId) ?? 0 });

  // Queries.
  const all = proposals.map((p) => p.id).sort();
  for (const state of [...new Set(proposals.map((p) => p.state))])
    expect(ids(await banli.query({ state }))).toEqual(
      all.filter((id) => proposals.find((p) => p.id === id)?.state === state),
    );
  for (const unitId of units.slice(0, 3))
    expect(ids(await banli.query({ unitId }))).toEqual(
      proposals
        .filter((p) => p.unitIds.has(unitId))
        .map((p) => p.id)
        .sort(),
    );
  for (const kind of ['proposal', 'suggestion'] as const)
    expect(ids(await banli.query({ kind }))).toEqual(
      proposals
        .filter((p) => p.kind === kind)
        .map((p) => p.id)
        .sort(),
    );
  const proposer = proposals.find((p) => p.proposerIds.length > 1)?.proposerIds[1];
  if (proposer)
    expect(ids(await banli.query({ proposerId: proposer }))).toEqual(
      proposals
        .filter((p) => p.proposerIds.includes(proposer))
        .map((p) => p.id)
        .sort(),
    );
  // Overdue (the README's reading): a deadline missed whose step is still pending, or an open one past its due date
  // today; a deadline met late no longer counts. Once the scheduler has run for the day every past-due open deadline
  // is recorded missed, so the overdue proposals are among those with a miss in their log, and include every one
  // whose missed reply is still outstanding.
  await banli.tick(today);
  const ticked = await readAll(store, rules);
  const overdue = ids(await banli.query({ overdue: true }));
  const missed = ticked.filter((p) => p.missedDeadlines > 0).map((p) => p.id);
  expect(overdue.filter((id) => !missed.includes(id))).toEqual([]);
  const outstanding = ticked.filter((p) => p.replyOutstanding).map((p) => p.id);
  expect(outstanding.filter((id) => !overdue.includes(id))).toEqual([]);
  return { stats, proposals, population, overdue, outstanding, outcomes };
}

describe('statistics and queries against an oracle reading the event log', () => {
  const last = chinaMainland.lastYear;
  for (const preset of PRESETS) {
    it(`${preset}: a whole simulated year`, async () => {
      const { stats, population } = await check(preset, 21, last - 1);
      expect(population.length).toBeGreaterThan(40);
      expect(stats.totals.rehandlings).toBeGreaterThan(0);
      expect(stats.totals.repliedLate).toBeGreaterThan(0);
      expect(stats.totals.commitments.made).toBeGreaterThan(0);
    });
    it(`${preset}: the calendar's last year, replies due past its notices (provisional)`, async () => {
      const { stats } = await check(preset, 23, last);
      expect(stats.totals.provisional).toBeGreaterThan(0);
    });
    it(`${preset}: stopped mid-year, with cases in flight and overdue`, async () => {
      const { stats, overdue } = await check(preset, 22, last, `${last}-07-15`);
      expect(stats.totals.overdue).toBeGreaterThan(0);
      expect(stats.totals.commitments.open).toBeGreaterThan(0);
      expect(overdue.length).toBeGreaterThan(0);
    });
  }
});

describe('the oracle over the rarer paths: 并案, adjustment, override close, 参阅, calendar corrections, co-units', () => {
  const last = chinaMainland.lastYear;
  for (const preset of PRESETS) {
    it(`${preset}: a whole year with every rarer path on`, async () => {
      const { stats, proposals, population } = await check(preset, 31, last - 1, undefined, RARE_PATHS);
      expect(proposals.some((p) => p.state === 'merged')).toBe(true);
      expect(population.some((c) => c.commitments.size > 1)).toBe(true);
      expect(proposals.some((p) => p.cases.some((c) => c.role === 'reference'))).toBe(true);
      expect(stats.totals.commitments.overridden).toBeGreaterThan(0);
      expect(stats.coUnits.some((u) => u.missing > 0)).toBe(true);
      expect(stats.totals.meetings.met).toBeGreaterThan(0);
    });
    it(`${preset}: a calendar correction aimed at the replies after the year`, async () => {
      const { stats, outcomes } = await check(preset, 33, last - 1, undefined, RARE_PATHS, true);
      // guangdongCity's replies are due on a fixed date that does not roll forward (S22): no rest day moves them.
      if (preset !== 'guangdongCity') expect(outcomes).toContain('missRetracted');
      expect(stats.totals.decided).toBeGreaterThan(40);
    });
    it(`${preset}: stopped mid-year with every rarer path on`, async () => {
      const { stats } = await check(preset, 32, last, `${last}-08-20`, RARE_PATHS);
      expect(stats.totals.overdue + stats.totals.commitments.open).toBeGreaterThan(0);
    });
  }
});
