import { CalendarCoverageError, type CoverageGap, type CoverageSide, coverageGapMessages } from './errors.js';
import type { Calendar, CoverageOptions, IsoDate, Label } from './types.js';

/** Why a result is provisional: it relied on days the calendar does not cover yet. */
export interface ProvisionalReason extends CoverageGap {
  /** Same as `side`, for switch statements. */
  code: CoverageSide;
  /** Human explanation in zh-CN and en. */
  messages: Label;
}

/** Applies the caller's coverage choice: returns `undefined` when covered, a reason when provisional, or throws. */
export function resolveCoverage(
  cal: Calendar,
  uncovered: number,
  date: IsoDate,
  opts: CoverageOptions | undefined,
): ProvisionalReason | undefined {
  if (uncovered === 0) return undefined;
  const side: CoverageSide = uncovered === 1 ? 'beforeCoverage' : 'afterCoverage';
  const gap: CoverageGap = {
    side,
    date,
    calendarId: cal.id,
    calendarVersion: cal.version,
    firstYear: cal.firstYear,
    lastYear: cal.lastYear,
  };
  if ((opts?.uncovered ?? 'throw') === 'throw') throw new CalendarCoverageError(gap);
  return { ...gap, code: side, messages: coverageGapMessages(gap, true) };
}
