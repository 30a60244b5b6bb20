import { isoWeekday } from './epochDay.js';

// Monday–Friday arithmetic, used only beyond a calendar's coverage (provisional results).

function weekdaysUpTo(day: number): number {
  const shifted = day + 3;
  const weeks = Math.floor(shifted / 7);
  return weeks * 5 + Math.min(shifted - weeks * 7 + 1, 5);
}

/** Number of Monday–Friday days in `(from, to]`; negative when `to < from`. */
export function weekdaysBetween(from: number, to: number): number {
  return weekdaysUpTo(to) - weekdaysUpTo(from);
}

/** The `n`-th Monday–Friday day after `day` (`n > 0`) or before it (`n < 0`); `day` itself is not counted. */
export function addWeekdays(day: number, n: number): number {
  if (n === 0) return day;
  const dow = isoWeekday(day) - 1;
  if (n > 0) {
    const from = dow >= 5 ? day - (dow - 4) : day;
    const d = dow >= 5 ? 4 : dow;
    const weeks = Math.floor(n / 5);
    const rem = n - weeks * 5;
    return from + weeks * 7 + rem + (d + rem > 4 ? 2 : 0);
  }
  const m = -n;
  const from = dow >= 5 ? day + (7 - dow) : day;
  const d = dow >= 5 ? 0 : dow;
  const weeks = Math.floor(m / 5);
  const rem = m - weeks * 5;
  return from - weeks * 7 - rem - (d - rem < 0 ? 2 : 0);
}
