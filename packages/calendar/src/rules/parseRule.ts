import { InvalidDeadlineRuleError } from '../errors.js';
import { toDefinitionIssues } from '../internal/issues.js';
import { type DeadlineRule, DeadlineRuleSchema } from './deadlineRule.js';

/** Validates a rule, throwing `InvalidDeadlineRuleError` with zh-CN/en messages. */
export function parseRule(rule: DeadlineRule): DeadlineRule {
  const parsed = DeadlineRuleSchema.safeParse(rule);
  if (!parsed.success) throw new InvalidDeadlineRuleError(toDefinitionIssues(parsed.error));
  return parsed.data;
}
