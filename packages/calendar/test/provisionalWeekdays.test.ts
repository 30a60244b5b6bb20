import { describe, expect, it } from 'vitest';
import { addCalendarDays, addWorkingDays, chinaMainland, workingDaysBetween } from '../src/index.js';
import { eachDate } from './naive.js';

// Beyond a calendar's coverage, `{ uncovered: 'provisional' }` counts Monday–Friday (closed-form arithmetic in
// internal/weekdays.ts). Mutation testing found its branches untested: the covered-range references never reach it.
// Checked here against a day-by-day Monday–Friday loop, from every weekday, both ways, before and after coverage.

const P = { uncovered: 'provisional' } as const;
const isWeekday = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

function naiveWeekdays(date: string, n: number): string {
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  let d = date;
  while (left > 0) {
    d = addCalendarDays(d, step);
    if (isWeekday(d)) left--;
  }
  return d;
}

// Two weeks (each weekday twice) well before and well after chinaMainland's covered years.
const STARTS = [...eachDate('1990-03-05', '1990-03-18'), ...eachDate('2150-06-01', '2150-06-14')];

describe('Monday–Friday counting beyond coverage (provisional)', () => {
  it('should add n weekdays like a day-by-day loop from every day of the week, forwards and backwards', () => {
    for (const start of STARTS)
      for (let n = -12; n <= 12; n++) {
        const actual = addWorkingDays(chinaMainland, start, n, P);
        const expected = naiveWeekdays(start, n);
        if (actual !== expected) expect({ start, n, actual }).toEqual({ start, n, actual: expected });
      }
  });

  it('should count the weekdays in (from, to] like a day-by-day loop, negative when to is before from', () => {
    for (const from of STARTS)
      for (let k = -16; k <= 16; k++) {
        const to = addCalendarDays(from, k);
        const [lo, hi] = from < to ? [from, to] : [to, from];
        let naive = 0;
        for (const d of eachDate(addCalendarDays(lo, 1), hi)) if (isWeekday(d)) naive++;
        const expected = from <= to ? naive : -naive;
        const actual = workingDaysBetween(chinaMainland, from, to, P);
        if (actual !== expected) expect({ from, to, actual }).toEqual({ from, to, actual: expected });
      }
  });
});
