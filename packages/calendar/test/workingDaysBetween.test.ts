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
});
