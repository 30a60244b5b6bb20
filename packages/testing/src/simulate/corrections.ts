import { addCalendarDays as addDays, type Calendar, extendCalendar, isWorkingDay } from '@banli/calendar';
import type { Random } from '../prng.js';

/** A change of the holiday table announced on a day of the simulated year (the simulator's `calendarCorrections`). */
export interface CalendarCorrection {
  /** The day the correction is applied, before that day's scheduler run. */
  on: string;
  /** The days whose status changes: working days become rest days, or rest days make-up working days. */
  days: string[];
  /** The corrected calendar built on the one in force. */
  apply(calendar: Calendar): Calendar;
}

/**
 * Draws `count` corrections of `calendar` in `year`: each announced on a day from March to November and changing the
 * days of a stretch of one to seven days that starts from three weeks before to a month after it, so deadlines
 * already passed, met or missed move as well as open ones. Either the stretch's working days become rest days (a
 * closure or a holiday added late), or its rest days become make-up working days (调休, domain.md §7).
 */
export function calendarCorrections(
  rng: Random,
  calendar: Calendar,
  year: number,
  count: number,
): CalendarCorrection[] {
  const out: CalendarCorrection[] = [];
  for (let k = 0; k < count; k++) {
    const on = addDays(`${year}-03-01`, rng.int(0, 274));
    const first = addDays(on, rng.int(-21, 30));
    const stretch = Array.from({ length: rng.int(1, 7) }, (_, i) => addDays(first, i));
    const toRest = rng.chance(0.5);
    const days = stretch.filter((d) => isWorkingDay(calendar, d, { uncovered: 'statutory' }) === toRest);
    if (days.length === 0) continue;
    const id = `${calendar.id}+sim-correction`;
    const version = `${calendar.version}+${k + 1}`;
    const label = { 'zh-CN': '更正休息日', en: 'Corrected rest day' };
    out.push({
      on,
      days,
      apply: (base) =>
        extendCalendar(base, {
          id,
          version,
          ...(toRest
            ? { extraHolidays: days.map((d) => ({ name: 'correction', label, start: d, end: d })) }
            : { extraWorkdays: days }),
        }),
    });
  }
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}
