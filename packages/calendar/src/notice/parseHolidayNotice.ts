import { CalendarYearSchema } from '../calendarSchema.js';
import { type ChinaHolidayName, chinaHolidayLabels } from '../data/chinaMainland/labels.js';
import { daysFromCivil, daysInMonth, fromEpochDay, isoWeekday, isWeekend } from '../internal/epochDay.js';
import type { CalendarYear, HolidayBlock, IsoDate } from '../types.js';
import { HolidayNoticeError } from './noticeErrors.js';

/** Where a notice comes from: its title, document number when printed, and date of issue. */
export interface HolidayNoticeCitation {
  /** E.g. `国务院办公厅关于2024年部分节假日安排的通知`. */
  title: string;
  /** E.g. `国办发明电〔2023〕7号`; absent when the text does not print one. */
  docNumber?: string;
  /** The date under the signature. */
  date: IsoDate;
  /** `title（docNumber，date）`, as used in `CalendarYear.source`. */
  text: string;
}

/** A State Council holiday notice, read. */
export interface HolidayNotice {
  citation: HolidayNoticeCitation;
  /** The year it arranges. */
  year: number;
  /**
   * `arrangement`: the yearly 部分节假日安排 notice (a whole year); `amendment`: a supplementary notice that adjusts,
   * adds or extends rest periods of a year already arranged (2015 纪念日, 2019 劳动节, 2020 春节延长).
   */
  kind: 'arrangement' | 'amendment';
  /** The rest periods it sets, with the weekend days worked for them; each cites the notice. */
  holidays: HolidayBlock[];
  /** For an extension (“延长…春节假期至2月2日”): the holiday extended and its new last day. */
  extensions: { holiday: ChinaHolidayName; until: IsoDate }[];
}

const NAMES: [string, ChinaHolidayName][] = [
  ['中秋节、国庆节', 'midAutumnNationalDay'],
  ['国庆节、中秋节', 'midAutumnNationalDay'],
  ['元旦', 'newYear'],
  ['春节', 'springFestival'],
  ['清明节', 'qingming'],
  ['劳动节', 'labourDay'],
  ['端午节', 'dragonBoat'],
  ['中秋节', 'midAutumn'],
  ['国庆节', 'nationalDay'],
];
const NUMERALS = '一二三四五六七八九十';
const WEEKDAYS = '一二三四五六日';

interface Line {
  no: number;
  text: string;
}

function normalize(raw: string): string {
  return raw
    .replace(/[ \t\u3000\u00a0]/g, '')
    .replace(/:/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '，')
    .replace(/;/g, '；');
}

const fail = (l: Line, zh: string, en: string): never => {
  throw new HolidayNoticeError(l.no, l.text, { 'zh-CN': zh, en });
};

function civil(l: Line, y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    fail(l, `${y}年${m}月${d}日不存在`, `${y}-${m}-${d} is not a real date`);
  }
  return daysFromCivil(y, m, d);
}

const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:（([^）]*)）)?/g;

interface DateRef {
  day: number;
  index: number;
}

/** Every date in a clause; a date without a month takes the previous one's, without a year the notice's. */
function datesIn(l: Line, clause: string, year: number): DateRef[] {
  const out: DateRef[] = [];
  let y = year;
  let m: number | undefined;
  for (const match of clause.matchAll(DATE)) {
    if (match[1]) y = Number(match[1]);
    if (match[2]) m = Number(match[2]);
    if (m === undefined) fail(l, `日期“${match[0]}”缺少月份`, `date '${match[0]}' has no month`);
    const day = civil(l, y, m as number, Number(match[3]));
    const note = match[4] ?? '';
    const wd = /(?:星期|周)([一二三四五六日天])/.exec(note);
    if (wd) {
      const expected = WEEKDAYS.indexOf(wd[1] === '天' ? '日' : (wd[1] as string)) + 1;
      if (isoWeekday(day) !== expected) {
        fail(
          l,
          `${fromEpochDay(day)} 是星期${WEEKDAYS[isoWeekday(day) - 1]}，不是${wd[0]}`,
          `${fromEpochDay(day)} is not a ${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][expected - 1]}`,
        );
      }
    }
    out.push({ day, index: match.index ?? 0 });
  }
  return out;
}

interface Parsed {
  rest: number[];
  work: number[];
  extendUntil?: number;
}

