import { z } from 'zod';
import { isoDateField } from './isoDate.js';
import type { Bilingual } from './label.js';
import { bilingual } from './meta.js';

const positiveInt = (zh: string, en: string, zhD: string, enD: string) =>
  z
    .number()
    .int()
    .min(1)
    .meta(bilingual(zh, en, zhD, enD));

/** The plenary a proposal was filed at: term (届) and meeting (次), e.g. 十三届二次 → `{ term: 13, meeting: 2 }`. */
export const SessionSchema = z
  .strictObject({
    term: positiveInt('届次', 'Term', '第几届，如十三届为 13。', 'The term number, e.g. 13 for 十三届.'),
    meeting: positiveInt(
      '会议次数',
      'Meeting',
      '第几次会议，如二次会议为 2。',
      'The plenary meeting within the term, e.g. 2.',
    ),
    year: z
      .number()
      .int()
      .min(1949)
      .max(2999)
      .meta(bilingual('会议年份', 'Year', '会议召开的公历年份。', 'Calendar year of the plenary.'))
      .optional(),
    closedOn: isoDateField(
      '闭幕日期',
      'Closing day',
      '大会闭幕的日期；有的办理规则从这一天起计算大会期间提出事项的答复期限（如重庆，S13）。',
      'The day the plenary closed; some rules count the reply period of items filed at it from this day (Chongqing, S13).',
    ).optional(),
  })
  .meta(bilingual('会议届次', 'Session', '提出提案或建议的大会届次。', 'The plenary session the item was filed at.'));

/** The plenary a proposal was filed at. */
export type Session = z.infer<typeof SessionSchema>;

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Writes 1–99 in Chinese numerals as used for 届/次 (13 → 十三, 20 → 二十). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensText = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return tensText + (ones === 0 ? '' : DIGITS[ones]);
}

const ordinal = (n: number) => {
  const v = n % 100;
  const suffix = v >= 11 && v <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/**
 * Names a session in both languages.
 *
 * @example
 * ```ts
 * sessionLabel({ term: 13, meeting: 2 }); // { 'zh-CN': '十三届二次会议', en: '2nd meeting of the 13th term' }
 * ```
 */
export function sessionLabel(session: Pick<Session, 'term' | 'meeting'>): Bilingual {
  return {
    'zh-CN': `${chineseNumeral(session.term)}届${chineseNumeral(session.meeting)}次会议`,
    en: `${ordinal(session.meeting)} meeting of the ${ordinal(session.term)} term`,
  };
}
