import type { Bilingual } from '@banli/schemas';
import { formatChineseDate } from './dates/formatChineseDate.js';
import { dayIndexOf } from './internal/dayIndex.js';
import { rawDayInfo } from './internal/dayInfo.js';
import { fromEpochDay, toEpochDay } from './internal/epochDay.js';
import { computeDueDate } from './rules/computeDueDate.js';
import type { DeadlineRule } from './rules/deadlineRule.js';
import type { Calendar, CoverageOptions, IsoDate } from './types.js';
import { workingDaysBetween } from './workingDaysBetween.js';

/** An in-flight deadline as recorded: its rule, start and the due date computed earlier. */
export interface TrackedDeadline {
  id: string;
  rule: DeadlineRule;
  start: IsoDate;
  due: IsoDate;
}

/** How one deadline is affected by a calendar correction. */
export interface CalendarChange {
  id: string;
  rule: DeadlineRule;
  start: IsoDate;
  /** The recorded due date. */
  oldDue: IsoDate;
  /** The due date recomputed with the old calendar (differs from `oldDue` if the record was computed otherwise). */
  oldComputedDue: IsoDate;
  /** The due date under the new calendar. */
  newDue: IsoDate;
  /** Whether the due date moves. */
  moved: boolean;
  /** `newDue - oldDue` in calendar days (positive = later). */
  calendarDays: number;
  /** Working days from `oldDue` to `newDue` under the new calendar (positive = later). */
  workingDays: number;
  /** Provisional under the old / new calendar (e.g. a newly added year confirms a provisional date). */
  oldProvisional: boolean;
  newProvisional: boolean;
  from: { calendarId: string; calendarVersion: string };
  to: { calendarId: string; calendarVersion: string };
  text: Bilingual;
}

function describeChange(c: Omit<CalendarChange, 'text'>): Bilingual {
  if (!c.moved) {
    const zh = c.newProvisional ? '变为临时结果' : '已由临时结果变为确定';
    const en = c.newProvisional ? 'now provisional' : 'no longer provisional';
    return {
      'zh-CN': `期限 ${c.id}：届满日 ${formatChineseDate(c.newDue)} 不变，${zh}`,
      en: `Deadline ${c.id}: due date ${c.newDue} unchanged, ${en}`,
    };
  }
  const later = c.calendarDays > 0;
  const cd = Math.abs(c.calendarDays);
  const wd = Math.abs(c.workingDays);
  return {
    'zh-CN': `期限 ${c.id}：届满日由 ${formatChineseDate(c.oldDue)} 变为 ${formatChineseDate(c.newDue)}（${later ? '推迟' : '提前'} ${cd} 个自然日、${wd} 个工作日）`,
    en: `Deadline ${c.id}: due date moves from ${c.oldDue} to ${c.newDue} (${cd} calendar day${cd === 1 ? '' : 's'}, ${wd} working day${wd === 1 ? '' : 's'} ${later ? 'later' : 'earlier'})`,
  };
}

/**
 * Recomputes in-flight deadlines under a corrected calendar and reports those whose due date moves (or whose provisional flag changes).
 * Uncovered days never throw here: they are estimated as `opts.uncovered` says (the statutory estimate by default, as the
 * machines compute) and reported through the provisional flags.
 *
 * @example
 * ```ts
 * compareCalendars(chinaMainland, corrected, [{ id: 'reply', rule: { kind: 'workingDays', days: 15 }, start: '2026-09-20', due: '2026-10-16' }]);
 * ```
 */
export function compareCalendars(
  oldCal: Calendar,
  newCal: Calendar,
  deadlines: readonly TrackedDeadline[],
  opts: { uncovered: 'statutory' | 'provisional' } = { uncovered: 'statutory' },
): CalendarChange[] {
  const changes: CalendarChange[] = [];
  const mode: CoverageOptions = { uncovered: opts.uncovered };
  for (const d of deadlines) {
    const before = computeDueDate(oldCal, d.rule, d.start, mode);
    const after = computeDueDate(newCal, d.rule, d.start, mode);
    const moved = after.due !== d.due;
    if (!moved && before.provisional === after.provisional) continue;
    const change = {
      id: d.id,
      rule: d.rule,
      start: d.start,
      oldDue: d.due,
      oldComputedDue: before.due,
      newDue: after.due,
      moved,
      calendarDays: toEpochDay(after.due) - toEpochDay(d.due),
      workingDays: workingDaysBetween(newCal, d.due, after.due, mode),
      oldProvisional: before.provisional,
      newProvisional: after.provisional,
      from: { calendarId: oldCal.id, calendarVersion: oldCal.version },
      to: { calendarId: newCal.id, calendarVersion: newCal.version },
    };
    changes.push({ ...change, text: describeChange(change) });
  }
  return changes;
}

/** One day whose working status or reason differs between two calendars. */
export interface CalendarDayDifference {
  date: IsoDate;
  before: { working: boolean; kind: string; holiday?: string; covered: boolean };
  after: { working: boolean; kind: string; holiday?: string; covered: boolean };
}

/**
 * Lists every day, over both calendars' covered years, whose working status or kind differs (what a correction changed);
 * a year that merely becomes covered shows only its holidays and make-up days.
 *
 * @example
 * ```ts
 * diffCalendars(chinaMainland, corrected).map((d) => d.date);
 * ```
 */
export function diffCalendars(oldCal: Calendar, newCal: Calendar): CalendarDayDifference[] {
  const a = dayIndexOf(oldCal);
  const b = dayIndexOf(newCal);
  const out: CalendarDayDifference[] = [];
  const side = (info: ReturnType<typeof rawDayInfo>) => {
    const s: CalendarDayDifference['before'] = { working: info.working, kind: info.kind, covered: info.covered };
    if (info.block) s.holiday = info.block.block.name;
    return s;
  };
  for (let d = Math.min(a.base, b.base); d < Math.max(a.end, b.end); d++) {
    const x = rawDayInfo(a, d);
    const y = rawDayInfo(b, d);
    if (x.working !== y.working || x.kind !== y.kind) {
      out.push({ date: fromEpochDay(d), before: side(x), after: side(y) });
    }
  }
  return out;
}
