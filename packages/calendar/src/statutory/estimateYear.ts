import type { Bilingual } from '@banli/schemas';
import { chinaHolidayLabels } from '../data/chinaMainland/labels.js';
import { fromEpochDay, isWeekend, toEpochDay } from '../internal/epochDay.js';
import type { CalendarYear, HolidayBlock } from '../types.js';
import { statutoryDays, statutoryRulesFor } from './statutoryDays.js';

/** The marker every estimated year's `source` starts with. */
const ESTIMATE_MARK = '推算';

interface Festival {
  name: string;
  days: number[];
}

function blockOf(names: string[], from: number, to: number, source: string): HolidayBlock {
  const name =
    names.length === 1 ? (names[0] as string) : names.includes('midAutumn') ? 'midAutumnNationalDay' : names.join('+');
  const known = (chinaHolidayLabels as Record<string, Bilingual>)[name];
  const label = known ?? {
    'zh-CN': names.map((n) => (chinaHolidayLabels as Record<string, Bilingual>)[n]?.['zh-CN'] ?? n).join('、'),
    en: names.map((n) => (chinaHolidayLabels as Record<string, { en: string }>)[n]?.en ?? n).join(' and '),
  };
  return {
    name,
    label: { 'zh-CN': label['zh-CN'], en: label.en },
    start: fromEpochDay(from),
    end: fromEpochDay(to),
    source,
  };
}

/**
 * Estimates a year's rest days from the 全国年节及纪念日放假办法 alone, for years no State Council notice covers yet.
 *
 * Every statutory day (see {@link statutoryDays}) on a Monday–Friday is a rest day; one that falls on a Saturday or
 * Sunday, or on a day already resting for another festival, is compensated (补假, art. 6) on the next working day after
 * its festival. No 调休 (weekend days swapped for bridge days) is guessed: a notice swaps rest days and make-up days one
 * for one, so the estimate gives the exact working-day count over any span that contains a whole holiday block with
 * its make-up days, and can be off by a few days for a due date that falls inside or right next to a block (where a
 * notice will bridge a gap or put a make-up Saturday).
 *
 * @throws RangeError outside 2008–2099.
 * @example
 * ```ts
 * estimateStatutoryYear(2027).holidays.find((b) => b.name === 'springFestival');
 * // { start: '2027-02-05', end: '2027-02-10', … } — 除夕 to 初三, 初一/初二 on a weekend compensated on 02-09 and 02-10
 * ```
 */
export function estimateStatutoryYear(year: number): CalendarYear {
  return structuredClone(sharedEstimate(year));
}

/** The estimate of a year, computed once per process; callers must not modify it. */
export function sharedEstimate(year: number): CalendarYear {
  let y = estimates.get(year);
  if (y === undefined) {
    y = estimate(year);
    estimates.set(year, y);
  }
  return y;
}

// Estimates are pure functions of the year: computed once per process and shared by every calendar's index.
const estimates = new Map<number, CalendarYear>();

function estimate(year: number): CalendarYear {
  const days = statutoryDays(year);
  const rules = statutoryRulesFor(year);
  const source = `${ESTIMATE_MARK}（非放假通知）：${rules?.citation ?? ''}；补假置于节后第一个工作日，未推测调休`;
  const festivals: Festival[] = [];
  for (const d of days) {
    const last = festivals.find((f) => f.name === d.holiday);
    if (last) last.days.push(toEpochDay(d.date));
    else festivals.push({ name: d.holiday, days: [toEpochDay(d.date)] });
  }
  const rest = new Set<number>();
  const ranges: { names: string[]; from: number; to: number }[] = [];
  for (const f of festivals) {
    let owed = 0;
    for (const d of f.days) {
      if (isWeekend(d) || rest.has(d)) owed++;
      else rest.add(d);
    }
    let to = f.days[f.days.length - 1] as number;
    for (let c = to + 1; owed > 0; c++) {
      if (isWeekend(c) || rest.has(c)) continue;
      rest.add(c);
      to = c;
      owed--;
    }
    const from = f.days[0] as number;
    const overlap = ranges.find((r) => from <= r.to && r.from <= to);
    if (overlap) {
      overlap.names.push(f.name);
      overlap.from = Math.min(overlap.from, from);
      overlap.to = Math.max(overlap.to, to);
    } else {
      ranges.push({ names: [f.name], from, to });
    }
  }
  return {
    year,
    source,
    holidays: ranges.map((r) => blockOf(r.names, r.from, r.to, source)),
    makeUpWorkdays: [],
    notes: 'Estimated from the statutory holiday rules: 补假 on the next working day after each festival; no 调休.',
  };
}

/** Whether a calendar year is a statutory estimate rather than a published notice. */
export function isEstimatedYear(y: Pick<CalendarYear, 'source'>): boolean {
  return y.source.startsWith(ESTIMATE_MARK);
}
