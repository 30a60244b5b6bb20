import { type Bilingual, BilingualSchema } from '@banli/schemas';
import { z } from 'zod';
import { isIsoDate } from './dates/isoDate.js';
import { isWeekend, toEpochDay } from './internal/epochDay.js';

/** Adds a custom zod issue carrying zh-CN/en messages in `params`. */
function bilingualIssue(ctx: z.RefinementCtx, path: PropertyKey[], messages: Bilingual): void {
  ctx.addIssue({ code: 'custom', message: messages.en, path, params: { messages } });
}

const isoDate = z.string().superRefine((value, ctx) => {
  if (!isIsoDate(value)) {
    bilingualIssue(ctx, [], {
      'zh-CN': `“${value}”不是真实存在的 YYYY-MM-DD 日期`,
      en: `'${value}' is not a real YYYY-MM-DD date`,
    });
  }
});

const text = z.string().trim().min(1);

/** Zod schema of a rest period; `start` must not be after `end`, and a block lasts at most 60 days. */
export const HolidayBlockSchema = z
  .strictObject({
    name: text,
    label: BilingualSchema,
    start: isoDate,
    end: isoDate,
    makeUpWorkdays: z.array(isoDate).optional(),
    source: text.optional(),
  })
  .superRefine((b, ctx) => {
    if (!isIsoDate(b.start) || !isIsoDate(b.end)) return;
    const days = toEpochDay(b.end) - toEpochDay(b.start) + 1;
    if (days < 1) {
      bilingualIssue(ctx, ['end'], {
        'zh-CN': `假期“${b.name}”的结束日 ${b.end} 早于开始日 ${b.start}`,
        en: `holiday '${b.name}' ends (${b.end}) before it starts (${b.start})`,
      });
    } else if (days > 60) {
      bilingualIssue(ctx, ['end'], {
        'zh-CN': `假期“${b.name}”长达 ${days} 天，超过 60 天上限，请拆分`,
        en: `holiday '${b.name}' lasts ${days} days, more than the 60-day limit; split it`,
      });
    }
  });

const yearOf = (date: string) => Number(date.slice(0, 4));

/** Zod schema of one year's arrangement: dates lie in that year or the adjacent ones; make-up days are weekend days outside rest periods. */
export const CalendarYearSchema = z
  .strictObject({
    year: z.number().int().min(1000).max(9998),
    source: text,
    holidays: z.array(HolidayBlockSchema),
    makeUpWorkdays: z.array(isoDate),
    notes: text.optional(),
  })
  .superRefine((y, ctx) => {
    const near = (d: string) => Math.abs(yearOf(d) - y.year) <= 1;
    y.holidays.forEach((b, i) => {
      for (const key of ['start', 'end'] as const) {
        if (isIsoDate(b[key]) && !near(b[key])) {
          bilingualIssue(ctx, ['holidays', i, key], {
            'zh-CN': `${y.year} 年安排中的日期 ${b[key]} 不在该年或相邻年份内`,
            en: `date ${b[key]} in the ${y.year} arrangement is not in that year or an adjacent one`,
          });
        }
      }
    });
    y.holidays.forEach((b, i) => {
      (b.makeUpWorkdays ?? []).forEach((d, j) => {
        if (!y.makeUpWorkdays.includes(d)) {
          bilingualIssue(ctx, ['holidays', i, 'makeUpWorkdays', j], {
            'zh-CN': `假期“${b.name}”的调休上班日 ${d} 未列入该年的 makeUpWorkdays`,
            en: `make-up day ${d} of holiday '${b.name}' is missing from the year's makeUpWorkdays`,
          });
        }
      });
    });
    const seen = new Set<string>();
    y.makeUpWorkdays.forEach((d, i) => {
      if (!isIsoDate(d)) return;
      const path = ['makeUpWorkdays', i];
      if (!near(d)) {
        bilingualIssue(ctx, path, {
          'zh-CN': `${y.year} 年安排中的调休上班日 ${d} 不在该年或相邻年份内`,
          en: `make-up working day ${d} in the ${y.year} arrangement is not in that year or an adjacent one`,
        });
      }
      if (!isWeekend(toEpochDay(d))) {
        bilingualIssue(ctx, path, {
          'zh-CN': `调休上班日 ${d} 不是星期六或星期日`,
          en: `make-up working day ${d} is not a Saturday or Sunday`,
        });
      }
      if (seen.has(d)) {
        bilingualIssue(ctx, path, { 'zh-CN': `调休上班日 ${d} 重复`, en: `make-up working day ${d} is listed twice` });
      }
      seen.add(d);
      const inside = y.holidays.find((b) => isIsoDate(b.start) && isIsoDate(b.end) && b.start <= d && d <= b.end);
      if (inside) {
        bilingualIssue(ctx, path, {
          'zh-CN': `调休上班日 ${d} 落在假期“${inside.name}”（${inside.start}–${inside.end}）之内`,
          en: `make-up working day ${d} lies inside holiday '${inside.name}' (${inside.start} – ${inside.end})`,
        });
      }
    });
  });

/** Zod schema of the plain data accepted by `defineCalendar`. */
export const CalendarDefinitionSchema = z.strictObject({
  id: text,
  version: text,
  label: BilingualSchema,
  years: z.array(CalendarYearSchema).min(1),
  extraHolidays: z.array(HolidayBlockSchema).optional(),
  extraWorkdays: z.array(isoDate).optional(),
});

/** Zod schema of the extension accepted by `extendCalendar`. */
export const CalendarExtensionSchema = z.strictObject({
  id: text,
  version: text,
  label: BilingualSchema.optional(),
  years: z.array(CalendarYearSchema).optional(),
  extraHolidays: z.array(HolidayBlockSchema).optional(),
  extraWorkdays: z.array(isoDate).optional(),
});
