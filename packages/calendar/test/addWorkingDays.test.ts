import { describe, expect, it } from 'vitest';
import { addWorkingDays, addWorkingDaysDetailed, CalendarCoverageError, chinaMainland } from '../src/index.js';
import { eachDate, naiveAddWorkingDays } from './naive.js';

describe('addWorkingDays', () => {
  it('should count the Saturday worked after 国庆节 2023', () => {
    expect(addWorkingDays(chinaMainland, '2023-09-28', 1)).toBe('2023-10-07');
  });

  it('should skip 春节 2024 and count the Sunday worked', () => {
    expect(addWorkingDays(chinaMainland, '2024-02-08', 2)).toBe('2024-02-18');
  });

  it('should not count the start day', () => {
    expect(addWorkingDays(chinaMainland, '2023-11-06', 1)).toBe('2023-11-07');
  });

  it('should return the start unchanged for n = 0', () => {
    expect(addWorkingDays(chinaMainland, '2023-10-01', 0)).toBe('2023-10-01');
  });

  it('should count backwards for negative n', () => {
    expect(addWorkingDays(chinaMainland, '2023-10-09', -1)).toBe('2023-10-08');
    expect(addWorkingDays(chinaMainland, '2023-10-07', -1)).toBe('2023-09-28');
  });

  it('should match a day-by-day count for every start date 2015–2026', () => {
    const ns = [1, 2, 5, 15, 20, -1, -3, -15];
    for (const start of eachDate('2015-01-01', '2026-12-31')) {
      for (const n of ns) {
        const expected = naiveAddWorkingDays(chinaMainland, start, n);
        const actual = addWorkingDays(chinaMainland, start, n, { uncovered: 'provisional' });
        if (actual !== expected) expect({ start, n, actual }).toEqual({ start, n, actual: expected });
      }
    }
  });

  it('should throw CalendarCoverageError when the count leaves the covered years', () => {
    expect(() => addWorkingDays(chinaMainland, '2026-12-28', 10)).toThrow(CalendarCoverageError);
  });

  it('should continue with Monday–Friday beyond coverage when provisional is accepted', () => {
    const r = addWorkingDaysDetailed(chinaMainland, '2026-12-30', 3, { uncovered: 'provisional' });
    expect(r).toMatchObject({ date: '2027-01-04', provisional: true });
    expect(r.provisionalReason?.code).toBe('afterCoverage');
  });

  it('should count backwards into coverage from an uncovered start', () => {
    const d = addWorkingDays(chinaMainland, '2027-01-06', -5, { uncovered: 'provisional' });
    expect(d).toBe(naiveAddWorkingDays(chinaMainland, '2027-01-06', -5));
  });

  it('should match a day-by-day count for counts spanning many years', () => {
    for (const n of [250, 1000, 2000, 2900, -2000]) {
      const start = n > 0 ? '2015-01-05' : '2026-12-31';
      expect(addWorkingDays(chinaMainland, start, n)).toBe(naiveAddWorkingDays(chinaMainland, start, n));
    }
  });

  it('should reject a non-integer count', () => {
    expect(() => addWorkingDays(chinaMainland, '2024-01-02', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(chinaMainland, '2024-01-02', 1.5)).toThrow('n must be an integer, got 1.5');
  });

  it('should say a result inside coverage is not provisional, with no reason', () => {
    expect(addWorkingDaysDetailed(chinaMainland, '2023-09-28', 1)).toStrictEqual({
      date: '2023-10-07',
      provisional: false,
    });
  });
});
