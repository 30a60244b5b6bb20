import { type ProvisionalReason, resolveCoverage } from '../coverage.js';
import { indexFor } from '../internal/dayIndex.js';
import { fromEpochDay, toEpochDay } from '../internal/epochDay.js';
import type { Calendar, CoverageOptions, IsoDate } from '../types.js';
import type { DeadlineRule } from './deadlineRule.js';
import { evaluateRule } from './evaluate.js';
import { parseRule } from './parseRule.js';

/** A computed due date with the calendar it was computed against. */
export interface DueDate {
  /** The last day of the period (the deadline is 24:00 of this day). */
  due: IsoDate;
  /** True when the computation relied on days the calendar does not cover (counted as Monday–Friday). */
  provisional: boolean;
  /** Why it is provisional, in zh-CN and en. */
  provisionalReason?: ProvisionalReason;
  calendarId: string;
  calendarVersion: string;
}

/**
 * Applies a deadline rule to a start date (the start day itself is never counted).
 *
 * `fixedDate` gives that day of the start date's year, or of the next year when the start is already past it.
 * `rollForward` moves a due date that falls on a rest day to the next working day (民法典 art. 203).
 *
 * @throws CalendarCoverageError when uncovered days are needed, unless `{ uncovered: 'provisional' }`.
 * @throws InvalidDeadlineRuleError when the rule is malformed.
 * @example
 * ```ts
 * computeDueDate(chinaMainland, { kind: 'workingDays', days: 1 }, '2023-09-28').due; // '2023-10-07'
 * ```
 */
export function computeDueDate(cal: Calendar, rule: DeadlineRule, start: IsoDate, opts?: CoverageOptions): DueDate {
  const e = evaluateRule(indexFor(cal, opts?.uncovered), parseRule(rule), toEpochDay(start));
  const reason = resolveCoverage(cal, e.uncovered, start, opts);
  const result: DueDate = {
    due: fromEpochDay(e.due),
    provisional: reason !== undefined,
    calendarId: cal.id,
    calendarVersion: cal.version,
  };
  if (reason) result.provisionalReason = reason;
  return result;
}
