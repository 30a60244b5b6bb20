import { chinaMainland } from '@banli/calendar';
import { createMemoryStore } from '@banli/sdk';
import { describe, expect, it, vi } from 'vitest';
import { createTestHarness } from '../src/index.js';

describe('createTestHarness', () => {
  it('should move the SDK clock and XState simulated clock together in working days and dates', async () => {
    await using h = createTestHarness({ start: '2023-09-28' });
    expect(h.today()).toBe('2023-09-28');
    // 2023-09-29 to 2023-10-06 is the Mid-Autumn/National Day holiday; 2023-10-07 and 10-08 are make-up workdays.
    expect(h.advanceWorkingDays(1)).toBe('2023-10-07');
    expect(h.banli.clock.now()).toBe(h.clock.now());
    expect(h.advanceTo('2023-10-20')).toBe('2023-10-20');
    expect(h.advanceTo('2023-01-01')).toBe('2023-10-20');
    expect(h.calendar).toBe(chinaMainland);
    expect((await h.tick()).now).toBe('2023-10-20');
  });

  it('should close its store when disposed with await using', async () => {
    const store = createMemoryStore();
    const close = vi.fn(async () => {});
    {
      await using h = createTestHarness({ store: { ...store, close } });
      expect(h.store.close).toBe(close);
    }
    expect(close).toHaveBeenCalledTimes(1);
  });
});
