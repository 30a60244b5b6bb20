import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingDaysDetailed,
  CalendarCoverageError,
  chinaMainland,
  chinaMainlandYears,
  computeDueDate,
  defineCalendar,
  describeDay,
  estimateStatutoryYear,
  explainDueDate,
  isWorkingDay,
  statutoryDays,
  workingDaysBetween,
} from '../src/index.js';
import { eachDate } from './naive.js';

const weekdaysOf = (year: number) =>
  [...eachDate(`${year}-01-01`, `${year}-12-31`)].filter((d) => {
    const w = new Date(`${d}T00:00:00Z`).getUTCDay();
    return w !== 0 && w !== 6;
  }).length;

// The one-off decisions a statutory estimate cannot know (extra rest weekdays beyond the 放假办法 that year).
const oneOff: Record<number, { extra: number; why: string }> = {
  2015: { extra: 1, why: '3 September 2015 victory-day commemoration (a separate State Council notice)' },
  2020: {
    extra: 2,
    why: 'COVID-19 extension of 春节 (国办发明电〔2020〕1号): 01-31 and the cancelled 02-01 make-up day',
  },
};

const calendarWithout = (year: number) =>
  defineCalendar({
    id: 'cn-mainland-partial',
    version: '1',
    label: chinaMainland.label,
    years: chinaMainlandYears.filter((y) => (year < 2026 ? y.year > year : y.year < year)),
  });

