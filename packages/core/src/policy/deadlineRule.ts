// The deadline rule is defined once, in @banli/schemas (the calendar evaluates it, policies set it).
export { type DeadlineRule, DeadlineRuleSchema } from '@banli/schemas';
