import { describe, expect, it } from 'vitest';
import { addWorkingDays, CalendarCoverageError, chinaMainland, workingDaysBetween } from '../src/index.js';

describe('workingDaysBetween', () => {
  it('should count working days in (from, to]', () => {
    expect(workingDaysBetween(chinaMainland, '2023-09-28', '2023-10-08')).toBe(2);
  });

  it('should be zero for the same day', () => {
    expect(workingDaysBetween(chinaMainland, '2024-05-06', '2024-05-06')).toBe(0);
  });

  it('should be negative when to is before from', () => {
    expect(workingDaysBetween(chinaMainland, '2023-10-08', '2023-09-28')).toBe(-2);
  });

  it('should invert addWorkingDays for every n up to 300 from a fixed start', () => {
    for (let n = 1; n <= 300; n++) {
      const due = addWorkingDays(chinaMainland, '2024-01-15', n);
      expect(workingDaysBetween(chinaMainland, '2024-01-15', due)).toBe(n);
    }
  });

  it('should throw past coverage unless provisional results are accepted', () => {
    expect(() => workingDaysBetween(chinaMainland, '2026-12-30', '2027-01-05')).toThrow(CalendarCoverageError);
    expect(workingDaysBetween(chinaMainland, '2026-12-30', '2027-01-05', { uncovered: 'provisional' })).toBe(4);
  });

  // Boundaries of the coverage check (mutation testing left its before-coverage side, its side and its edges untested).
  const sideOf = (from: string, to: string) => {
    try {
      workingDaysBetween(chinaMainland, from, to);
      return 'covered';
    } catch (error) {
      if (!(error instanceof CalendarCoverageError)) throw error;
      return error.gap.side;
    }
  };

  it('should throw before coverage too, naming the side the range leaves by', () => {
    expect(sideOf('2014-12-01', '2014-12-10')).toBe('beforeCoverage');
    expect(sideOf('2015-01-10', '2014-12-20')).toBe('beforeCoverage');
    expect(sideOf('2026-12-30', '2027-01-05')).toBe('afterCoverage');
    expect(workingDaysBetween(chinaMainland, '2014-12-01', '2014-12-10', { uncovered: 'provisional' })).toBe(7);
  });

  it('should need only the days in (from, to]: the day before coverage may start a range, the first day after may not end one', () => {
    expect(sideOf('2014-12-31', '2015-01-05')).toBe('covered');
    expect(workingDaysBetween(chinaMainland, '2014-12-31', '2015-01-05')).toBe(2); // 01-01 to 01-03 元旦
    expect(sideOf('2014-12-30', '2015-01-05')).toBe('beforeCoverage');
    expect(sideOf('2026-12-30', '2026-12-31')).toBe('covered');
    expect(sideOf('2026-12-31', '2027-01-01')).toBe('afterCoverage');
  });

  it('should count an empty range outside coverage as zero without refusing it', () => {
    expect(workingDaysBetween(chinaMainland, '2030-03-04', '2030-03-04')).toBe(0);
    expect(workingDaysBetween(chinaMainland, '2010-03-04', '2010-03-04')).toBe(0);
  });
});
