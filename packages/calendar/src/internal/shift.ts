import type { DayIndex } from './dayIndex.js';
import { addWeekdays, weekdaysBetween } from './weekdays.js';

/** Outcome of a working-day shift: the day, and which uncovered side (if any) was consulted. */
export interface Shifted {
  day: number;
  uncovered: 0 | 1 | 2;
}

/** Uncovered flags: 1 = before coverage, 2 = after coverage. */
const BEFORE = 1;
const AFTER = 2;

/** Which uncovered sides the days `[lo, hi]` reach, against the calendar's own years (not the estimate's). */
function spanFlags(idx: DayIndex, lo: number, hi: number): 0 | 1 | 2 | 3 {
  if (lo > hi) return 0;
  return ((lo < idx.coveredBase ? BEFORE : 0) | (hi >= idx.coveredEnd ? AFTER : 0)) as 0 | 1 | 2 | 3;
}

/** The `n`-th working day after (`n > 0`) or before (`n < 0`) `start`, O(1) inside coverage, weekday arithmetic outside. */
export function shiftWorkingDays(idx: DayIndex, start: number, n: number): Shifted {
  const r = shiftIndexed(idx, start, n);
  if (!idx.estimated || n === 0) return r;
  const flags = n > 0 ? spanFlags(idx, start + 1, r.day) : spanFlags(idx, r.day, start - 1);
  return { day: r.day, uncovered: (flags === 3 ? AFTER : flags) as 0 | 1 | 2 };
}

function shiftIndexed(idx: DayIndex, start: number, n: number): Shifted {
  if (n === 0) return { day: start, uncovered: 0 };
  const { base, end, prefix, workdays } = idx;
  const total = workdays.length;
  if (n > 0) {
    let cur = start;
    let remaining = n;
    let uncovered: 0 | 1 | 2 = 0;
    if (cur < base - 1) {
      const w = weekdaysBetween(cur, base - 1);
      if (w >= remaining) return { day: addWeekdays(cur, remaining), uncovered: BEFORE };
      remaining -= w;
      cur = base - 1;
      uncovered = BEFORE;
    }
    if (cur < end - 1) {
      const k = (prefix[cur - base + 1] as number) + remaining - 1;
      if (k < total) return { day: workdays[k] as number, uncovered };
      remaining = k - total + 1;
      cur = end - 1;
    }
    return { day: addWeekdays(cur, remaining), uncovered: AFTER };
  }
  let cur = start;
  let remaining = -n;
  let uncovered: 0 | 1 | 2 = 0;
  if (cur > end) {
    const w = weekdaysBetween(end - 1, cur - 1);
    if (w >= remaining) return { day: addWeekdays(cur, -remaining), uncovered: AFTER };
    remaining -= w;
    cur = end;
    uncovered = AFTER;
  }
  if (cur > base) {
    const k = (prefix[cur - base] as number) - remaining;
    if (k >= 0) return { day: workdays[k] as number, uncovered };
    remaining = -k;
    cur = base;
  }
  return { day: addWeekdays(cur, -remaining), uncovered: BEFORE };
}

/** Working days up to and including `day`, relative to `base - 1`; uncovered days count as Monday–Friday. */
export function workingRank(idx: DayIndex, day: number): number {
  const { base, end, prefix } = idx;
  if (day < base - 1) return weekdaysBetween(base - 1, day);
  if (day < end) return prefix[day - base + 1] as number;
  return (prefix[end - base] as number) + weekdaysBetween(end - 1, day);
}
