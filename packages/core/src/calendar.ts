import type { Deadline } from './deadlines.js';
import type { IsoDate } from './domain.js';
import { BanliCoreError } from './errors.js';
import type { DeadlineRule } from './policy/deadlineRule.js';

/** The calendar as stored in context: only its id and version (the data itself is large). */
export interface CalendarRef {
  id: string;
  version: string;
}

/** A computed due date, as returned by `@banli/calendar`'s `computeDueDate`. */
export interface ResolvedDueDate {
  due: IsoDate;
  provisional: boolean;
  calendarId: string;
  calendarVersion: string;
}

/** Computes a due date from a rule and a start date with one calendar. */
export type DueDateResolver = (rule: DeadlineRule, start: IsoDate) => ResolvedDueDate;

/** Fills in the due date of every deadline opened without one. */
export function fillDueDates(deadlines: Deadline[], resolve: DueDateResolver): Deadline[] {
  return deadlines.map((d) => {
    if (d.due !== '') return d;
    const r = resolve(d.rule, d.start);
    return {
      ...d,
      due: r.due,
      provisional: r.provisional,
      calendarId: r.calendarId,
      calendarVersion: r.calendarVersion,
    };
  });
}

/** Whether some deadline still waits for its due date. */
export function hasUncomputedDueDates(deadlines: Deadline[]): boolean {
  return deadlines.some((d) => d.due === '');
}

/** The default resolver: refuses, because the machine was not given a calendar. */
export function missingCalendar(ref: CalendarRef): DueDateResolver {
  return () => {
    throw new BanliCoreError('calendar_not_provided', {
      'zh-CN': `未提供工作日历 ${ref.id}@${ref.version}：请使用 withCalendar(machine, calendar)`,
      en: `No calendar ${ref.id}@${ref.version} was provided: use withCalendar(machine, calendar)`,
    });
  };
}
