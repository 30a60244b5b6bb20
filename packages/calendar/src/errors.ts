import { type Bilingual, BilingualError } from '@banli/schemas';
import { formatChineseDate } from './dates/formatChineseDate.js';

/** Base class of every error thrown by `@banli/calendar`: a {@link BilingualError} with a stable `code` (e.g. `calendar_coverage`). */
export class CalendarError extends BilingualError {
  constructor(code: string, messages: Bilingual, options?: { cause?: unknown }) {
    super(code, messages, options);
    this.name = 'CalendarError';
  }
}

/** Thrown when a date string is not a real `YYYY-MM-DD` day. */
export class InvalidDateError extends CalendarError {
  declare readonly code: 'invalid_date';
  /** The rejected input. */
  readonly value: unknown;

  constructor(value: unknown) {
    const shown = typeof value === 'string' ? `'${value}'` : String(value);
    super('invalid_date', {
      'zh-CN': `无效日期 ${shown}：须为真实存在的 YYYY-MM-DD 日期（公元 1–9999 年）。`,
      en: `Invalid date ${shown}: expected a real YYYY-MM-DD day (years 1–9999).`,
    });
    this.name = 'InvalidDateError';
    this.value = value;
  }
}

/** One problem found while validating a calendar definition, in both languages. */
export interface CalendarDefinitionIssue {
  /** Where the problem is, e.g. `years.2.holidays.0.end`. */
  path: string;
  /** What is wrong, in zh-CN and en. */
  messages: Bilingual;
}

// Every issue on one line, `path: message`, in one language: the message of a definition or rule error.
const issueLines = (issues: readonly CalendarDefinitionIssue[], locale: keyof Bilingual): string =>
  issues.map((i) => `${i.path || '(root)'}: ${i.messages[locale]}`).join('; ');

/** Thrown by `defineCalendar`/`extendCalendar` when a calendar definition is invalid; lists every issue. */
export class CalendarDefinitionError extends CalendarError {
  declare readonly code: 'invalid_calendar';
  /** Every problem found, in document order. */
  readonly issues: readonly CalendarDefinitionIssue[];

  constructor(issues: readonly CalendarDefinitionIssue[]) {
    super('invalid_calendar', {
      'zh-CN': `日历定义无效（${issues.length} 处问题）：${issueLines(issues, 'zh-CN')}`,
      en: `Invalid calendar definition (${issues.length} issue${issues.length === 1 ? '' : 's'}): ${issueLines(issues, 'en')}`,
    });
    this.name = 'CalendarDefinitionError';
    this.issues = issues;
  }
}

/** Which side of the covered years a date lies on. */
export type CoverageSide = 'beforeCoverage' | 'afterCoverage';

/** Describes a computation that needed days the calendar does not cover. */
export interface CoverageGap {
  /** Before the first or after the last covered year. */
  side: CoverageSide;
  /** The date the computation was asked about (start or queried day). */
  date: string;
  calendarId: string;
  calendarVersion: string;
  firstYear: number;
  lastYear: number;
}

/** zh-CN/en explanation of a coverage gap. */
export function coverageGapMessages(gap: CoverageGap, provisional: false | 'weekdays' | 'statutory'): Bilingual {
  const { side, date, calendarId, calendarVersion, firstYear, lastYear } = gap;
  const cal = `${calendarId}@${calendarVersion}`;
  const zhDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatChineseDate(date) : date;
  const zhWhere = side === 'afterCoverage' ? `${lastYear} 年 12 月 31 日之后` : `${firstYear} 年 1 月 1 日之前`;
  const enWhere = side === 'afterCoverage' ? `after ${lastYear}-12-31` : `before ${firstYear}-01-01`;
  if (provisional === 'statutory') {
    return {
      'zh-CN': `临时结果：日历 ${cal} 仅覆盖 ${firstYear}–${lastYear} 年，${zhDate} 的计算用到 ${zhWhere}的日期，这些日期的节假日按《全国年节及纪念日放假办法》推算（法定节日及周末补假，未含调休）；届满日落在假期前后时可能与放假通知相差数日，相应年度放假通知公布后须重新计算。`,
      en: `Provisional: calendar ${cal} covers ${firstYear}–${lastYear} only; the computation for ${date} uses days ${enWhere}, whose holidays are estimated from the statutory holiday rules (statutory days and weekend compensation, no make-up weekend working days); a due date inside or next to a holiday may differ by a few days from the notice. Recompute once that year's holiday notice is published.`,
    };
  }
  if (provisional) {
    return {
      'zh-CN': `临时结果：日历 ${cal} 仅覆盖 ${firstYear}–${lastYear} 年，${zhDate} 的计算用到 ${zhWhere}的日期，这些日期只按周一至周五计为工作日（未计入节假日和调休）；相应年度节假日安排公布后须重新计算。`,
      en: `Provisional: calendar ${cal} covers ${firstYear}–${lastYear} only; the computation for ${date} uses days ${enWhere}, counted as Monday–Friday working days (holidays and make-up days unknown). Recompute once that year's holiday notice is published.`,
    };
  }
  return {
    'zh-CN': `日历 ${cal} 仅覆盖 ${firstYear}–${lastYear} 年，${zhDate} 的计算需要 ${zhWhere}的日期。请补充该年度节假日安排（extendCalendar），或传入 { uncovered: 'statutory' }（按放假办法推算）或 { uncovered: 'provisional' }（仅按周一至周五）获取临时结果。`,
    en: `Calendar ${cal} covers ${firstYear}–${lastYear} only; the computation for ${date} needs days ${enWhere}. Add that year's holiday notice (extendCalendar), or pass { uncovered: 'statutory' } (estimated from the statutory holiday rules) or { uncovered: 'provisional' } (Monday–Friday only) for a provisional result.`,
  };
}

/** Thrown when a computation needs days outside the calendar's covered years and the caller did not accept a provisional result. */
export class CalendarCoverageError extends CalendarError {
  declare readonly code: 'calendar_coverage';
  /** What was missing. */
  readonly gap: CoverageGap;

  constructor(gap: CoverageGap) {
    super('calendar_coverage', coverageGapMessages(gap, false));
    this.name = 'CalendarCoverageError';
    this.gap = gap;
  }
}

/** Thrown when a deadline rule does not match `DeadlineRuleSchema`. */
export class InvalidDeadlineRuleError extends CalendarError {
  declare readonly code: 'invalid_rule';
  /** Every problem found. */
  readonly issues: readonly CalendarDefinitionIssue[];

  constructor(issues: readonly CalendarDefinitionIssue[]) {
    super('invalid_rule', {
      'zh-CN': `期限规则无效：${issueLines(issues, 'zh-CN')}`,
      en: `Invalid deadline rule: ${issueLines(issues, 'en')}`,
    });
    this.name = 'InvalidDeadlineRuleError';
    this.issues = issues;
  }
}
