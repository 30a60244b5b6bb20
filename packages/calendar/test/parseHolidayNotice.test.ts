import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  type CalendarYear,
  chinaMainlandYears,
  HolidayNoticeError,
  isoWeekdayOf,
  noticeToCalendarYear,
  parseHolidayNotice,
} from '../src/index.js';
import { noticeSources } from './fixtures/notices/sources.js';

const read = (file: string) => readFileSync(new URL(`./fixtures/notices/${file}`, import.meta.url), 'utf8');

/** Working status per day, from a year's data alone: make-up days work, rest days rest, otherwise Monday–Friday. */
function statusOf(y: CalendarYear, from: string, to: string): Map<string, boolean> {
  const rest = new Set<string>();
  for (const b of y.holidays) for (let d = b.start; d <= b.end; d = addCalendarDays(d, 1)) rest.add(d);
  const work = new Set(y.makeUpWorkdays);
  const out = new Map<string, boolean>();
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
    out.set(d, work.has(d) || (!rest.has(d) && isoWeekdayOf(d) <= 5));
  }
  return out;
}

const supplements: Record<number, string[]> = {
  2015: ['2015-victory-day.txt'],
  2019: ['2019-labour-day.txt'],
  2020: ['2020-extension.txt'],
};

describe('parseHolidayNotice', () => {
  it('has a public source address for every fixture', () => {
    for (const y of chinaMainlandYears) {
      for (const f of [`${y.year}.txt`, ...(supplements[y.year] ?? [])])
        expect(noticeSources[f], f).toMatch(/^https?:\/\//);
    }
  });

  // The bundled citations say what the notices' own texts say: title, document number and signing date (issue 14).
  it.each(chinaMainlandYears.map((y) => y.year))('cites the %i notice as its text reads', (year) => {
    const notice = parseHolidayNotice(read(`${year}.txt`));
    const bundled = chinaMainlandYears.find((y) => y.year === year) as CalendarYear;
    const [main, ...more] = bundled.source.split('；');
    expect(main).toBe(noticeToCalendarYear(notice).source);
    // A supplementary notice is cited on the year or on the blocks it changed, as its own text reads.
    const blockSources = new Set([...more, ...bundled.holidays.flatMap((b) => (b.source ? [b.source] : []))]);
    for (const f of supplements[year] ?? []) {
      const cited = noticeToCalendarYear(notice, parseHolidayNotice(read(f))).source.split('；')[1];
      expect([...blockSources], f).toContain(cited);
    }
  });

  it.each(chinaMainlandYears.map((y) => y.year))('round-trips the %i notice to the bundled days', (year) => {
    const notice = parseHolidayNotice(read(`${year}.txt`));
    expect(notice).toMatchObject({ year, kind: 'arrangement' });
    const extra = (supplements[year] ?? []).map((f) => parseHolidayNotice(read(f)));
    for (const s of extra) expect(s).toMatchObject({ year, kind: 'amendment' });
    const parsed = noticeToCalendarYear(notice, ...extra);
    const bundled = chinaMainlandYears.find((y) => y.year === year) as CalendarYear;
    const from = `${year - 1}-12-01`;
    const to = `${year}-12-31`;
    const a = statusOf(parsed, from, to);
    const b = statusOf(bundled, from, to);
    const differing = [...a.keys()].filter((d) => a.get(d) !== b.get(d));
    expect(differing).toEqual([]);
    expect([...parsed.makeUpWorkdays].sort()).toEqual([...bundled.makeUpWorkdays].sort());
  });

  it('reads the citation: title, document number when printed, date', () => {
    expect(parseHolidayNotice(read('2024.txt')).citation).toEqual({
      title: '国务院办公厅关于2024年部分节假日安排的通知',
      docNumber: '国办发明电〔2023〕7号',
      date: '2023-10-25',
      text: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）',
    });
    const y2026 = parseHolidayNotice(read('2026.txt'));
    expect(y2026.citation).not.toHaveProperty('docNumber');
    expect(y2026.citation.date).toBe('2025-11-04');
    expect(noticeToCalendarYear(y2026).source).toBe('国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）');
    expect(parseHolidayNotice(read('2015-victory-day.txt')).citation.docNumber).toBe('国发明电〔2015〕1号');
  });

  it('accepts half-width punctuation', () => {
    const text = read('2024.txt').replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',');
    expect(noticeToCalendarYear(parseHolidayNotice(text))).toEqual(
      noticeToCalendarYear(parseHolidayNotice(read('2024.txt'))),
    );
  });

  const broken = (find: string, replace: string) => read('2024.txt').replace(find, replace);
  const refusal = (text: string) => {
    try {
      noticeToCalendarYear(parseHolidayNotice(text));
    } catch (error) {
      return error as HolidayNoticeError;
    }
    throw new Error('not refused');
  };

  it.each([
    ['a date that does not exist', broken('6月10日放假', '6月31日放假'), '五、端午节', '不存在', 'not a real date'],
    [
      'a weekday that does not match',
      broken('2月4日（星期日）', '2月4日（星期一）'),
      '二、春节',
      '不是星期一',
      'not a Monday',
    ],
    [
      'a make-up day on a holiday',
      broken('4月7日（星期日）上班', '4月6日（星期六）上班'),
      '三、清明节',
      '同时是放假日',
      'also a rest day',
    ],
    ['a day count that does not add up', broken('共8天', '共9天'), '二、春节', '共 9 天', 'says 9 days'],
    ['an unknown holiday', broken('五、端午节', '五、重阳节'), '五、重阳节', '不认识的节日', 'unknown holiday'],
    [
      'a missing date line',
      read('2024.txt').replace('2023年10月25日', ''),
      '国务院办公厅',
      '成文日期',
      "notice's date",
    ],
  ])('refuses %s with a typed error naming the line, in zh-CN and en', (_, text, line, zh, en) => {
    const error = refusal(text);
    expect(error).toBeInstanceOf(HolidayNoticeError);
    expect(error.code).toBe('invalid_notice');
    expect(error.lineText).toContain(line);
    expect(error.line).toBeGreaterThan(0);
    expect(error.messages['zh-CN']).toContain(zh);
    expect(error.messages.en).toContain(en);
  });

  it('refuses empty text and a text that is not a notice', () => {
    expect(() => parseHolidayNotice('')).toThrow(HolidayNoticeError);
    expect(() => parseHolidayNotice('今天天气很好\n2023年1月1日')).toThrow(HolidayNoticeError);
    expect(() => noticeToCalendarYear(parseHolidayNotice(read('2020-extension.txt')))).toThrow(HolidayNoticeError);
  });
});
