import { chinaMainland, workingDaysBetween } from '@banli/calendar';
import { presets } from '@banli/core';
import { createMemoryStore, type ProposalFacts } from '@banli/sdk';
import { describe, expect, it } from 'vitest';
import { createRandom, exportSimulation, simulate, toCsv } from '../src/index.js';

describe('simulate', () => {
  it('should give the same result for the same seed and a different one for another seed', async () => {
    const a = await simulate({ proposals: 40, seed: 7 });
    const b = await simulate({ proposals: 40, seed: 7 });
    const c = await simulate({ proposals: 40, seed: 8 });
    expect(b.statistics).toEqual(a.statistics);
    expect(b.misses).toEqual(a.misses);
    expect(b.cases).toEqual(a.cases);
    expect(c.cases).not.toEqual(a.cases);
  });

  it('should drive every proposal through the SDK without a refused command and report the statistics', async () => {
    const r = await simulate({ proposals: 60, seed: 11, dissatisfactionRate: 0.2, extensionRate: 0.2 });
    expect(r.refusals).toEqual([]);
    expect(r.statistics.totals.cases).toBe(r.cases.length);
    expect(r.cases.length).toBeGreaterThanOrEqual(60);
    expect(r.statistics.totals.rehandlings).toBeGreaterThan(0);
    expect(r.statistics.units.map((u) => u.unitId).sort()).toEqual([...new Set(r.cases.map((c) => c.unitId))].sort());
    expect(r.cases[0]?.workingDays).toBeGreaterThanOrEqual(r.cases.at(-1)?.workingDays ?? 0);
  });

  it('should report late replies as reply deadline misses when units are slow', async () => {
    const slow = await simulate({
      proposals: 30,
      seed: 3,
      extensionRate: 0,
      units: [{ unit: { id: 'slow', name: '慢局' }, replyDays: { kind: 'fixed', value: 150 } }],
    });
    expect(slow.statistics.totals.onTimeRate).toBe(0);
    expect(slow.misses.filter((m) => m.kind === 'reply').length).toBe(slow.cases.length);
  });

  it('should report commands run and planned each day, equal only after the last day', async () => {
    const calls: { submitted: number; total: number; commandsDone: number; commandsPlanned: number }[] = [];
    const result = await simulate({ proposals: 12, seed: 5, onProgress: (p) => calls.push(p) });
    const last = calls.at(-1);
    expect(last).toMatchObject({ submitted: 12, total: 12, commandsDone: result.commands });
    expect(last?.commandsPlanned).toBe(result.commands);
    for (const c of calls.slice(0, -1)) expect(c.commandsDone).toBeLessThan(c.commandsPlanned);
    for (let i = 1; i < calls.length; i++)
      expect(calls[i]?.commandsDone).toBeGreaterThanOrEqual(calls[i - 1]?.commandsDone ?? 0);
  });

  it("should simulate the calendar's last year, its follow-up into the next year by the statutory estimate", async () => {
    const r = await simulate({ proposals: 8, seed: 2, year: 2026, arrivals: { sessionShare: 0 } });
    expect(r.refused).toBe(0);
    expect(r.lastDay > '2026-12-31').toBe(true);
    await expect(simulate({ proposals: 1, seed: 1, year: 2027 })).rejects.toMatchObject({ code: 'INVALID_SIMULATION' });
  });

  it('should refuse a year the calendar cannot cover', async () => {
    await expect(simulate({ proposals: 1, seed: 1, year: 2030 })).rejects.toMatchObject({ code: 'INVALID_SIMULATION' });
  });
});

describe('createRandom', () => {
  it('should repeat its sequence for a seed and stay within bounds', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 100 }, () => a.int(1, 6));
    expect(Array.from({ length: 100 }, () => b.int(1, 6))).toEqual(xs);
    expect(new Set(xs)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(createRandom(42).fork('x').next()).toBe(createRandom(42).fork('x').next());
    expect(createRandom(42).fork('x').next()).not.toBe(createRandom(42).fork('y').next());
  });
});

