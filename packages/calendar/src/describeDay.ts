import { resolveCoverage } from './coverage.js';
import { indexFor } from './internal/dayIndex.js';
import { rawDayInfo, relatedHoliday } from './internal/dayInfo.js';
import { toEpochDay } from './internal/epochDay.js';
import type { Calendar, CoverageOptions, HolidayBlock, IsoDate } from './types.js';

/** What a calendar says about one day. */
export interface DayDescription {
  date: IsoDate;
  working: boolean;
  /** `makeUpWorkday` is a weekend day worked under a notice (调休); `extraWorkday` comes from an extension layer. */
  kind: 'weekday' | 'weekend' | 'holiday' | 'makeUpWorkday' | 'extraWorkday';
  /** The rest period a holiday belongs to, or the one a make-up day was swapped for. */
  holiday?: HolidayBlock;
  /** The notice or layer behind a holiday or make-up day. */
  source?: string;
  /** True outside the covered years (then only Monday–Friday is known). */
  provisional: boolean;
}

/**
 * Describes a day: working or not, and why (weekend, which holiday, which 调休 notice).
 *
 * @throws CalendarCoverageError outside the covered years unless `{ uncovered: 'provisional' }`.
 * @example
 * ```ts
 * describeDay(chinaMainland, '2023-10-07'); // { working: true, kind: 'makeUpWorkday', holiday: { name: 'midAutumnNationalDay', … }, … }
 * ```
 */
export function describeDay(cal: Calendar, date: IsoDate, opts?: CoverageOptions): DayDescription {
  const idx = indexFor(cal, opts?.uncovered);
  const day = toEpochDay(date);
  const info = rawDayInfo(idx, day);
  if (!info.covered) resolveCoverage(cal, day < idx.coveredBase ? 1 : 2, date, opts);
  const out: DayDescription = { date, working: info.working, kind: info.kind, provisional: !info.covered };
  if (info.block) {
    out.holiday = info.block.block;
    out.source = info.block.source;
  }
  if (info.noticeYear !== undefined) {
    const year = cal.years.get(info.noticeYear);
    const related = relatedHoliday(year, day);
    if (related) out.holiday = related;
    if (year) out.source = year.source;
  }
  const layer = info.layerIndex === undefined ? undefined : cal.layers[info.layerIndex];
  if (layer) out.source = `${layer.id}@${layer.version}`;
  return out;
}
