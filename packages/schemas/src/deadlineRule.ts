import { z } from 'zod';
import { raise } from './internal/issue.js';
import { bilingual } from './meta.js';

/**
 * A deadline rule, structurally identical to `DeadlineRule` in @banli/calendar (which owns its evaluation); declared
 * here because schemas depends on zod only. Written by hand because the type is recursive.
 */
export type DeadlineRule =
  | { kind: 'workingDays'; days: number }
  | { kind: 'calendarDays'; days: number; rollForward?: boolean | undefined }
  | { kind: 'months'; months: number; rollForward?: boolean | undefined }
  | { kind: 'fixedDate'; monthDay: string; rollForward?: boolean | undefined }
  | { kind: 'earliest'; rules: DeadlineRule[] }
  | { kind: 'latest'; rules: DeadlineRule[] };

const count = (zh: string, en: string) =>
  z
    .number()
    .int()
    .min(0)
    .meta(bilingual(zh, en, `${zh}（非负整数）。`, `${en} (a whole number ≥ 0).`));

const rollForward = z
  .boolean()
  .meta(
    bilingual(
      '遇休息日顺延',
      'Roll forward',
      '到期日为休息日时顺延至下一个工作日。',
      'A due date on a rest day moves to the next working day.',
    ),
  )
  .optional();

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const monthDay = z
  .string()
  .superRefine((value, ctx) => {
    if (!MONTH_DAY.test(value)) raise(ctx, 'month_day_format', value, [], { value });
  })
  .meta(bilingual('月日', 'Month and day', '格式为 MM-DD。', 'Written MM-DD.'));

const kind = <K extends string>(k: K) =>
  z.literal(k).meta(bilingual('规则类型', 'Rule kind', '期限规则的类型。', 'The kind of deadline rule.'));

const rules = () =>
  z
    .array(DeadlineRuleSchema)
    .min(1)
    .meta(bilingual('子规则', 'Rules', '参与比较的期限规则。', 'The rules compared.'));

/** A deadline rule (working days, calendar days, months, a fixed date, or the earliest/latest of several). */
export const DeadlineRuleSchema: z.ZodType<DeadlineRule, DeadlineRule> = z
  .lazy(() =>
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: kind('workingDays'), days: count('工作日数', 'Working days') }),
      z.strictObject({ kind: kind('calendarDays'), days: count('自然日数', 'Calendar days'), rollForward }),
      z.strictObject({ kind: kind('months'), months: count('月数', 'Months'), rollForward }),
      z.strictObject({ kind: kind('fixedDate'), monthDay, rollForward }),
      z.strictObject({ kind: kind('earliest'), rules: rules() }),
      z.strictObject({ kind: kind('latest'), rules: rules() }),
    ]),
  )
  .meta(
    bilingual(
      '期限规则',
      'Deadline rule',
      '计算期限的规则，如若干工作日、若干月或固定日期。',
      'How a deadline is computed: working days, months, a fixed date…',
    ),
  );
