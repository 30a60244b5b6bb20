import { type DayIndex, isWorkingKind } from '../internal/dayIndex.js';
import { civilFromDays, daysFromCivil, daysInMonth, isWeekend } from '../internal/epochDay.js';
import { shiftWorkingDays } from '../internal/shift.js';
import type { DeadlineRule } from './deadlineRule.js';

/** Internal result of applying a rule, kept rich enough for explanations. */
export interface Evaluated {
  rule: DeadlineRule;
  start: number;
  /** The date the rule lands on before any roll-forward. */
  raw: number;
  due: number;
  /** Bit flags: 1 = needed days before coverage, 2 = after coverage. */
  uncovered: number;
  /** For `months`/`fixedDate`: the day of month was clamped to the month's end. */
  clamped: boolean;
  /** For `fixedDate`: the start was past this year's date, so next year's was used. */
  nextYear: boolean;
  /** For `earliest`/`latest`: each sub-rule's result and the index chosen. */
  children?: Evaluated[];
  chosen?: number;
}

/** Working-day status of one day and whether it was outside coverage. */
function statusAt(idx: DayIndex, day: number): { working: boolean; uncovered: number } {
  if (day < idx.base) return { working: !isWeekend(day), uncovered: 1 };
  if (day >= idx.end) return { working: !isWeekend(day), uncovered: 2 };
  const uncovered = day < idx.coveredBase ? 1 : day >= idx.coveredEnd ? 2 : 0;
  return { working: isWorkingKind(idx.kind[day - idx.base] as number), uncovered };
}

function addMonthsDay(start: number, months: number): { day: number; clamped: boolean } {
  const [y, m, d] = civilFromDays(start);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const dim = daysInMonth(year, month);
  return { day: daysFromCivil(year, month, Math.min(d, dim)), clamped: d > dim };
}

function fixedDateDay(start: number, monthDay: string): { day: number; clamped: boolean; nextYear: boolean } {
  const month = Number(monthDay.slice(0, 2));
  const dayOfMonth = Number(monthDay.slice(3, 5));
  const at = (year: number) => daysFromCivil(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
  const [y] = civilFromDays(start);
  const thisYear = at(y);
  const year = thisYear >= start ? y : y + 1;
  return { day: at(year), clamped: dayOfMonth > daysInMonth(year, month), nextYear: year !== y };
}

function make(
  rule: DeadlineRule,
  start: number,
  raw: number,
  due: number,
  uncovered: number,
  clamped = false,
  nextYear = false,
): Evaluated {
  return { rule, start, raw, due, uncovered, clamped, nextYear };
}

function landed(
  idx: DayIndex,
  rule: DeadlineRule,
  start: number,
  raw: number,
  roll: boolean,
  clamped = false,
  nextYear = false,
): Evaluated {
  if (!roll) return make(rule, start, raw, raw, 0, clamped, nextYear);
  const s = statusAt(idx, raw);
  if (s.working) return make(rule, start, raw, raw, s.uncovered, clamped, nextYear);
  const next = shiftWorkingDays(idx, raw, 1);
  return make(rule, start, raw, next.day, s.uncovered | next.uncovered, clamped, nextYear);
}

/** Applies a (validated) rule to a start day. */
export function evaluateRule(idx: DayIndex, rule: DeadlineRule, start: number): Evaluated {
  switch (rule.kind) {
    case 'workingDays': {
      const r = shiftWorkingDays(idx, start, rule.days);
      return make(rule, start, r.day, r.day, r.uncovered);
    }
    case 'calendarDays':
      return landed(idx, rule, start, start + rule.days, rule.rollForward === true);
    case 'months': {
      const m = addMonthsDay(start, rule.months);
      return landed(idx, rule, start, m.day, rule.rollForward === true, m.clamped);
    }
    case 'fixedDate': {
      const f = fixedDateDay(start, rule.monthDay);
      return landed(idx, rule, start, f.day, rule.rollForward === true, f.clamped, f.nextYear);
    }
    case 'earliest':
    case 'latest': {
      const children = rule.rules.map((r) => evaluateRule(idx, r, start));
      let chosen = 0;
      children.forEach((c, i) => {
        const best = children[chosen] as Evaluated;
        if (rule.kind === 'earliest' ? c.due < best.due : c.due > best.due) chosen = i;
      });
      const pick = children[chosen] as Evaluated;
      const uncovered = children.reduce((acc, c) => acc | c.uncovered, 0);
      const e = make(rule, start, pick.due, pick.due, uncovered);
      e.children = children;
      e.chosen = chosen;
      return e;
    }
  }
}
