import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  chinaMainland,
  computeDueDate,
  type DeadlineRule,
  explainDueDate,
  isWorkingDay,
  workingDaysBetween,
} from '../src/index.js';
import { eachDate } from './naive.js';

const P = { uncovered: 'provisional' } as const;

function naiveRoll(date: string): string {
  let d = date;
  while (!isWorkingDay(chinaMainland, d, P)) d = addCalendarDays(d, 1);
  return d;
}

describe('computeDueDate against day-by-day references', () => {
  it('should roll calendar-day and month periods like a naive loop for every start date 2015–2026', () => {
    for (const start of eachDate('2015-01-01', '2026-12-31')) {
      for (const days of [1, 10, 30]) {
        const expected = naiveRoll(addCalendarDays(start, days));
        const actual = computeDueDate(chinaMainland, { kind: 'calendarDays', days, rollForward: true }, start, P).due;
        if (actual !== expected) expect({ start, days, actual }).toEqual({ start, days, actual: expected });
      }
      const expected = naiveRoll(addMonths(start, 2));
      const actual = computeDueDate(chinaMainland, { kind: 'months', months: 2, rollForward: true }, start, P).due;
      if (actual !== expected) expect({ start, actual }).toEqual({ start, actual: expected });
    }
  });
});

describe('workingDaysBetween against a day-by-day count', () => {
  it('should count like a naive loop over every 30-day window of 2015–2026', () => {
    for (const from of eachDate('2015-01-01', '2026-12-01')) {
      const to = addCalendarDays(from, 30);
      let naive = 0;
      for (const d of eachDate(addCalendarDays(from, 1), to)) if (isWorkingDay(chinaMainland, d)) naive++;
      if (workingDaysBetween(chinaMainland, from, to) !== naive)
        expect({ from, n: workingDaysBetween(chinaMainland, from, to) }).toEqual({ from, n: naive });
    }
  });
});

describe('explainDueDate across the covered range', () => {
  it('should agree with computeDueDate and count exactly n working days from every fifth start date', () => {
    const rules: DeadlineRule[] = [
      { kind: 'workingDays', days: 15 },
      { kind: 'workingDays', days: 5 },
      { kind: 'fixedDate', monthDay: '06-30', rollForward: true },
    ];
    let i = 0;
    for (const start of eachDate('2015-02-01', '2026-10-31')) {
      if (i++ % 5 !== 0) continue;
      for (const rule of rules) {
        const e = explainDueDate(chinaMainland, rule, start, P);
        expect(e.due).toBe(computeDueDate(chinaMainland, rule, start, P).due);
        const count = e.steps.find((s) => s.kind === 'count');
        if (rule.kind === 'workingDays')
          expect(count && count.kind === 'count' && count.workingDays).toBe(Math.abs(rule.days));
      }
    }
  });
});
