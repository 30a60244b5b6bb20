/** The time source the SDK reads: an instant in epoch milliseconds. Inject one; the SDK never reads `Date.now()` itself. */
export interface Clock {
  /** The current instant in epoch milliseconds. */
  now(): number;
}

/** The system clock (`Date.now()`). */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock you move by hand, for tests and simulations. */
export interface ManualClock extends Clock {
  /** Moves to an instant (epoch ms) or to the start of a business date (`YYYY-MM-DD`, UTC+8). */
  set(to: number | string): void;
  /** Moves forward by milliseconds. */
  advance(ms: number): void;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * Creates a manual clock starting at an instant or at 09:00 China time on a business date.
 *
 * @example
 * ```ts
 * const clock = createManualClock('2023-03-01');
 * clock.set('2023-06-30');
 * ```
 */
export function createManualClock(start: number | string): ManualClock {
  let current = toInstant(start);
  return {
    now: () => current,
    set(to) {
      current = toInstant(to);
    },
    advance(ms) {
      current += ms;
    },
  };
}

function toInstant(value: number | string): number {
  if (typeof value === 'number') return value;
  const ms = Date.parse(`${value}T09:00:00+08:00`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${value}`);
  return ms;
}

/** The business date (`YYYY-MM-DD`) of an instant in China Standard Time (UTC+8, no daylight saving). */
export function businessDate(instant: number, offsetMinutes = 480): string {
  const offset = offsetMinutes === 480 ? CHINA_OFFSET_MS : offsetMinutes * 60_000;
  return new Date(instant + offset).toISOString().slice(0, 10);
}
