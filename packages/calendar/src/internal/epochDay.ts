import { InvalidDateError } from '../errors.js';
import type { IsoDate } from '../types.js';

// Civil-date <-> day-number conversions after Howard Hinnant's public-domain algorithms; no Date objects on the hot path.

const PAD2: string[] = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month and day of a day number. */
export function civilFromDays(epochDay: number): [year: number, month: number, day: number] {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Whether `year` is a Gregorian leap year. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/** Day number of a `YYYY-MM-DD` string, or `NaN` when it is not a real date. */
export function tryToEpochDay(date: unknown): number {
  if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) {
    return Number.NaN;
  }
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  if (!(year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return Number.NaN;
  return daysFromCivil(year, month, day);
}

/** Day number of a `YYYY-MM-DD` string; throws `InvalidDateError` when it is not a real date. */
export function toEpochDay(date: IsoDate): number {
  const n = tryToEpochDay(date);
  if (Number.isNaN(n)) throw new InvalidDateError(date);
  return n;
}

/** `YYYY-MM-DD` string of a day number; throws `InvalidDateError` outside years 1–9999. */
export function fromEpochDay(epochDay: number): IsoDate {
  const [y, m, d] = civilFromDays(epochDay);
  if (!(y >= 1 && y <= 9999)) throw new InvalidDateError(epochDay);
  const ys = y >= 1000 ? String(y) : String(y).padStart(4, '0');
  return `${ys}-${PAD2[m]}-${PAD2[d]}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** Whether a day number falls on Saturday or Sunday. */
export function isWeekend(epochDay: number): boolean {
  return isoWeekday(epochDay) >= 6;
}
