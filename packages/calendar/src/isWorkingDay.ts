import { resolveCoverage } from './coverage.js';
import { DayKind, indexFor } from './internal/dayIndex.js';
import { isWeekend, toEpochDay } from './internal/epochDay.js';
import type { Calendar, CoverageOptions, IsoDate } from './types.js';

/**
 * Tells whether a date is a working day: Monday–Friday outside holidays, plus make-up working days (调休).
 *
 * @throws CalendarCoverageError for a date outside the covered years unless `{ uncovered: 'provisional' }` (then Monday–Friday).
 * @example
 * ```ts
 * isWorkingDay(chinaMainland, '2023-10-07'); // true: a Saturday worked for 国庆节
 * ```
 */
export function isWorkingDay(cal: Calendar, date: IsoDate, opts?: CoverageOptions): boolean {
  const idx = indexFor(cal, opts?.uncovered);
  const day = toEpochDay(date);
  if (day < idx.coveredBase || day >= idx.coveredEnd) {
    resolveCoverage(cal, day < idx.coveredBase ? 1 : 2, date, opts);
    if (day < idx.base || day >= idx.end) return !isWeekend(day);
  }
  const kind = idx.kind[day - idx.base];
  return kind === DayKind.weekday || kind === DayKind.makeUpWorkday || kind === DayKind.extraWorkday;
}
