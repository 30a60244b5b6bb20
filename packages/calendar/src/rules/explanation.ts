import type { Bilingual } from '@banli/schemas';
import type { IsoDate } from '../types.js';
import type { DueDate } from './computeDueDate.js';
import type { DeadlineRule } from './deadlineRule.js';

/** A holiday named in an explanation. */
export interface ExplainedHoliday {
  name: string;
  label: Bilingual;
  source: string;
}

/** One checkable step of a due-date computation; every step carries its own zh-CN/en text. */
export type ExplanationStep =
  | { kind: 'start'; date: IsoDate; text: Bilingual }
  | {
      kind: 'skip';
      from: IsoDate;
      to: IsoDate;
      days: number;
      reason: 'weekend' | 'holiday';
      holiday?: ExplainedHoliday;
      /** True when the span lies outside the covered years (only the weekend is known). */
      provisional: boolean;
      text: Bilingual;
    }
  | {
      kind: 'makeUpWorkday';
      date: IsoDate;
      ordinal: number;
      holiday?: ExplainedHoliday;
      source: string;
      text: Bilingual;
    }
  | { kind: 'extraWorkday'; date: IsoDate; ordinal: number; source: string; text: Bilingual }
  | { kind: 'coverageEnds'; boundary: IsoDate; text: Bilingual }
  | { kind: 'count'; workingDays: number; calendarDays: number; text: Bilingual }
  | { kind: 'land'; date: IsoDate; clamped: boolean; nextYear: boolean; text: Bilingual }
  | { kind: 'restDay'; date: IsoDate; rolled: boolean; text: Bilingual }
  | { kind: 'rollForward'; from: IsoDate; to: IsoDate; text: Bilingual }
  | {
      kind: 'candidate';
      index: number;
      rule: DeadlineRule;
      due: IsoDate;
      chosen: boolean;
      steps: ExplanationStep[];
      text: Bilingual;
    }
  | { kind: 'provisional'; text: Bilingual }
  | { kind: 'due'; date: IsoDate; text: Bilingual };

/** A due date with the trace a person can check: rule, start, skipped spans, make-up days counted, calendar, provisional. */
export interface DueDateExplanation extends DueDate {
  rule: DeadlineRule;
  start: IsoDate;
  /** The rule in words. */
  ruleText: Bilingual;
  /** The structured trace. */
  steps: ExplanationStep[];
  /** Every notice or layer the trace relied on. */
  sources: string[];
  /** The whole trace as text, one step per line. */
  text: Bilingual;
}