describe('simulate: late replies, rates, paired streams, export', () => {
  it('should raise deadline.missed for every late reply, a reply one day late included', async () => {
    // Seed 1 at 150 proposals has a reply one working day late (it raised no miss when the tick ran after the commands).
    const r = await simulate({ proposals: 150, seed: 1 });
    const late = r.cases.filter(
      (c) => c.firstReplyAt !== undefined && c.replyDue !== undefined && c.firstReplyAt > c.replyDue,
    );
    const oneDayLate = late.filter((c) => workingDaysAfter(c.replyDue as string, c.firstReplyAt as string) <= 1);
    expect(late.length).toBeGreaterThan(0);
    expect(oneDayLate.length).toBeGreaterThan(0);
    expect(r.misses.filter((m) => m.kind === 'reply').length).toBe(late.length);
  });

  it.each([
    ['dissatisfactionRate', { dissatisfactionRate: -1 }],
    ['extensionRate', { extensionRate: 2 }],
    ['missedContactRate', { missedContactRate: Number.NaN }],
    ['jointShare', { jointShare: 1.5 }],
    ['arrivals.sessionShare', { arrivals: { sessionShare: -0.1 } }],
    ['suggestionShare', { suggestionShare: 1.5 }],
    ['modes', { modes: { sole: 0, lead: 0, split: 0 } }],
    ['modes.reference', { modes: { reference: -1 } }],
    ['mergeRate', { mergeRate: 1.2 }],
    ['adjustmentRate', { adjustmentRate: -0.5 }],
    ['reassignShare', { reassignShare: 2 }],
    ['overrideCloseRate', { overrideCloseRate: Number.NaN }],
    ['missedOpinionRate', { missedOpinionRate: 3 }],
    ['coUnitContactRate', { coUnitContactRate: -1 }],
    ['calendarCorrections', { calendarCorrections: 1.5 }],
    ['calendarCorrections', { calendarCorrections: -1 }],
    ['classes.A', { classes: { A: -1 } }],
    [
      'units[0].replyDays',
      { units: [{ unit: { id: 'u', name: 'u' }, replyDays: { kind: 'uniform', min: 9, max: 3 } }] },
    ],
  ] as const)('should refuse an invalid %s with a typed bilingual error', async (name, bad) => {
    const error = await simulate({ proposals: 1, seed: 1, ...(bad as object) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_SIMULATION', messages: { en: expect.stringContaining(name) } });
    expect((error as { messages: { 'zh-CN': string } }).messages['zh-CN']).toContain(name);
  });

  it("should simulate deputies' suggestions under a policy that covers only them", async () => {
    const r = await simulate({
      proposals: 12,
      seed: 3,
      policy: presets.chongqing,
      suggestionShare: 1,
      recordEvents: true,
      arrivals: { sessionShare: 0.5 },
    });
    expect(r.refusals).toEqual([]);
    expect(r.statistics.totals.cases).toBeGreaterThanOrEqual(12);
    expect(r.events?.filter((e) => e.type === 'proposal.archive')).toHaveLength(12);
  });

  it('should make each of the rarer paths when asked, with every command accepted', async () => {
    const store = createMemoryStore();
    const r = await simulate({
      proposals: 40,
      seed: 5,
      recordEvents: true,
      banli: { store },
      modes: { sole: 0.3, lead: 0.4, split: 0.1, reference: 0.2 },
      mergeRate: 0.3,
      adjustmentRate: 0.3,
      overrideCloseRate: 0.5,
      missedOpinionRate: 0.4,
      coUnitContactRate: 0.4,
      calendarCorrections: 2,
      classes: { A: 0.4, B: 0.5, C: 0.1 },
    });
    expect(r.refusals).toEqual([]);
    const types = new Set(r.events?.map((e) => e.type));
    for (const type of [
      'review.merge',
      'proposal.addMergedItem',
      'case.requestAdjustment',
      'adjustment.reassign',
      'adjustment.keep',
      'case.overrideClose',
      'calendar.corrected',
    ])
      expect([type, types.has(type)]).toEqual([type, true]);
    expect(r.statistics.coUnits.some((u) => u.missing > 0)).toBe(true);
    const coVisits = r.events?.filter((e) => e.type === 'case.recordContact' && e.actorRole === 'coUnit');
    expect(coVisits?.length).toBeGreaterThan(0);
    // 参阅: every reference case is closed on acceptance and stays out of the statistics.
    const facts = (await store.queryStreams({})).map((s) => s.facts as unknown as ProposalFacts);
    const reference = facts.flatMap((p) => Object.values(p.cases)).filter((c) => c.role === 'reference');
    expect(reference.length).toBeGreaterThan(0);
    expect(reference.every((c) => c.closedAt !== undefined && c.firstReplyAt === undefined)).toBe(true);
    // 并案: the merged items are extra streams, ended as merged.
    expect(facts.filter((p) => p.id.endsWith('-merged')).length).toBeGreaterThan(0);
    expect(facts.filter((p) => !p.id.endsWith('-merged'))).toHaveLength(40);
  });

  it('should leave every draw as it was when the rarer paths stay off', async () => {
    const base = await simulate({ proposals: 30, seed: 4, recordEvents: true });
    const off = await simulate({
      proposals: 30,
      seed: 4,
      recordEvents: true,
      modes: { sole: 0.55, lead: 0.35, split: 0.1, reference: 0 },
      mergeRate: 0,
      adjustmentRate: 0,
      reassignShare: 0.9,
      overrideCloseRate: 0,
      missedOpinionRate: 0,
      coUnitContactRate: 0,
      calendarCorrections: 0,
    });
    expect(off).toEqual(base);
  });

  it('should keep unrelated draws paired when one rate changes', async () => {
    const base = await simulate({ proposals: 50, seed: 9, extensionRate: 0, dissatisfactionRate: 0.2 });
    const more = await simulate({ proposals: 50, seed: 9, extensionRate: 0.6, dissatisfactionRate: 0.2 });
    const units = (r: typeof base) => r.cases.map((c) => `${c.caseId}:${c.unitId}:${c.openedAt}`).sort();
    expect(units(more)).toEqual(units(base));
    // The same proposers are dissatisfied: extensions draw from their own stream.
    expect(more.statistics.totals.rehandlings).toBe(base.statistics.totals.rehandlings);
    expect(base.statistics.totals.rehandlings).toBeGreaterThan(0);
  });

  it('should export cases and events as CSV and JSON', async () => {
    const r = await simulate({ proposals: 3, seed: 2, recordEvents: true });
    const csv = exportSimulation(r, 'csv');
    const caseLines = csv.cases.trimEnd().split('\r\n');
    expect(caseLines[0]).toBe('proposalId,caseId,unitId,openedAt,replyDue,firstReplyAt,workingDays');
    expect(caseLines).toHaveLength(r.cases.length + 1);
    const eventLines = csv.events.trimEnd().split('\r\n');
    expect(eventLines[0]).toBe('proposalId,version,date,type,actorRole,actorId,unitId,caseId');
    expect(eventLines.length - 1).toBe(r.events?.length);
    expect(eventLines[1]).toMatch(/^sim-2025-\d{6},1,\d{4}-\d{2}-\d{2},proposal\.create,proposer,/);
    const json = exportSimulation(r, 'json');
    expect(JSON.parse(json.cases)).toEqual(r.cases);
    expect(JSON.parse(json.events)).toEqual(r.events);
  });

  it('should quote CSV fields that hold commas, quotes or line breaks', () => {
    expect(toCsv([{ a: 'x,y', b: 'say "hi"', c: 'one\ntwo', d: undefined }], ['a', 'b', 'c', 'd'])).toBe(
      'a,b,c,d\r\n"x,y","say ""hi""","one\ntwo",\r\n',
    );
  });
});

function workingDaysAfter(due: string, at: string): number {
  return workingDaysBetween(chinaMainland, due, at);
}
