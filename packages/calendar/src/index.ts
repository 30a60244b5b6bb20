export { addCalendarYear, CalendarYearConflictError } from './addCalendarYear.js';
export { addWorkingDays, addWorkingDaysDetailed } from './addWorkingDays.js';
export {
  CalendarDefinitionSchema,
  CalendarExtensionSchema,
  CalendarYearSchema,
  HolidayBlockSchema,
} from './calendarSchema.js';
export {
  type CalendarChange,
  type CalendarDayDifference,
  compareCalendars,
  diffCalendars,
  type TrackedDeadline,
} from './compareCalendars.js';
export type { ProvisionalReason } from './coverage.js';
export { chinaMainland, chinaMainlandYears } from './data/chinaMainland/index.js';
export { type ChinaHolidayName, chinaHolidayLabels } from './data/chinaMainland/labels.js';
export { formatChineseDate } from './dates/formatChineseDate.js';
export {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  compareIsoDates,
  formatIsoDate,
  IsoDateSchema,
  isIsoDate,
  isoWeekdayOf,
  parseIsoDate,
} from './dates/isoDate.js';
export { defineCalendar } from './defineCalendar.js';
export { type DayDescription, describeDay } from './describeDay.js';
export {
  CalendarCoverageError,
  CalendarDefinitionError,
  type CalendarDefinitionIssue,
  CalendarError,
  type CoverageGap,
  type CoverageSide,
  InvalidDateError,
  InvalidDeadlineRuleError,
} from './errors.js';
export { type CalendarExtension, extendCalendar } from './extendCalendar.js';
export { isWorkingDay } from './isWorkingDay.js';
export { HolidayNoticeError } from './notice/noticeErrors.js';
export {
  type HolidayNotice,
  type HolidayNoticeCitation,
  noticeToCalendarYear,
  parseHolidayNotice,
} from './notice/parseHolidayNotice.js';
export { computeDueDate, type DueDate } from './rules/computeDueDate.js';
export { type DeadlineRule, DeadlineRuleSchema } from './rules/deadlineRule.js';
export { describeRule } from './rules/describeRule.js';
export { explainDueDate } from './rules/explainDueDate.js';
export type { DueDateExplanation, ExplainedHoliday, ExplanationStep } from './rules/explanation.js';
export { estimateStatutoryYear, isEstimatedYear } from './statutory/estimateYear.js';
export {
  STATUTORY_FIRST_YEAR,
  STATUTORY_LAST_YEAR,
  type StatutoryDay,
  type StatutoryRules,
  statutoryDays,
  statutoryRulesFor,
  statutoryRuleVersions,
} from './statutory/statutoryDays.js';
export type {
  Calendar,
  CalendarDefinition,
  CalendarLayer,
  CalendarYear,
  CoverageOptions,
  HolidayBlock,
  IsoDate,
} from './types.js';
export { workingDaysBetween } from './workingDaysBetween.js';
