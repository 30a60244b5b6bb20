import { checkCoverage, type ProvisionalReason, resolveCoverage } from './coverage.js';
import { indexFor } from './internal/dayIndex.js';
import { fromEpochDay, toEpochDay } from './internal/epochDay.js';
import { shiftWorkingDays } from './internal/shift.js';
import type { Calendar, CoverageOptions, IsoDate } from './types.js';

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
}

/**
 * Returns the `n`-th working day after `date`; the start day is not counted, 调休 days count, holidays and weekends do not.
 * Negative `n` counts backwards (the `|n|`-th working day before `date`, e.g. for reminders); `n = 0` returns `date` unchanged.
 * Runs in O(1) inside the covered years.
 *
 * @throws CalendarCoverageError when uncovered days are needed, unless `{ uncovered: 'provisional' }` (then Monday–Friday).
 * @example
 * ```ts
 * addWorkingDays(chinaMainland, '2024-02-08', 2); // '2024-02-18' (春节 skipped, Sunday worked)
 * addWorkingDays(chinaMainland, '2023-10-09', -1); // '2023-10-08'
 * ```
 */
export function addWorkingDays(cal: Calendar, date: IsoDate, n: number, opts?: CoverageOptions): IsoDate {
  checkCount(n);
  const r = shiftWorkingDays(indexFor(cal, opts?.uncovered), toEpochDay(date), n);
  if (r.uncovered !== 0) checkCoverage(cal, r.uncovered, date, opts);
  return fromEpochDay(r.day);
}

/** Like `addWorkingDays`, but also says whether the result is provisional and why. */
export function addWorkingDaysDetailed(
  cal: Calendar,
  date: IsoDate,
  n: number,
  opts?: CoverageOptions,
): { date: IsoDate; provisional: boolean; provisionalReason?: ProvisionalReason } {
  checkCount(n);
  const r = shiftWorkingDays(indexFor(cal, opts?.uncovered), toEpochDay(date), n);
  const reason = resolveCoverage(cal, r.uncovered, date, opts);
  return reason
    ? { date: fromEpochDay(r.day), provisional: true, provisionalReason: reason }
    : { date: fromEpochDay(r.day), provisional: false };
}
