import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  compareIsoDates,
  formatIsoDate,
  InvalidDateError,
  IsoDateSchema,
  isIsoDate,
  isoWeekdayOf,
  parseIsoDate,
} from '../src/index.js';

describe('addCalendarDays', () => {
  it('should cross a leap day and a year end', () => {
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addCalendarDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addCalendarDays('2024-01-01', -1)).toBe('2023-12-31');
  });

  it('should agree with Date for every day of 1999–2031', () => {
    let iso = '1999-01-01';
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2031, 11, 31); t += 86_400_000) {
      expect(iso).toBe(new Date(t).toISOString().slice(0, 10));
      iso = addCalendarDays(iso, 1);
    }
  });
});

describe('compareIsoDates', () => {
  it('should order dates', () => {
    expect(['2024-03-01', '2023-12-31', '2024-02-29'].sort(compareIsoDates)).toEqual([
      '2023-12-31',
      '2024-02-29',
      '2024-03-01',
    ]);
    expect(compareIsoDates('2024-01-01', '2024-01-01')).toBe(0);
  });
});

describe('calendarDaysBetween', () => {
  it('should count calendar days', () => {
    expect(calendarDaysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(calendarDaysBetween('2025-01-01', '2024-01-01')).toBe(-366);
  });
});

describe('addMonths', () => {
  it('should clamp to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
  });
});

describe('isIsoDate', () => {
  it('should reject impossible or malformed dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-01', '20240101', '2024-01-01T00:00', 20240101, null]) {
      expect([bad, isIsoDate(bad)]).toEqual([bad, false]);
    }
  });

  it('should back IsoDateSchema', () => {
    expect(IsoDateSchema.safeParse('2023-02-29').success).toBe(false);
    expect(IsoDateSchema.parse('2023-02-28')).toBe('2023-02-28');
  });
});

describe('parseIsoDate', () => {
  it('should round-trip with formatIsoDate', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(formatIsoDate({ year: 2024, month: 2, day: 29 })).toBe('2024-02-29');
  });

  it('should throw InvalidDateError with both languages', () => {
    const err = (() => {
      try {
        parseIsoDate('2023-02-29');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InvalidDateError);
    expect((err as InvalidDateError).code).toBe('invalid_date');
    expect((err as InvalidDateError).messages['zh-CN']).toContain('2023-02-29');
    expect(() => formatIsoDate({ year: 2023, month: 2, day: 29 })).toThrow(InvalidDateError);
  });
});

describe('isoWeekdayOf', () => {
  it('should number Monday 1 to Sunday 7', () => {
    expect(isoWeekdayOf('2024-01-01')).toBe(1);
    expect(isoWeekdayOf('2023-10-07')).toBe(6);
    expect(isoWeekdayOf('2023-10-08')).toBe(7);
  });
});
