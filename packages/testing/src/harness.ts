import { addWorkingDays, type Calendar, chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { type Banli, type BanliOptions, businessDate, createBanli, createMemoryStore, type Store } from '@banli/sdk';
import { SimulatedClock } from 'xstate';

/** Options of `createTestHarness`. */
export interface HarnessOptions {
  /** The business date the clock starts on (09:00 China time). @defaultValue '2023-01-03' */
  start?: string;
  /** The working-day calendar. @defaultValue `chinaMainland` */
  calendar?: Calendar;
  /** The handling policy. @defaultValue the `guangdongCity` preset */
  policy?: BanliOptions['policy'];
  /** The store. @defaultValue an isolated in-memory store */
  store?: Store;
  /** Any other `createBanli` option (alerts, snapshotEvery, createSystem, …). */
  banli?: Omit<BanliOptions, 'store' | 'policy' | 'calendar' | 'clock'>;
}

/** A banli wired to a simulated clock, a calendar, a policy and a store; dispose it with `await using`. */
export interface TestHarness extends AsyncDisposable {
  /** The SDK under test. */
  readonly banli: Banli;
  /** XState's simulated clock; it is also the SDK's injected clock, so both always agree. */
  readonly clock: SimulatedClock;
  readonly calendar: Calendar;
  readonly store: Store;
  /** Today's business date. */
  today(): string;
  /** Moves the clock to 09:00 China time on a business date (never backwards). */
  advanceTo(date: string): string;
  /** Moves the clock forward by N working days of the calendar; returns the new date. */
  advanceWorkingDays(days: number): string;
  /** Runs the SDK scheduler for today (or a date) and returns its report. */
  tick(date?: string): ReturnType<Banli['tick']>;
  /** Closes the store; also called by `await using`. */
  dispose(): Promise<void>;
}

const CHINA_OFFSET = '+08:00';
const instantOf = (date: string) => {
  const ms = Date.parse(`${date}T09:00:00${CHINA_OFFSET}`);
  if (Number.isNaN(ms)) throw new RangeError(`not a business date: ${date}`);
  return ms;
};

/**
 * Creates a test harness: SDK, simulated clock, calendar, policy and in-memory store.
 *
 * @example
 * ```ts
 * // Node 20: dispose in `finally` (`await using h = …` needs Node 22+ or a compiler that lowers it).
 * const h = createTestHarness({ start: '2023-02-20' });
 * await h.banli.submit(proposal, { actor });
 * h.advanceWorkingDays(5);
 * await h.tick();
 * await h.dispose();
 * ```
 */
export function createTestHarness(options: HarnessOptions = {}): TestHarness {
  const calendar = options.calendar ?? chinaMainland;
  const store = options.store ?? createMemoryStore({ isolate: true });
  const clock = new SimulatedClock();
  clock.set(instantOf(options.start ?? '2023-01-03'));
  const banli = createBanli({
    ...options.banli,
    store,
    calendar,
    clock,
    policy: options.policy ?? presets.guangdongCity,
  });
  const today = () => businessDate(clock.now());
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    await store.close?.();
  };
  return {
    banli,
    clock,
    calendar,
    store,
    today,
    advanceTo(date) {
      const target = instantOf(date);
      if (target > clock.now()) clock.set(target);
      return today();
    },
    advanceWorkingDays(days) {
      const date = addWorkingDays(calendar, today(), days);
      clock.set(instantOf(date));
      return date;
    },
    tick: (date) => banli.tick(date ?? today()),
    dispose,
    [Symbol.asyncDispose]: dispose,
  };
}
