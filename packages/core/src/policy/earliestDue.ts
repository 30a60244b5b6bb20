import { addCalendarDays, addMonths } from '@banli/calendar';
import type { IsoDate } from '../domain.js';
import type { DeadlineRule } from './deadlineRule.js';

/**
 * The earliest a rule can fall due from `start`, without a calendar: the plain date arithmetic before any roll to a
 * working day (working days count at least as calendar days). Used to compare periods — a period counted from the
 * session's close against the assignment, an extension against the policy's maximum — never as a due date.
 */
export function earliestDue(rule: DeadlineRule, start: IsoDate): IsoDate {
  switch (rule.kind) {
    case 'months':
      return addMonths(start, rule.months);
    case 'calendarDays':
    case 'workingDays':
      return addCalendarDays(start, rule.days);
    case 'fixedDate': {
      const same = `${start.slice(0, 4)}-${rule.monthDay}`;
      return same >= start ? same : `${Number(start.slice(0, 4)) + 1}-${rule.monthDay}`;
    }
    case 'earliest':
      return rule.rules.map((r) => earliestDue(r, start)).sort()[0] as IsoDate;
    case 'latest':
      return rule.rules
        .map((r) => earliestDue(r, start))
        .sort()
        .at(-1) as IsoDate;
  }
}
