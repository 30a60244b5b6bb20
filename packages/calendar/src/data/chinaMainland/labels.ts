import type { Bilingual } from '@banli/schemas';
import type { CalendarYear, HolidayBlock, IsoDate } from '../../types.js';

/** Names and zh-CN/en labels of the rest periods in the China-mainland notices. */
export const chinaHolidayLabels = {
  newYear: { 'zh-CN': '元旦', en: "New Year's Day" },
  springFestival: { 'zh-CN': '春节', en: 'Spring Festival' },
  springFestivalExtension: { 'zh-CN': '春节假期延长（疫情防控）', en: 'Spring Festival extension (COVID-19)' },
  qingming: { 'zh-CN': '清明节', en: 'Qingming Festival' },
  labourDay: { 'zh-CN': '劳动节', en: 'Labour Day' },
  dragonBoat: { 'zh-CN': '端午节', en: 'Dragon Boat Festival' },
  midAutumn: { 'zh-CN': '中秋节', en: 'Mid-Autumn Festival' },
  nationalDay: { 'zh-CN': '国庆节', en: 'National Day' },
  midAutumnNationalDay: { 'zh-CN': '中秋节、国庆节', en: 'Mid-Autumn Festival and National Day' },
  victoryDay: {
    'zh-CN': '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日',
    en: '70th anniversary of the victory in the War of Resistance against Japanese Aggression',
  },
} as const satisfies Record<string, Bilingual>;

/** Key of {@link chinaHolidayLabels}. */
export type ChinaHolidayName = keyof typeof chinaHolidayLabels;

/** Builds a holiday block with its standard label, the weekend days worked for it, and an amending notice if any. */
export function block(
  name: ChinaHolidayName,
  start: IsoDate,
  end: IsoDate,
  opts: { work?: IsoDate[]; source?: string } = {},
): HolidayBlock {
  const label = chinaHolidayLabels[name];
  const b: HolidayBlock = { name, label: { 'zh-CN': label['zh-CN'], en: label.en }, start, end };
  if (opts.work) b.makeUpWorkdays = opts.work;
  if (opts.source !== undefined) b.source = opts.source;
  return b;
}

/** Builds a notice year whose make-up days are those listed on its blocks. */
export function noticeYear(y: Omit<CalendarYear, 'makeUpWorkdays'>): CalendarYear {
  const makeUpWorkdays = y.holidays.flatMap((b) => b.makeUpWorkdays ?? []).sort();
  return { ...y, makeUpWorkdays };
}
