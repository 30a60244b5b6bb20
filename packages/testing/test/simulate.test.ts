import { describe, expect, it } from 'vitest';
import { createRandom, simulate } from '../src/index.js';

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
