import { z } from 'zod';
import { InvalidDateError } from '../errors.js';
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  fromEpochDay,
  isoWeekday,
  toEpochDay,
  tryToEpochDay,
} from '../internal/epochDay.js';
import type { IsoDate } from '../types.js';

/** Tells whether a value is a real `YYYY-MM-DD` date string (2023-02-29 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  return !Number.isNaN(tryToEpochDay(value));
}

/** Zod schema of a real `YYYY-MM-DD` date string. */
export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'Expected a real YYYY-MM-DD date' });

/** Splits a `YYYY-MM-DD` string into numbers; throws `InvalidDateError` when it is not a real date. */
export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = civilFromDays(toEpochDay(date));
  return { year, month, day };
}

/** Builds a `YYYY-MM-DD` string; throws `InvalidDateError` when the parts do not name a real day. */
export function formatIsoDate(parts: { year: number; month: number; day: number }): IsoDate {
  const { year, month, day } = parts;
  const valid = Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12;
  if (!valid || day < 1 || day > daysInMonth(year, month) || year < 1 || year > 9999) {
    throw new InvalidDateError(`${year}-${month}-${day}`);
  }
  return fromEpochDay(daysFromCivil(year, month, day));
}

/**
 * Adds `n` calendar days (negative `n` goes back).
 *
 * @example
 * ```ts
 * addCalendarDays('2024-02-28', 2); // '2024-03-01'
 * ```
 */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  return fromEpochDay(toEpochDay(date) + n);
}

/** Orders two dates: negative when `a` is earlier, 0 when equal, positive when later (usable with `Array.prototype.sort`). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(toEpochDay(a) - toEpochDay(b));
}

/** Number of calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Adds `n` months keeping the day of the month, clamped to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: IsoDate): number {
  return isoWeekday(toEpochDay(date));
}
