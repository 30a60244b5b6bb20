import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addCalendarYear,
  addWorkingDays,
  CalendarDefinitionError,
  CalendarYearConflictError,
  chinaMainland,
  chinaMainlandYears,
  defineCalendar,
  estimateStatutoryYear,
  isWorkingDay,
  noticeToCalendarYear,
  parseHolidayNotice,
} from '../src/index.js';

const read = (file: string) => readFileSync(new URL(`./fixtures/notices/${file}`, import.meta.url), 'utf8');
const until2025 = defineCalendar({
  id: 'cn-mainland',
  version: '2025.1',
  label: chinaMainland.label,
  years: chinaMainlandYears.filter((y) => y.year <= 2025),
});

describe('addCalendarYear', () => {
  it('adds the next notice read from its text, under a new version, leaving the old calendar alone', () => {
    const { calendar, added } = addCalendarYear(until2025, noticeToCalendarYear(parseHolidayNotice(read('2026.txt'))));
    expect(added).toBe(true);
    expect(calendar).toMatchObject({ id: 'cn-mainland', version: '2025.1+2026', lastYear: 2026 });
    expect(until2025.lastYear).toBe(2025);
    for (const d of ['2026-02-14', '2026-02-16', '2026-10-08', '2026-10-10', '2026-09-20']) {
      expect(isWorkingDay(calendar, d), d).toBe(isWorkingDay(chinaMainland, d));
    }
    expect(addWorkingDays(calendar, '2026-09-30', 1)).toBe('2026-10-08');
  });

  it('is a no-op for a year already covered with the same days', () => {
    const year = noticeToCalendarYear(parseHolidayNotice(read('2024.txt')));
    expect(addCalendarYear(chinaMainland, year)).toEqual({ calendar: chinaMainland, added: false });
  });

  it('refuses a covered year with different data in zh-CN and en, and changes nothing', () => {
    const other = estimateStatutoryYear(2024); // no 调休: differs from the notice
    const refusal = (() => {
      try {
        addCalendarYear(chinaMainland, other);
      } catch (error) {
        return error as CalendarYearConflictError;
      }
      throw new Error('not refused');
    })();
    expect(refusal).toBeInstanceOf(CalendarYearConflictError);
    expect(refusal.code).toBe('calendar_year_conflict');
    expect(refusal.differingDays).toContain('2024-02-04');
    expect(refusal.messages['zh-CN']).toContain('已收录 2024 年');
    expect(refusal.messages.en).toContain('already covers 2024');
    expect(isWorkingDay(chinaMainland, '2024-02-04')).toBe(true);
  });

  it('refuses a year that leaves a gap', () => {
    expect(() => addCalendarYear(until2025, estimateStatutoryYear(2028))).toThrow(CalendarDefinitionError);
  });
});