describe('statutory estimate (全国年节及纪念日放假办法)', () => {
  it('gives 13 statutory days from 2025 (令第798号) and 11 before (令第644号), with 除夕 only from 2025', () => {
    expect(statutoryDays(2024)).toHaveLength(11);
    expect(statutoryDays(2025)).toHaveLength(13);
    expect(statutoryDays(2027)).toHaveLength(13);
    const spring = (y: number) =>
      statutoryDays(y)
        .filter((d) => d.holiday === 'springFestival')
        .map((d) => d.date);
    expect(spring(2024)).toEqual(['2024-02-10', '2024-02-11', '2024-02-12']); // 初一 to 初三
    expect(spring(2027)).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']); // 除夕 to 初三
    expect(
      statutoryDays(2025)
        .filter((d) => d.holiday === 'labourDay')
        .map((d) => d.date),
    ).toEqual(['2025-05-01', '2025-05-02']);
    expect(() => statutoryDays(2007)).toThrow(RangeError);
  });

  it.each(chinaMainlandYears.map((y) => y.year))('finds every statutory day of %i resting in the notice', (year) => {
    for (const d of statutoryDays(year))
      expect(isWorkingDay(chinaMainland, d.date), `${d.holiday} ${d.date}`).toBe(false);
  });

  it.each(chinaMainlandYears.map((y) => y.year))(
    'matches %i: weekdays − working days = the statutory count',
    (year) => {
      const working = workingDaysBetween(chinaMainland, `${year - 1}-12-31`, `${year}-12-31`);
      const restedWeekdays = weekdaysOf(year) - working;
      const expected = statutoryDays(year).length + (oneOff[year]?.extra ?? 0);
      expect(restedWeekdays, oneOff[year]?.why ?? 'no one-off decision that year').toBe(expected);
      // and the estimate itself, run from a calendar lacking that year, counts the same working days (but for one-offs)
      const estimated = workingDaysBetween(calendarWithout(year), `${year - 1}-12-31`, `${year}-12-31`, {
        uncovered: 'statutory',
      });
      expect(estimated).toBe(working + (oneOff[year]?.extra ?? 0));
    },
  );

  it('rests exactly the statutory count of weekdays in every estimated year 2027–2060 (补假 never lost)', () => {
    for (let year = 2027; year <= 2060; year++) {
      const rested = estimateStatutoryYear(year)
        .holidays.flatMap((b) => [...eachDate(b.start, b.end)])
        .filter((d) => d.startsWith(`${year}`) && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
      expect(new Set(rested).size, String(year)).toBe(13);
    }
  });

  it('compensates a statutory day on a weekend on the next working day after the festival (2027 春节)', () => {
    const spring = estimateStatutoryYear(2027).holidays.find((b) => b.name === 'springFestival');
    expect(spring).toMatchObject({ start: '2027-02-05', end: '2027-02-10' }); // 初一 Sat, 初二 Sun → 02-09, 02-10
    // 中秋 on 1 October (2020, 2028): the shared day is compensated too
    const autumn2028 = estimateStatutoryYear(2028).holidays.find((b) => b.name === 'midAutumnNationalDay');
    expect(autumn2028).toMatchObject({ start: '2028-10-01', end: '2028-10-05' });
  });

  it('is the machines’ mode: provisional with a statutory reason past the last notice, identical inside coverage', () => {
    const r = addWorkingDaysDetailed(chinaMainland, '2027-02-01', 5, { uncovered: 'statutory' });
    expect(r).toMatchObject({ date: '2027-02-12', provisional: true }); // 02-02 – 02-04, then 02-11, 02-12
    expect(r.provisionalReason?.estimate).toBe('statutory');
    expect(r.provisionalReason?.messages['zh-CN']).toContain('全国年节及纪念日放假办法');
    expect(r.provisionalReason?.messages.en).toContain('statutory holiday rules');
    // weekdays only would have said 02-08
    expect(addWorkingDays(chinaMainland, '2027-02-01', 5, { uncovered: 'provisional' })).toBe('2027-02-08');
    expect(() => addWorkingDays(chinaMainland, '2027-02-01', 5)).toThrow(CalendarCoverageError);
    for (const start of ['2015-03-02', '2020-01-20', '2023-09-20', '2026-09-28', '2026-11-20']) {
      for (const n of [1, 17, -17]) {
        expect(addWorkingDaysDetailed(chinaMainland, start, n, { uncovered: 'statutory' })).toEqual(
          addWorkingDaysDetailed(chinaMainland, start, n),
        );
      }
    }
    expect(isWorkingDay(chinaMainland, '2027-02-09', { uncovered: 'statutory' })).toBe(false);
    expect(describeDay(chinaMainland, '2027-02-09', { uncovered: 'statutory' })).toMatchObject({
      kind: 'holiday',
      provisional: true,
      holiday: { name: 'springFestival' },
    });
    const due = computeDueDate(chinaMainland, { kind: 'workingDays', days: 15 }, '2027-01-25', {
      uncovered: 'statutory',
    });
    expect(due).toMatchObject({ due: '2027-02-19', provisional: true }); // weekdays only: 2027-02-15
  });

  it('explains an estimated span in both languages and cites the 放假办法', () => {
    const e = explainDueDate(chinaMainland, { kind: 'workingDays', days: 5 }, '2027-02-01', { uncovered: 'statutory' });
    expect(e.text['zh-CN']).toContain('按《全国年节及纪念日放假办法》推算节假日');
    expect(e.text['zh-CN']).toContain('跳过 2027年2月5日 至 2027年2月10日');
    expect(e.text.en).toContain('statutory estimate');
    expect(e.sources.join()).toContain('国务院令第798号');
  });

  it('can be off for a due date inside or next to a holiday block (a notice bridges or swaps days)', () => {
    // 2026 国庆: the notice rests 10-01 – 10-07 and works 10-10; the estimate rests 10-01 – 10-05 only
    const cal = calendarWithout(2026);
    const estimated = addWorkingDays(cal, '2026-09-30', 1, { uncovered: 'statutory' });
    expect(estimated).toBe('2026-10-06');
    expect(addWorkingDays(chinaMainland, '2026-09-30', 1)).toBe('2026-10-08');
    // …but a span containing the whole block with its make-up days counts the same
    expect(workingDaysBetween(cal, '2026-09-01', '2026-10-31', { uncovered: 'statutory' })).toBe(
      workingDaysBetween(chinaMainland, '2026-09-01', '2026-10-31'),
    );
  });
});
