// The deadline rule is defined once, in @banli/schemas; the calendar evaluates it.
export { type DeadlineRule, DeadlineRuleSchema, isMonthDay, MAX_RULE_DAYS, MAX_RULE_MONTHS } from '@banli/schemas';
