import { describe, expect, it } from 'vitest';
import { businessDate, createManualClock, systemClock } from '../src/index.js';

describe('businessDate', () => {
  it('should use China Standard Time, so 16:30 UTC is already the next day', () => {
    expect(businessDate(Date.parse('2023-06-29T16:30:00Z'))).toBe('2023-06-30');
    expect(businessDate(Date.parse('2023-06-29T15:59:59Z'))).toBe('2023-06-29');
  });

  it('should honour another offset', () => {
    expect(businessDate(Date.parse('2023-06-29T16:30:00Z'), 0)).toBe('2023-06-29');
  });
});

describe('createManualClock', () => {
  it('should start at 09:00 China time on a business date and move only when told', () => {
    const clock = createManualClock('2023-03-01');
    expect(new Date(clock.now()).toISOString()).toBe('2023-03-01T01:00:00.000Z');
    clock.advance(86_400_000);
    expect(businessDate(clock.now())).toBe('2023-03-02');
    clock.set('2023-06-30');
    expect(businessDate(clock.now())).toBe('2023-06-30');
    expect(() => clock.set('not-a-date')).toThrow(RangeError);
  });
});

describe('systemClock', () => {
  it('should read the wall clock', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
