import { addCalendarDays, type Calendar, isWorkingDay } from '../src/index.js';

/** Day-by-day reference implementation used to check the indexed one. */
export function naiveAddWorkingDays(cal: Calendar, date: string, n: number): string {
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  let d = date;
  while (left > 0) {
    d = addCalendarDays(d, step);
    if (isWorkingDay(cal, d, { uncovered: 'provisional' })) left--;
  }
  return d;
}

/** Every date from `from` to `to`, inclusive. */
export function* eachDate(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) yield d;
}
