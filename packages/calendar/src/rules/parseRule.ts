import { InvalidDeadlineRuleError } from '../errors.js';
import { toDefinitionIssues } from '../internal/issues.js';
import { type DeadlineRule, DeadlineRuleSchema, isMonthDay, MAX_RULE_DAYS, MAX_RULE_MONTHS } from './deadlineRule.js';

const KEYS: Record<DeadlineRule['kind'], readonly string[]> = {
  workingDays: ['kind', 'days'],
  calendarDays: ['kind', 'days', 'rollForward'],
  months: ['kind', 'months', 'rollForward'],
  fixedDate: ['kind', 'monthDay', 'rollForward'],
  earliest: ['kind', 'rules'],
  latest: ['kind', 'rules'],
};

const intIn = (v: unknown, limit: number) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= limit;
const optBool = (v: unknown) => v === undefined || typeof v === 'boolean';

// Mirrors DeadlineRuleSchema without zod's per-call cost; a test keeps the two in agreement.
export function isValidRule(value: unknown): value is DeadlineRule {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const allowed = KEYS[r.kind as DeadlineRule['kind']];
  if (!allowed || !Object.hasOwn(KEYS, r.kind as string)) return false;
  for (const key in r) if (!allowed.includes(key)) return false;
  switch (r.kind) {
    case 'workingDays':
      return intIn(r.days, MAX_RULE_DAYS);
    case 'calendarDays':
      return intIn(r.days, MAX_RULE_DAYS) && optBool(r.rollForward);
    case 'months':
      return intIn(r.months, MAX_RULE_MONTHS) && optBool(r.rollForward);
    case 'fixedDate':
      return typeof r.monthDay === 'string' && isMonthDay(r.monthDay) && optBool(r.rollForward);
    default:
      return Array.isArray(r.rules) && r.rules.length > 0 && r.rules.every(isValidRule);
  }
}

/** Validates a rule, throwing `InvalidDeadlineRuleError` with zh-CN/en messages. */
export function parseRule(rule: DeadlineRule): DeadlineRule {
  if (isValidRule(rule)) return rule;
  const parsed = DeadlineRuleSchema.safeParse(rule);
  if (!parsed.success) throw new InvalidDeadlineRuleError(toDefinitionIssues(parsed.error));
  return parsed.data;
}
