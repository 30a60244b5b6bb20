import { CalendarError } from './errors.js';
import { extendCalendar } from './extendCalendar.js';
import { dayIndexOf } from './internal/dayIndex.js';
import { fromEpochDay, toEpochDay } from './internal/epochDay.js';
import type { Calendar, CalendarYear } from './types.js';

/** Thrown when a year is already covered by the calendar with different days (a conflicting notice). */
export class CalendarYearConflictError extends CalendarError {
  declare readonly code: 'calendar_year_conflict';
  /** The year. */
  readonly year: number;
  /** The first days whose working status differs. */
  readonly differingDays: readonly string[];

  constructor(cal: Calendar, year: number, differingDays: readonly string[]) {
    const days = differingDays.slice(0, 5).join('、');
    super('calendar_year_conflict', {
      'zh-CN': `日历 ${cal.id}@${cal.version} 已收录 ${year} 年的放假安排，新通知与之不同（${days} 等 ${differingDays.length} 天）；如为更正，请用 extendCalendar 替换该年并更新版本。日历未改变。`,
      en: `Calendar ${cal.id}@${cal.version} already covers ${year} and the new notice differs (${days}, ${differingDays.length} day(s)); for a correction, replace the year with extendCalendar and a new version. The calendar is unchanged.`,
    });
    this.name = 'CalendarYearConflictError';
    this.year = year;
    this.differingDays = differingDays;
  }
}

function workingDays(cal: Calendar, year: number): Map<string, boolean> {
  const idx = dayIndexOf(cal);
  const out = new Map<string, boolean>();
  const from = toEpochDay(`${year}-01-01`);
  const to = toEpochDay(`${year}-12-31`);
  for (let d = from; d <= to; d++) {
    const k = idx.kind[d - idx.base] as number;
    out.set(fromEpochDay(d), k === 0 || k === 3 || k === 4);
  }
  return out;
}

/**
 * Adds the next (or previous) year's notice to a calendar: a new calendar with the same id and a new version; the
 * given one is unchanged. Adding a year the calendar already has with the same days is a no-op (`added: false`).
 *
 * @throws CalendarYearConflictError when the year is covered with different days.
 * @throws CalendarDefinitionError when the year is invalid or not adjacent to the covered years.
 * @example
 * ```ts
 * const { calendar } = addCalendarYear(chinaMainland, noticeToCalendarYear(parseHolidayNotice(text)));
 * ```
 */
export function addCalendarYear(
  cal: Calendar,
  year: CalendarYear,
  options: { version?: string } = {},
): { calendar: Calendar; added: boolean } {
  if (cal.years.has(year.year)) {
    const candidate = extendCalendar(cal, { id: cal.id, version: `${cal.version}~check`, years: [year] });
    const a = workingDays(cal, year.year);
    const b = workingDays(candidate, year.year);
    const differing = [...a.keys()].filter((d) => a.get(d) !== b.get(d));
    if (differing.length > 0) throw new CalendarYearConflictError(cal, year.year, differing);
    return { calendar: cal, added: false };
  }
  const version = options.version ?? `${cal.version}+${year.year}`;
  return { calendar: extendCalendar(cal, { id: cal.id, version, years: [year] }), added: true };
}
