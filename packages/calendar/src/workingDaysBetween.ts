import { resolveCoverage } from './coverage.js';
import { indexFor } from './internal/dayIndex.js';
import { toEpochDay } from './internal/epochDay.js';
import { workingRank } from './internal/shift.js';
import type { Calendar, CoverageOptions, IsoDate } from './types.js';

/**
 * Counts working days in `(from, to]` (the start not counted, the end counted); negative when `to` is before `from`.
 *
 * @throws CalendarCoverageError when the range leaves the covered years, unless `{ uncovered: 'provisional' }`.
 * @example
 * ```ts
 * workingDaysBetween(chinaMainland, '2023-09-28', '2023-10-08'); // 2 (10-07 and 10-08 were worked)
 * ```
 */
export function workingDaysBetween(cal: Calendar, from: IsoDate, to: IsoDate, opts?: CoverageOptions): number {
  const idx = indexFor(cal, opts?.uncovered);
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const uncovered = lo < idx.coveredBase - 1 && lo !== hi ? 1 : hi >= idx.coveredEnd && lo !== hi ? 2 : 0;
  if (uncovered !== 0) resolveCoverage(cal, uncovered, from, opts);
  return workingRank(idx, b) - workingRank(idx, a);
}
