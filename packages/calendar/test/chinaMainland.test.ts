import { describe, expect, it } from 'vitest';
import { chinaMainland, isoWeekdayOf, isWorkingDay } from '../src/index.js';
import { eachDate } from './naive.js';

// Restated from the notices (国务院办公厅关于X年部分节假日安排的通知): rest periods and 调休 working days.
const notices: Record<number, { rest: [string, string][]; work: string[]; cite: string }> = {
  2023: {
    cite: '国办发明电〔2022〕16号',
    rest: [
      ['2022-12-31', '2023-01-02'],
      ['2023-01-21', '2023-01-27'],
      ['2023-04-05', '2023-04-05'],
      ['2023-04-29', '2023-05-03'],
      ['2023-06-22', '2023-06-24'],
      ['2023-09-29', '2023-10-06'],
    ],
    work: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  2024: {
    cite: '国办发明电〔2023〕7号',
    rest: [
      ['2024-01-01', '2024-01-01'],
      ['2024-02-10', '2024-02-17'],
      ['2024-04-04', '2024-04-06'],
      ['2024-05-01', '2024-05-05'],
      ['2024-06-10', '2024-06-10'],
      ['2024-09-15', '2024-09-17'],
      ['2024-10-01', '2024-10-07'],
    ],
    work: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  2025: {
    cite: '国办发明电〔2024〕12号',
    rest: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    cite: '2026',
    rest: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

describe('chinaMainland', () => {
  it('should cover 2015 to 2026 at least', () => {
    expect(chinaMainland.firstYear).toBeLessThanOrEqual(2015);
    expect(chinaMainland.lastYear).toBeGreaterThanOrEqual(2026);
    for (let y = 2015; y <= 2026; y++) expect(chinaMainland.years.get(y)?.source).toMatch(/国务院/);
  });

  for (const [year, notice] of Object.entries(notices)) {
    it(`should cite the ${year} notice`, () => {
      expect(chinaMainland.years.get(Number(year))?.source).toContain(notice.cite);
    });

    it(`should rest on every day of every ${year} holiday block`, () => {
      for (const [from, to] of notice.rest) {
        for (const d of eachDate(from, to)) expect([d, isWorkingDay(chinaMainland, d)]).toEqual([d, false]);
      }
    });

    it(`should work on every ${year} make-up day, each a Saturday or Sunday`, () => {
      for (const d of notice.work) {
        expect([d, isWorkingDay(chinaMainland, d)]).toEqual([d, true]);
        expect(isoWeekdayOf(d)).toBeGreaterThanOrEqual(6);
      }
    });

    it(`should treat every other ${year} day as Monday–Friday`, () => {
      const inRest = (d: string) => notice.rest.some(([a, b]) => a <= d && d <= b);
      for (const d of eachDate(`${year}-01-01`, `${year}-12-31`)) {
        if (inRest(d) || notice.work.includes(d)) continue;
        expect([d, isWorkingDay(chinaMainland, d)]).toEqual([d, isoWeekdayOf(d) <= 5]);
      }
    });
  }

  it('should record the same blocks as the notices for 2023–2026', () => {
    for (const [year, notice] of Object.entries(notices)) {
      const y = chinaMainland.years.get(Number(year));
      expect(y?.holidays.map((b) => [b.start, b.end])).toEqual(notice.rest);
      expect(y?.makeUpWorkdays).toEqual(notice.work);
    }
  });

  it('should label every block in zh-CN and en', () => {
    for (const y of chinaMainland.years.values()) {
      for (const b of y.holidays) {
        expect(b.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
        expect(b.label.en).toMatch(/^[A-Z0-9]/);
      }
    }
  });
});
