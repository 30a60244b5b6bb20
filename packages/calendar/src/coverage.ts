import type { Bilingual } from '@banli/schemas';
import { CalendarCoverageError, type CoverageGap, type CoverageSide, coverageGapMessages } from './errors.js';
import type { Calendar, CoverageOptions, IsoDate } from './types.js';

/** Why a result is provisional: it relied on days the calendar does not cover yet. */
export interface ProvisionalReason extends CoverageGap {
  /** Same as `side`, for switch statements. */
  code: CoverageSide;
  /** What stood in for the missing notice: the statutory estimate, or Monday–Friday only. */
  estimate: 'statutory' | 'weekdays';
  /** Human explanation in zh-CN and en. */
  messages: Bilingual;
}

/** Throws `CalendarCoverageError` when uncovered days were needed and the caller did not accept a provisional result. */
export function checkCoverage(
  cal: Calendar,
  uncovered: number,
  date: IsoDate,
  opts: CoverageOptions | undefined,
): void {
  if (uncovered !== 0 && (opts?.uncovered ?? 'throw') === 'throw') resolveCoverage(cal, uncovered, date, opts);
}

// Reasons are built once per calendar, side, mode and date: their bilingual texts cost far more than the computation.
const reasons = new WeakMap<Calendar, Map<string, ProvisionalReason>>();
const MAX_CACHED = 20_000;

/** Applies the caller's coverage choice: returns `undefined` when covered, a reason when provisional, or throws. */
export function resolveCoverage(
  cal: Calendar,
  uncovered: number,
  date: IsoDate,
  opts: CoverageOptions | undefined,
): ProvisionalReason | undefined {
  if (uncovered === 0) return undefined;
  const side: CoverageSide = uncovered === 1 ? 'beforeCoverage' : 'afterCoverage';
  const mode = opts?.uncovered ?? 'throw';
  if (mode === 'throw') {
    throw new CalendarCoverageError({
      side,
      date,
      calendarId: cal.id,
      calendarVersion: cal.version,
      firstYear: cal.firstYear,
      lastYear: cal.lastYear,
    });
  }
  let byKey = reasons.get(cal);
  if (byKey === undefined) {
    byKey = new Map();
    reasons.set(cal, byKey);
  }
  const key = `${mode}|${uncovered}|${date}`;
  let reason = byKey.get(key);
  if (reason === undefined) {
    const gap: CoverageGap = {
      side,
      date,
      calendarId: cal.id,
      calendarVersion: cal.version,
      firstYear: cal.firstYear,
      lastYear: cal.lastYear,
    };
    const estimate = mode === 'statutory' ? 'statutory' : 'weekdays';
    reason = { ...gap, code: side, estimate, messages: Object.freeze(coverageGapMessages(gap, estimate)) };
    if (byKey.size >= MAX_CACHED) byKey.clear();
    byKey.set(key, reason);
  }
  return { ...reason };
}
