import { z } from 'zod';
import { textRulesByShape } from './internal/fields.js';
import { raise } from './internal/issue.js';
import { bilingual } from './meta.js';

/**
 * A deadline rule as policies and events state it: a period counted forward from a start day (never including it).
 * The one definition of the concept: @banli/calendar evaluates it and @banli/core's policies set it, both through
 * this type and {@link DeadlineRuleSchema}. Written by hand because the type is recursive.
 */
export type DeadlineRule =
  | { kind: 'workingDays'; days: number }
  | { kind: 'calendarDays'; days: number; rollForward?: boolean | undefined }
  | { kind: 'months'; months: number; rollForward?: boolean | undefined }
  | { kind: 'fixedDate'; monthDay: string; rollForward?: boolean | undefined }
  | { kind: 'earliest'; rules: DeadlineRule[] }
  | { kind: 'latest'; rules: DeadlineRule[] };

/** The largest day count a rule may state (about 270 years), so evaluation stays bounded. */
export const MAX_RULE_DAYS = 100_000;
/** The largest month count a rule may state (100 years). */
export const MAX_RULE_MONTHS = 1200;

const count = (zh: string, en: string, max: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(max)
    .meta(bilingual(zh, en, `${zh}（0 至 ${max} 的整数）。`, `${en} (a whole number from 0 to ${max}).`));

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

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
// Days per month in a leap year, so that 02-29 is a real month-day.
const MONTH_LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Tells whether `'MM-DD'` names a day that exists in some year (02-29 included, 04-31 not). */
export function isMonthDay(value: string): boolean {
  const m = MONTH_DAY.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (MONTH_LENGTHS[month - 1] as number);
}

const monthDay = textRulesByShape(
  z.string().superRefine((value, ctx) => {
    if (!isMonthDay(value)) raise(ctx, 'month_day_format', value, [], { value });
  }),
).meta(bilingual('月日', 'Month and day', '格式为 MM-DD。', 'Written MM-DD.'));

const kind = <K extends string>(k: K) =>
  z.literal(k).meta(bilingual('规则类型', 'Rule kind', '期限规则的类型。', 'The kind of deadline rule.'));

const rulesOf = (nested: z.ZodType<DeadlineRule, DeadlineRule>) =>
  z
    .array(nested)
    .min(1)
    .meta(bilingual('子规则', 'Rules', '参与比较的期限规则。', 'The rules compared.'));

const leaves = [
  z.strictObject({ kind: kind('workingDays'), days: count('工作日数', 'Working days', MAX_RULE_DAYS) }),
  z.strictObject({
    kind: kind('calendarDays'),
    days: count('自然日数', 'Calendar days', MAX_RULE_DAYS),
    rollForward,
  }),
  z.strictObject({ kind: kind('months'), months: count('月数', 'Months', MAX_RULE_MONTHS), rollForward }),
  z.strictObject({ kind: kind('fixedDate'), monthDay, rollForward }),
] as const;

/** The six kinds of rule, with `earliest`/`latest` listing rules of the `nested` schema. */
const variants = (nested: z.ZodType<DeadlineRule, DeadlineRule>) =>
  z.discriminatedUnion('kind', [
    ...leaves,
    z.strictObject({ kind: kind('earliest'), rules: rulesOf(nested) }),
    z.strictObject({ kind: kind('latest'), rules: rulesOf(nested) }),
  ]);

const ruleMeta = bilingual(
  '期限规则',
  'Deadline rule',
  '计算期限的规则，如若干工作日、若干月或固定日期。',
  'How a deadline is computed: working days, months, a fixed date…',
);

/** A deadline rule (working days, calendar days, months, a fixed date, or the earliest/latest of several). */
export const DeadlineRuleSchema: z.ZodType<DeadlineRule, DeadlineRule> = z
  .lazy(() => variants(DeadlineRuleSchema))
  .meta(ruleMeta);

/**
 * How deep `earliest`/`latest` rules may nest in an event (`case.requestExtension`): four lists (no policy or request
 * nests more than one).
 */
export const MAX_EVENT_RULE_DEPTH = 4;

function bounded(depth: number): z.ZodType<DeadlineRule, DeadlineRule> {
  return depth === 0 ? z.discriminatedUnion('kind', [...leaves]) : variants(bounded(depth - 1));
}

/**
 * A deadline rule as an event carries it: {@link DeadlineRuleSchema} with `earliest`/`latest` nested at most
 * {@link MAX_EVENT_RULE_DEPTH} deep. Written out level by level instead of through `z.lazy`, so the schema has no
 * reference cycle and `z.compile` can compile every event schema that holds a rule (a cycle anywhere makes it hand
 * the whole event union back uncompiled).
 */
export const EventDeadlineRuleSchema: z.ZodType<DeadlineRule, DeadlineRule> =
  bounded(MAX_EVENT_RULE_DEPTH).meta(ruleMeta);
