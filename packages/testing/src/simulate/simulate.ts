import { type Calendar, chinaMainland, workingDaysBetween } from '@banli/calendar';
import { presets } from '@banli/core';
import { BanliError, createBanli, createMemoryStore, type Statistics } from '@banli/sdk';
import { SimulatedClock } from 'xstate';
import { BanliTestingError } from '../errors.js';
import { createRandom } from '../prng.js';
import { type CalendarCorrection, calendarCorrections } from './corrections.js';
import type { SimulationEvent } from './export.js';
import { defaultUnits, type SimulationOptions } from './options.js';
import { type PlanContext, type PlannedCommand, planProposal } from './plan.js';
import { validateSimulationOptions } from './validate.js';

/** A deadline the scheduler found missed. */
export interface DeadlineMiss {
  proposalId: string;
  caseId?: string;
  deadlineId: string;
  kind: string;
  due: string;
}

/** How one case went. */
export interface CaseOutcome {
  proposalId: string;
  caseId: string;
  unitId: string;
  openedAt: string;
  replyDue?: string;
  firstReplyAt?: string;
  /** Working days from the case's opening to its first reply (or to the end of the run when unreplied). */
  workingDays: number;
}

/** A command the SDK refused (a planning bug if it ever happens). */
export interface Refusal {
  proposalId: string;
  event: string;
  code: string;
  message: string;
}

/** What a simulation returns. */
export interface SimulationResult {
  seed: number;
  year: number;
  proposals: number;
  /** The SDK's statistics over the simulated period (on-time rate, satisfaction, classes, per unit). */
  statistics: Statistics;
  misses: DeadlineMiss[];
  /** The cases, slowest first. */
  cases: CaseOutcome[];
  commands: number;
  refused: number;
  /** The first refusals (at most 20). */
  refusals: Refusal[];
  firstDay: string;
  lastDay: string;
  /** Every logged event, in stream and version order, when the run was made with `recordEvents: true`. */
  events?: SimulationEvent[];
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const instant = (d: string) => Date.parse(`${d}T09:00:00+08:00`);

function invalid(zh: string, en: string): never {
  throw new BanliTestingError('INVALID_SIMULATION', { 'zh-CN': zh, en });
}

/**
 * Runs a seeded Monte-Carlo simulation of a year of proposals through the SDK, day by day with `tick`.
 *
 * @example
 * ```ts
 * const result = await simulate({ proposals: 1000, seed: 7 });
 * result.statistics.totals.onTimeRate; // the same number for seed 7, every run
 * ```
 */
export async function simulate(options: SimulationOptions): Promise<SimulationResult> {
  const calendar = options.calendar ?? chinaMainland;
  const year = options.year ?? 2025;
  const n = options.proposals;
  validateSimulationOptions(options);
  if (year < calendar.firstYear || year > calendar.lastYear)
    invalid(
      `日历 ${calendar.id} 只覆盖 ${calendar.firstYear}–${calendar.lastYear} 年，无法模拟 ${year} 年`,
      `calendar ${calendar.id} covers ${calendar.firstYear}–${calendar.lastYear}; cannot simulate ${year}`,
    );
  const units = options.units ?? defaultUnits;
  if (units.length === 0) invalid('至少需要一个承办单位', 'at least one unit is needed');
  const policy = options.policy ?? presets.guangdongCity;
  const ctx: PlanContext = {
    calendar,
    policy: policy as PlanContext['policy'],
    year,
    units,
    jointShare: options.jointShare ?? 0.3,
    suggestionShare: options.suggestionShare ?? 0,
    sessionEnd: options.arrivals?.session?.[1] ?? `${year}-01-20`,
    modes: { sole: 0.55, lead: 0.35, split: 0.1, reference: 0, ...options.modes },
    extensionRate: options.extensionRate ?? 0.05,
    mergeRate: options.mergeRate ?? 0,
    adjustmentRate: options.adjustmentRate ?? 0,
    reassignShare: options.reassignShare ?? 0.5,
    overrideCloseRate: options.overrideCloseRate ?? 0,
    missedOpinionRate: options.missedOpinionRate ?? 0,
    coUnitContactRate: options.coUnitContactRate ?? 0,
    dissatisfactionRate: options.dissatisfactionRate ?? 0.04,
    missedContactRate: options.missedContactRate ?? 0.02,
    classes: { A: 0.6, B: 0.3, C: 0.08, D: 0.02, ...options.classes },
  };
  const root = createRandom(options.seed);
  // Drawn from streams of their own: with none asked for, nothing is drawn and every other draw stays as it was.
  const corrections: CalendarCorrection[] = calendarCorrections(
    root.fork('calendarCorrections'),
    calendar,
    year,
    options.calendarCorrections ?? 0,
  );
  const [sessionStart, sessionEnd] = options.arrivals?.session ?? [`${year}-01-10`, `${year}-01-20`];
  const sessionShare = options.arrivals?.sessionShare ?? 0.85;
  const dayOffset = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  const addDays = (from: string, k: number) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10);
  const arrivals = Array.from({ length: n }, (_, i) => {
    const rng = root.fork(`arrival:${i}`);
    const session = rng.chance(sessionShare);
    const date = session
      ? addDays(sessionStart, rng.int(0, dayOffset(sessionStart, sessionEnd)))
      : addDays(`${year}-02-01`, rng.int(0, dayOffset(`${year}-02-01`, `${year}-11-30`)));
    return { i, date, channel: session ? ('session' as const) : ('interSession' as const) };
  }).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));

  const clock = new SimulatedClock();
  const store = options.banli?.store ?? createMemoryStore();
  const banli = createBanli({
    alerts: { reminderLeadTimes: [], escalateAfter: [0] },
    ...options.banli,
    store,
    policy,
    calendar,
    clock,
  });
  const misses: DeadlineMiss[] = [];
  banli.subscribe(
    (note) => {
      const p = note.payload as { deadlineId?: string; kind?: string; due?: string; caseId?: string };
      misses.push({
        proposalId: note.proposalId,
        deadlineId: p.deadlineId ?? '',
        kind: p.kind ?? '',
        due: p.due ?? '',
        ...(p.caseId ? { caseId: p.caseId } : {}),
      });
    },
    ['deadline.missed'],
  );
  const buckets = new Map<string, PlannedCommand[]>();
  let commands = 0;
  let planned = 0;
  let refused = 0;
  const refusals: Refusal[] = [];
  let next = 0;
  const firstDay = arrivals[0]?.date ?? `${year}-01-01`;
  let day = firstDay;
  let lastDay = day;
  while (next < arrivals.length || buckets.size > 0) {
    clock.set(instant(day));
    for (const c of corrections) {
      if (c.on !== day) continue;
      // The holiday table changes: in-flight deadlines move (`recomputeDeadlines`) and later plans count by it.
      ctx.calendar = c.apply(ctx.calendar);
      await banli.recomputeDeadlines(ctx.calendar);
    }
    for (; next < arrivals.length && arrivals[next]?.date === day; next++) {
      const a = arrivals[next] as (typeof arrivals)[number];
      for (const c of planProposal(ctx, root.fork(`proposal:${a.i}`), a.i, a.date, a.channel)) {
        planned++;
        const list = buckets.get(c.date);
        if (list) list.push(c);
        else buckets.set(c.date, [c]);
      }
    }
    // The scheduler runs at the start of the day (a cron after midnight): a reply on the day after its due date
    // comes after the miss is recorded, so every late reply is also a `deadline.missed`.
    await banli.tick(day);
    for (const c of buckets.get(day) ?? []) {
      commands++;
      try {
        if (c.submit) await banli.submit(c.submit, { actor: c.actor, at: c.date });
        else await banli.send(c.proposalId, c.event, { actor: c.actor });
      } catch (error) {
        if (!(error instanceof BanliError)) throw error;
        refused++;
        if (refusals.length < 20)
          refusals.push({
            proposalId: c.proposalId,
            event: String(c.event?.type ?? 'proposal.submit'),
            code: error.code,
            message: error.message,
          });
      }
    }
    buckets.delete(day);
    lastDay = day;
    options.onProgress?.({ day, submitted: next, total: n, commandsDone: commands, commandsPlanned: planned });
    day = nextDay(day);
  }
  const statistics = await banli.statistics({ from: `${year}-01-01`, to: lastDay, asOf: lastDay });
  const cases = await caseOutcomes(banli.store, ctx.calendar, lastDay);
  const events = options.recordEvents ? await eventRows(banli.store) : undefined;
  // Close only a store the simulator created; a caller's store stays open for queries.
  if (!options.banli?.store) await store.close?.();
  return {
    seed: options.seed,
    year,
    proposals: n,
    statistics,
    misses,
    cases,
    commands,
    refused,
    refusals,
    firstDay,
    lastDay,
    ...(events ? { events } : {}),
  };
}