/** Reads one item's sentences: rest days (放假, 补休, 调休), make-up days (上班), the day count (共N天) and extensions. */
function readItem(l: Line, body: string, year: number): Parsed {
  const rest = new Set<number>();
  const work: number[] = [];
  let extendUntil: number | undefined;
  for (const sentence of body.split('。')) {
    if (sentence === '') continue;
    const here = new Set<number>();
    let stated: number | undefined;
    for (const clause of sentence.split(/[，；]/)) {
      const count = /共(\d+)天/.exec(clause);
      if (count) stated = Number(count[1]);
      const dates = datesIn(l, clause, year);
      if (dates.length === 0) continue;
      if (clause.includes('正常上班')) continue;
      if (clause.startsWith('延长')) {
        extendUntil = (dates[dates.length - 1] as DateRef).day;
        continue;
      }
      if (clause.includes('上班')) {
        for (const d of dates) work.push(d.day);
      } else if (/放假|补休|调休/.test(clause)) {
        const range = clause.indexOf('至');
        if (range >= 0 && dates.length === 2) {
          const [a, b] = dates as [DateRef, DateRef];
          if (b.day < a.day) fail(l, '日期区间的结束早于开始', 'the range ends before it starts');
          for (let d = a.day; d <= b.day; d++) here.add(d);
        } else if (dates.length === 1) {
          here.add((dates[0] as DateRef).day);
        } else {
          fail(l, `无法判断“${clause}”中的放假日期`, `cannot tell the rest days in '${clause}'`);
        }
      } else if (!/休息/.test(clause)) {
        fail(
          l,
          `无法判断“${clause}”中的日期是放假还是上班`,
          `cannot tell whether the dates in '${clause}' rest or work`,
        );
      }
    }
    if (stated !== undefined && here.size > 0 && here.size !== stated) {
      fail(
        l,
        `写明共 ${stated} 天，但列出的放假日期为 ${here.size} 天`,
        `it says ${stated} days but lists ${here.size}`,
      );
    }
    for (const d of here) rest.add(d);
  }
  const parsed: Parsed = { rest: [...rest].sort((a, b) => a - b), work };
  if (extendUntil !== undefined) parsed.extendUntil = extendUntil;
  return parsed;
}

/** Splits rest days into blocks; days separated only by weekend days stay in one block (a notice's 补休 after a weekend). */
function runs(days: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const d of days) {
    const last = out[out.length - 1];
    if (last) {
      let bridged = true;
      for (let g = last[1] + 1; g < d; g++) if (!isWeekend(g)) bridged = false;
      if (bridged) {
        last[1] = d;
        continue;
      }
    }
    out.push([d, d]);
  }
  return out;
}

function nameIn(text: string): ChinaHolidayName | undefined {
  if (text.includes('纪念日')) return 'victoryDay';
  return NAMES.find(([zh]) => text.includes(zh))?.[1];
}

function blocksOf(name: ChinaHolidayName, p: Parsed, source: string): HolidayBlock[] {
  const label = chinaHolidayLabels[name];
  return runs(p.rest).map(([from, to], i) => {
    const b: HolidayBlock = {
      name,
      label: { 'zh-CN': label['zh-CN'], en: label.en },
      start: fromEpochDay(from),
      end: fromEpochDay(to),
      source,
    };
    if (i === 0 && p.work.length > 0) b.makeUpWorkdays = [...p.work].sort((a, c) => a - c).map(fromEpochDay);
    return b;
  });
}

/**
 * Reads a State Council holiday notice — the yearly 国务院办公厅关于X年部分节假日安排的通知, or a supplementary notice
 * that adjusts, adds or extends a holiday — from its own text: the title, the document number when printed, the
 * numbered lines (“一、元旦：1月1日（周五）放假…”, “…上班。”) and the date under the signature. Full-width and
 * half-width punctuation are both accepted; 星期/周 notes are checked against the dates.
 *
 * @throws HolidayNoticeError naming the line it could not read (a missing title or date, a date that does not exist,
 * a weekday that does not match, a day count that does not add up, a make-up day that is a rest day); nothing is built.
 * @example
 * ```ts
 * const notice = parseHolidayNotice(text);
 * notice.citation.text; // '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）'
 * noticeToCalendarYear(notice); // a CalendarYear for extendCalendar
 * ```
 */
