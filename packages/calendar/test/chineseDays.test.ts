import {
  findWorkday,
  getDayDetail,
  getHolidaysInRange,
  getWorkdaysInRange,
  isHoliday,
  isInLieu,
  isWorkday,
} from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, chinaMainland, describeDay, isoWeekdayOf, isWorkingDay } from '../src/index.js';
import { eachDate } from './naive.js';

// Cross-check against chinese-days 1.5.7 (dev dependency only) for every day both cover (2015–2026).
// Result: no disagreement on whether a day is worked. Both model the 2020 COVID extension (01-31 – 02-02 rest, 02-01 not worked).
// Known labelling disagreements only (all rest days in both), listed in LABEL_DISAGREEMENTS below:
// - 2015-06-21: inside our 端午 block 06-20 – 06-22 (notice: 6-20 放假, 6-22 补休); chinese-days calls it a plain Sunday.
// - 2015-09-05: the victory-day notice says "9月3日至5日调休放假"; chinese-days calls the Saturday a plain weekend.
// - 2019 清明/端午/中秋: the notice says "X日放假，与周末连休"; we keep the joined weekend as ordinary weekend, chinese-days names it after the holiday.
const LABEL_DISAGREEMENTS = [
  '2015-06-21',
  '2015-09-05',
  '2019-04-06',
  '2019-04-07',
  '2019-06-08',
  '2019-06-09',
  '2019-09-14',
  '2019-09-15',
];

// chinese-days English holiday names for our block names.
const NAMES: Record<string, string[]> = {
  newYear: ["New Year's Day"],
  springFestival: ['Spring Festival'],
  springFestivalExtension: ['Spring Festival'],
  qingming: ['Tomb-sweeping Day'],
  labourDay: ['Labour Day'],
  dragonBoat: ['Dragon Boat Festival'],
  midAutumn: ['Mid-autumn Festival'],
  nationalDay: ['National Day'],
  midAutumnNationalDay: ['National Day', 'Mid-autumn Festival'],
  victoryDay: ['Anti-Fascist 70th Day'],
};

const YEARS = Array.from({ length: 12 }, (_, i) => 2015 + i);

describe('chinaMainland against chinese-days', () => {
  for (const year of YEARS) {
    it(`should agree on every working day of ${year}`, () => {
      const disagreements: string[] = [];
      for (const d of eachDate(`${year}-01-01`, `${year}-12-31`)) {
        const mine = isWorkingDay(chinaMainland, d);
        if (mine !== isWorkday(d) || mine === isHoliday(d) || mine !== getDayDetail(d).work) disagreements.push(d);
      }
      expect(disagreements).toEqual([]);
    });

    it(`should agree with the ${year} range queries`, () => {
      const days = [...eachDate(`${year}-01-01`, `${year}-12-31`)];
      const rest = days.filter((d) => !isWorkingDay(chinaMainland, d));
      const work = days.filter((d) => isWorkingDay(chinaMainland, d));
      expect(getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, true)).toEqual(rest);
      expect(getWorkdaysInRange(`${year}-01-01`, `${year}-12-31`, true)).toEqual(work);
    });

    it(`should agree on the ${year} make-up working days`, () => {
      const mine = chinaMainland.years.get(year)?.makeUpWorkdays.filter((d) => d.startsWith(`${year}`)) ?? [];
      const previous = chinaMainland.years.get(year + 1)?.makeUpWorkdays.filter((d) => d.startsWith(`${year}`)) ?? [];
      const theirs = [...eachDate(`${year}-01-01`, `${year}-12-31`)].filter(
        (d) => isoWeekdayOf(d) >= 6 && isWorkday(d),
      );
      expect([...mine, ...previous].sort()).toEqual(theirs);
    });
  }

  it('should name holidays alike, apart from the listed labelling disagreements', () => {
    const labelDiffs: string[] = [];
    const nameDiffs: string[] = [];
    for (const d of eachDate('2015-01-01', '2026-12-31')) {
      const mine = describeDay(chinaMainland, d);
      const detail = getDayDetail(d);
      const theirs = detail.work ? undefined : detail.name.split(',')[0];
      const theirsHoliday = !detail.work && detail.name.includes(',');
      if ((mine.kind === 'holiday') !== theirsHoliday) labelDiffs.push(d);
      else if (mine.kind === 'holiday' && !NAMES[mine.holiday?.name ?? '']?.includes(theirs ?? '')) nameDiffs.push(d);
    }
    expect(labelDiffs).toEqual(LABEL_DISAGREEMENTS);
    expect(nameDiffs).toEqual([]);
  });

  it('should find the same weekend days worked in lieu', () => {
    const theirs = [...eachDate('2015-01-01', '2026-12-31')].filter((d) => isoWeekdayOf(d) >= 6 && isWorkday(d));
    const mine = [...eachDate('2015-01-01', '2026-12-31')].filter(
      (d) => describeDay(chinaMainland, d).kind === 'makeUpWorkday',
    );
    expect(mine).toEqual(theirs);
  });

  it('should place every chinese-days in-lieu rest day (调休放假) inside one of our holiday blocks', () => {
    const inLieu = [...eachDate('2015-01-01', '2026-12-31')].filter((d) => isInLieu(d));
    expect(inLieu).toContain('2023-10-05');
    for (const d of inLieu) expect([d, describeDay(chinaMainland, d).kind]).toEqual([d, 'holiday']);
  });

  it('should agree with findWorkday for 1–5 working days from every Monday and Friday', () => {
    const diffs: string[] = [];
    for (const d of eachDate('2015-01-01', '2026-11-30')) {
      if (![1, 5].includes(isoWeekdayOf(d))) continue;
      for (let n = 1; n <= 5; n++) {
        if (addWorkingDays(chinaMainland, d, n) !== findWorkday(n, d)) diffs.push(`${d}+${n}`);
      }
    }
    expect(diffs).toEqual([]);
  });
});
