import { describe, expect, it } from 'vitest';
import { CalendarCoverageError, chinaMainland, InvalidDateError, isWorkingDay } from '../src/index.js';

describe('isWorkingDay', () => {
  it('should count a make-up Saturday as a working day', () => {
    expect(isWorkingDay(chinaMainland, '2023-10-07')).toBe(true);
  });

  it('should not count a statutory holiday on a weekday', () => {
    expect(isWorkingDay(chinaMainland, '2023-10-02')).toBe(false);
  });

  it('should not count an ordinary weekend', () => {
    expect(isWorkingDay(chinaMainland, '2023-11-04')).toBe(false);
    expect(isWorkingDay(chinaMainland, '2023-11-06')).toBe(true);
  });

  it('should throw CalendarCoverageError past the last covered year by default', () => {
    expect(() => isWorkingDay(chinaMainland, '2027-01-04')).toThrow(CalendarCoverageError);
  });

  it('should fall back to Monday–Friday when provisional results are accepted', () => {
    expect(isWorkingDay(chinaMainland, '2027-01-04', { uncovered: 'provisional' })).toBe(true);
    expect(isWorkingDay(chinaMainland, '2027-01-03', { uncovered: 'provisional' })).toBe(false);
  });

  it('should reject an impossible date', () => {
    expect(() => isWorkingDay(chinaMainland, '2023-02-29')).toThrow(InvalidDateError);
  });
});