export function parseHolidayNotice(text: string): HolidayNotice {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new HolidayNoticeError(0, '', { 'zh-CN': '文本为空', en: 'the text is empty' });
  }
  const lines: Line[] = text
    .split(/\r?\n/)
    .map((t, i) => ({ no: i + 1, text: normalize(t) }))
    .filter((l) => l.text !== '');
  // Title: the first lines up to one ending in 通知 (a title may wrap).
  let title = '';
  let at = 0;
  for (; at < Math.min(lines.length, 3); at++) {
    title += (lines[at] as Line).text;
    if (title.endsWith('通知')) break;
  }
  const first = lines[0] as Line;
  if (!title.endsWith('通知') || !title.includes('关于')) {
    fail(
      first,
      '第一行应为通知标题（“……关于……的通知”）',
      "the first line should be the notice's title ('…关于…的通知')",
    );
  }
  at++;
  let docNumber: string | undefined;
  const maybeDoc = lines[at];
  if (maybeDoc && /^[\u4e00-\u9fa5]+〔\d{4}〕\d+号$/.test(maybeDoc.text)) {
    docNumber = maybeDoc.text;
    at++;
  }
  const last = lines[lines.length - 1] as Line;
  const signed = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(last.text);
  if (!signed)
    fail(
      last,
      '最后一行应为成文日期（如“2023年10月25日”）',
      "the last line should be the notice's date (e.g. 2023年10月25日)",
    );
  const [, sy, sm, sd] = signed as RegExpExecArray;
  const date = fromEpochDay(civil(last, Number(sy), Number(sm), Number(sd)));
  const titleYear = /(\d{4})年/.exec(title);
  const bodyYear = lines
    .slice(at)
    .map((l) => /(\d{4})年/.exec(l.text))
    .find((m) => m !== null);
  const yearMatch = titleYear ?? bodyYear;
  if (!yearMatch) fail(first, '无法确定通知安排的年份', 'cannot tell which year the notice arranges');
  const year = Number((yearMatch as RegExpExecArray)[1]);
  const kind: HolidayNotice['kind'] = title.includes('部分节假日安排') ? 'arrangement' : 'amendment';
  const citationText = `${title}（${docNumber ? `${docNumber}，` : ''}${date}）`;
  const holidays: HolidayBlock[] = [];
  const extensions: HolidayNotice['extensions'] = [];
  const body = lines.slice(at, -1);
  const items = body.filter((l) => new RegExp(`^[${NUMERALS}]+、`).test(l.text));
  if (kind === 'arrangement') {
    if (items.length === 0)
      fail(first, '没有找到编号的放假安排（“一、元旦：……”）', "no numbered arrangements ('一、元旦：…') were found");
    for (const l of items) {
      const content = l.text.replace(new RegExp(`^[${NUMERALS}]+、`), '');
      const colon = content.indexOf('：');
      if (colon < 0) fail(l, '缺少“节日名称：”', "the holiday's name and '：' are missing");
      const name = NAMES.find(([zh]) => zh === content.slice(0, colon))?.[1];
      if (!name) fail(l, `不认识的节日“${content.slice(0, colon)}”`, `unknown holiday '${content.slice(0, colon)}'`);
      const p = readItem(l, content.slice(colon + 1), year);
      if (p.rest.length === 0) fail(l, '没有找到放假日期', 'no rest days found');
      holidays.push(...blocksOf(name as ChinaHolidayName, p, citationText));
    }
  } else {
    const name = nameIn(title);
    if (!name) fail(first, '无法从标题确定所调整的节日', 'cannot tell from the title which holiday it adjusts');
    const dated = (items.length > 0 ? items : body).filter(
      (l) => /\d{1,2}日/.test(l.text) && /放假|上班|延长|调休/.test(l.text),
    );
    if (dated.length === 0) fail(first, '没有找到放假或上班日期', 'no rest or working days were found');
    for (const l of dated) {
      const content = l.text.replace(new RegExp(`^[${NUMERALS}]+、`), '');
      const from = content.search(/\d{1,2}月\d{1,2}日/);
      const p = readItem(l, content.slice(Math.max(0, content.lastIndexOf('：', from) + 1)), year);
      if (p.extendUntil !== undefined) {
        extensions.push({ holiday: name as ChinaHolidayName, until: fromEpochDay(p.extendUntil) });
      } else {
        if (p.rest.length === 0) fail(l, '没有找到放假日期', 'no rest days found');
        holidays.push(...blocksOf(name as ChinaHolidayName, p, citationText));
      }
    }
  }
  // A make-up working day on a rest day of the same notice.
  const restDays = new Set(
    holidays.flatMap((b) => {
      const out: string[] = [];
      for (
        let d = daysFromCivil(+b.start.slice(0, 4), +b.start.slice(5, 7), +b.start.slice(8));
        fromEpochDay(d) <= b.end;
        d++
      )
        out.push(fromEpochDay(d));
      return out;
    }),
  );
  for (const b of holidays) {
    for (const w of b.makeUpWorkdays ?? []) {
      if (restDays.has(w)) {
        const l = items.find((x) => x.text.includes(`${Number(w.slice(5, 7))}月${Number(w.slice(8))}日`)) ?? first;
        fail(l, `调休上班日 ${w} 同时是放假日`, `make-up working day ${w} is also a rest day`);
      }
      if (!isWeekend(daysFromCivil(+w.slice(0, 4), +w.slice(5, 7), +w.slice(8)))) {
        const l = items.find((x) => x.text.includes(`${Number(w.slice(5, 7))}月${Number(w.slice(8))}日`)) ?? first;
        fail(l, `调休上班日 ${w} 不是周六或周日`, `make-up working day ${w} is not a Saturday or Sunday`);
      }
    }
  }
  const citation: HolidayNoticeCitation = { title, date, text: citationText };
  if (docNumber !== undefined) citation.docNumber = docNumber;
  return { citation, year, kind, holidays, extensions };
}