async function eventRows(store: ReturnType<typeof createMemoryStore>): Promise<SimulationEvent[]> {
  const out: SimulationEvent[] = [];
  for (let after: string | undefined; ; ) {
    const page = await store.queryStreams({ limit: 500, ...(after === undefined ? {} : { afterStreamId: after }) });
    for (const s of page)
      for (const e of await store.readStream(s.streamId)) {
        const caseId = typeof e.event.caseId === 'string' ? e.event.caseId : undefined;
        out.push({
          proposalId: e.streamId,
          version: e.version,
          date: String(e.event.at ?? ''),
          type: e.type,
          actorRole: e.actor.role,
          actorId: e.actor.id,
          ...(e.actor.unitId ? { unitId: e.actor.unitId } : {}),
          ...(caseId ? { caseId } : {}),
        });
      }
    if (page.length < 500) break;
    after = page[page.length - 1]?.streamId;
  }
  return out;
}

async function caseOutcomes(
  store: ReturnType<typeof createMemoryStore>,
  calendar: Calendar,
  end: string,
): Promise<CaseOutcome[]> {
  const out: CaseOutcome[] = [];
  for (let after: string | undefined; ; ) {
    const page = await store.queryStreams({ limit: 500, ...(after === undefined ? {} : { afterStreamId: after }) });
    for (const s of page) {
      const facts = s.facts as unknown as {
        id: string;
        cases: Record<
          string,
          { caseId: string; unitId: string; openedAt: string; replyDue?: string; firstReplyAt?: string }
        >;
      };
      for (const c of Object.values(facts.cases)) {
        out.push({
          proposalId: facts.id,
          caseId: c.caseId,
          unitId: c.unitId,
          openedAt: c.openedAt,
          ...(c.replyDue ? { replyDue: c.replyDue } : {}),
          ...(c.firstReplyAt ? { firstReplyAt: c.firstReplyAt } : {}),
          workingDays: workingDaysBetween(calendar, c.openedAt, c.firstReplyAt ?? end, { uncovered: 'statutory' }),
        });
      }
    }
    if (page.length < 500) break;
    after = page[page.length - 1]?.streamId;
  }
  return out.sort((a, b) => b.workingDays - a.workingDays || (a.caseId < b.caseId ? -1 : 1));
}
