import type { IsoDate, Label } from '../types.js';
import type { DueDate } from './computeDueDate.js';
import type { DeadlineRule } from './deadlineRule.js';

/** A holiday named in an explanation. */
export interface ExplainedHoliday {
  name: string;
  label: Label;
  source: string;
}

/** One checkable step of a due-date computation; every step carries its own zh-CN/en text. */
export type ExplanationStep =
  | { kind: 'start'; date: IsoDate; text: Label }
  | {
      kind: 'skip';
      from: IsoDate;
      to: IsoDate;
      days: number;
      reason: 'weekend' | 'holiday';
      holiday?: ExplainedHoliday;
      /** True when the span lies outside the covered years (only the weekend is known). */
      provisional: boolean;
      text: Label;
    }
  | { kind: 'makeUpWorkday'; date: IsoDate; ordinal: number; holiday?: ExplainedHoliday; source: string; text: Label }
  | { kind: 'extraWorkday'; date: IsoDate; ordinal: number; source: string; text: Label }
  | { kind: 'coverageEnds'; boundary: IsoDate; text: Label }
  | { kind: 'count'; workingDays: number; calendarDays: number; text: Label }
  | { kind: 'land'; date: IsoDate; clamped: boolean; nextYear: boolean; text: Label }
  | { kind: 'restDay'; date: IsoDate; rolled: boolean; text: Label }
  | { kind: 'rollForward'; from: IsoDate; to: IsoDate; text: Label }
  | {
      kind: 'candidate';
      index: number;
      rule: DeadlineRule;
      due: IsoDate;
      chosen: boolean;
      steps: ExplanationStep[];
      text: Label;
    }
  | { kind: 'provisional'; text: Label }
  | { kind: 'due'; date: IsoDate; text: Label };

/** A due date with the trace a person can check: rule, start, skipped spans, make-up days counted, calendar, provisional. */
export interface DueDateExplanation extends DueDate {
  rule: DeadlineRule;
  start: IsoDate;
  /** The rule in words. */
  ruleText: Label;
  /** The structured trace. */
  steps: ExplanationStep[];
  /** Every notice or layer the trace relied on. */
  sources: string[];
  /** The whole trace as text, one step per line. */
  text: Label;
}