/**
 * Builds the calendar year of a yearly notice, with its supplementary notices applied in order: an adjusted holiday
 * replaces the notice's block of that name, a new one (a commemoration) is added, an extension adds a rest block from
 * the day after the holiday to its new last day and cancels the make-up days inside it.
 *
 * @throws HolidayNoticeError when the first notice is not a yearly arrangement, a supplement is for another year, or
 * the result is not a valid calendar year.
 */
export function noticeToCalendarYear(notice: HolidayNotice, ...supplements: HolidayNotice[]): CalendarYear {
  if (notice.kind !== 'arrangement') {
    throw new HolidayNoticeError(1, notice.citation.title, {
      'zh-CN': '不是年度放假安排通知，不能单独构成一年的安排',
      en: 'not a yearly arrangement notice; it cannot make a year on its own',
    });
  }
  let holidays = notice.holidays.map((b) => structuredClone(b));
  const sources = [notice.citation.text];
  for (const s of supplements) {
    if (s.year !== notice.year) {
      throw new HolidayNoticeError(1, s.citation.title, {
        'zh-CN': `补充通知针对 ${s.year} 年，不是 ${notice.year} 年`,
        en: `the supplement is for ${s.year}, not ${notice.year}`,
      });
    }
    sources.push(s.citation.text);
    for (const b of s.holidays) {
      const i = holidays.findIndex((h) => h.name === b.name);
      if (i >= 0)
        holidays = [
          ...holidays.slice(0, i),
          structuredClone(b),
          ...holidays.slice(i + 1).filter((h) => h.name !== b.name),
        ];
      else holidays.push(structuredClone(b));
    }
    for (const e of s.extensions) {
      const base = [...holidays].reverse().find((h) => h.name === e.holiday);
      if (!base) {
        throw new HolidayNoticeError(1, s.citation.title, {
          'zh-CN': `要延长的节日不在 ${notice.year} 年安排中`,
          en: `the holiday it extends is not in the ${notice.year} arrangement`,
        });
      }
      const start = fromEpochDay(daysFromCivil(+base.end.slice(0, 4), +base.end.slice(5, 7), +base.end.slice(8)) + 1);
      for (const h of holidays) {
        if (h.makeUpWorkdays) h.makeUpWorkdays = h.makeUpWorkdays.filter((w) => w < start || w > e.until);
      }
      const ext = chinaHolidayLabels.springFestivalExtension;
      const name = e.holiday === 'springFestival' ? 'springFestivalExtension' : `${e.holiday}Extension`;
      holidays.push({
        name,
        label:
          e.holiday === 'springFestival'
            ? { 'zh-CN': ext['zh-CN'], en: ext.en }
            : { 'zh-CN': '假期延长', en: 'Extension' },
        start,
        end: e.until,
        source: s.citation.text,
      });
    }
  }
  holidays.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const year: CalendarYear = {
    year: notice.year,
    source: sources.join('；'),
    holidays,
    makeUpWorkdays: holidays.flatMap((b) => b.makeUpWorkdays ?? []).sort(),
  };
  const checked = CalendarYearSchema.safeParse(year);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new HolidayNoticeError(0, '', {
      'zh-CN': `所得年度安排无效：${issue?.message ?? ''}`,
      en: `the resulting year is invalid: ${issue?.message ?? ''}`,
    });
  }
  return year;
}
