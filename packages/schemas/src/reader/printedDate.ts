import { isRealIsoDate } from '../isoDate.js';

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  O: 0,
  o: 0,
  Ｏ: 0,
  '○': 0,
  '0': 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 … 三十一 → 1 … 31 (十 alone is 10, 二十 20, 十五 15, 二十六 26). */
function smallNumber(s: string): number | undefined {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const m = /^([一二三]?)(十?)([一二三四五六七八九]?)$/u.exec(s);
  if (!m || s === '') return undefined;
  const [, tens = '', ten = '', ones = ''] = m;
  if (ten === '' && tens !== '') return undefined;
  const t = ten ? (tens ? (DIGIT[tens] ?? 0) : 1) : 0;
  return t * 10 + (ones ? (DIGIT[ones] ?? 0) : 0);
}

const YEAR_DIGITS = '〇零Oo○Ｏ0一二三四五六七八九';
const CN_DATE = new RegExp(
  `([${YEAR_DIGITS}]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日`,
  'u',
);
const AR_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;

/** A date found in printed text: the text as printed and the ISO date it means. */
export interface PrintedDate {
  text: string;
  iso: string;
  index: number;
}

/**
 * Finds the first date printed in Arabic (2023年6月30日) or Chinese numerals (二〇一七年五月二十六日, also with 0, O or ○
 * for 〇 as pages print it: 二0一七年, 二OO八年六月十九日). Returns nothing for a date that is not a real calendar day.
 *
 * @example
 * ```ts
 * findPrintedDate('二OO八年六月十九日')?.iso; // '2008-06-19'
 * ```
 */
export function findPrintedDate(text: string): PrintedDate | undefined {
  const ar = AR_DATE.exec(text);
  const cn = CN_DATE.exec(text);
  const first = ar && cn ? (ar.index <= cn.index ? ar : cn) : (ar ?? cn);
  if (!first) return undefined;
  let y: number;
  let mo: number | undefined;
  let d: number | undefined;
  if (first === ar) {
    y = Number(first[1]);
    mo = Number(first[2]);
    d = Number(first[3]);
  } else {
    y = Number([...(first[1] ?? '')].map((c) => DIGIT[c] ?? 0).join(''));
    mo = smallNumber(first[2] ?? '');
    d = smallNumber(first[3] ?? '');
  }
  if (mo === undefined || d === undefined) return undefined;
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isRealIsoDate(iso) ? { text: first[0], iso, index: first.index } : undefined;
}

/**
 * A date printed as digits only, its 年 月 日 lost on the page: “20211026” (镇坪), “2017823” (西双版纳), “2024425”
 * (柳州). A year from 1949 to 2099, then a month and a day of one or two digits each; the date is read only when exactly
 * one way of splitting the digits after the year makes a real day (“2017823” is 8-23: a month 82 does not exist;
 * “2021111” could be 1-11 or 11-1 and is not read). The 日 may be kept (“2021716日”, 蓬溪; “2023930日”, 峄城).
 *
 * @example
 * ```ts
 * digitsDate('2017823'); // '2017-08-23'
 * ```
 */
export function digitsDate(line: string): string | undefined {
  const m = /^((?:19[4-9]|20\d)\d)(\d{2,4})日?$/u.exec(line);
  if (!m) return undefined;
  const [, year = '', rest = ''] = m;
  const found = new Set<string>();
  for (let cut = 1; cut <= 2; cut++) {
    const mo = rest.slice(0, cut);
    const d = rest.slice(cut);
    if (d.length < 1 || d.length > 2) continue;
    const iso = `${year}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    if (isRealIsoDate(iso)) found.add(iso);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
