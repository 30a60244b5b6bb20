import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { type Banli, type BanliNotification, createBanli, createManualClock, createMemoryStore } from '../src/index.js';
import { seedAccepted } from './support/seedBanli.js';

// Issue 16 item 4: with leases shorter than the work, a second worker claimed alerts the first had not yet recorded
// as sent, and both sent them (910 duplicate `deadline.escalated` keys). An alert is now recorded before it is sent,
// and only the worker whose record was new sends it.

describe('alerts with a lease that expires mid-tick', () => {
  it('should send each reminder and escalation once across two workers', async () => {
    const store = createMemoryStore({ isolate: true });
    const clock = createManualClock('2023-02-20');
    const make = (): Banli => createBanli({ store, clock, policy: presets.guangdongCity, calendar: chinaMainland });
    const a = make();
    const b = make();
    await seedAccepted(a);
    const sent: string[] = [];
    let bRan = false;
    a.subscribe(
      async (n: BanliNotification) => {
        sent.push(n.key);
        if (bRan) return;
        bRan = true;
        // a is still sending: its 1 ms lease has long expired when b ticks.
        clock.advance(60_000);
        await b.tick('2023-08-01', { claimant: 'b', leaseMs: 1 });
      },
      ['reminder.due', 'deadline.escalated'],
    );
    b.subscribe(
      (n) => {
        sent.push(n.key);
      },
      ['reminder.due', 'deadline.escalated'],
    );
    await a.tick('2023-08-01', { claimant: 'a', leaseMs: 1 });
    expect(bRan).toBe(true);
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent).size).toBe(sent.length);
  });
});
