import { describe, expect, it } from 'vitest';
import { dateRange, measure, median } from '../bench/measure.mjs';
import { addCalendarDays, addWorkingDays, chinaMainland } from '../src/index.js';

describe('bench helpers', () => {
  it('should measure a positive rate over a few start dates', () => {
    const starts = dateRange(addCalendarDays, '2024-01-01', '2024-01-10');
    expect(starts).toHaveLength(10);
    const ops = measure((d) => addWorkingDays(chinaMainland, d, 20), starts, 5);
    expect(ops).toBeGreaterThan(0);
  });

  it('should take the median', () => {
    expect(median([3, 1, 2])).toBe(2);
  });
});
