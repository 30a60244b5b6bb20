import { z } from 'zod';
import { daysInMonth } from '../internal/epochDay.js';

/** A deadline rule as policies state it; counting never includes the start day. */
export type DeadlineRule =
  | { kind: 'workingDays'; days: number }
  | { kind: 'calendarDays'; days: number; rollForward?: boolean }
  | { kind: 'months'; months: number; rollForward?: boolean }
  | { kind: 'fixedDate'; monthDay: string; rollForward?: boolean }
  | { kind: 'earliest'; rules: DeadlineRule[] }
  | { kind: 'latest'; rules: DeadlineRule[] };

const count = z.number().int().min(-100_000).max(100_000);
const rollForward = z.boolean().optional();

/** Tells whether `'MM-DD'` names a day that exists in some year (02-29 included). */
export function isMonthDay(value: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}

const ruleRef: z.ZodType<DeadlineRule> = z.lazy(() => DeadlineRuleSchema);

/**
 * Zod schema of {@link DeadlineRule}: working days, calendar days, months, a fixed `'MM-DD'` date, or the earliest/latest of several.
 *
 * @example
 * ```ts
 * DeadlineRuleSchema.parse({ kind: 'calendarDays', days: 30, rollForward: true });
 * ```
 */
export const DeadlineRuleSchema: z.ZodType<DeadlineRule> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('workingDays'), days: count }),
  z.strictObject({ kind: z.literal('calendarDays'), days: count, rollForward }),
  z.strictObject({ kind: z.literal('months'), months: z.number().int().min(-1200).max(1200), rollForward }),
  z.strictObject({
    kind: z.literal('fixedDate'),
    monthDay: z.string().refine(isMonthDay, { message: "Expected a real 'MM-DD' day, e.g. '06-30'" }),
    rollForward,
  }),
  z.strictObject({ kind: z.literal('earliest'), rules: z.array(ruleRef).min(1) }),
  z.strictObject({ kind: z.literal('latest'), rules: z.array(ruleRef).min(1) }),
]);
