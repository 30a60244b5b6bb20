// The deadline rule type and schema are owned by @banli/calendar, which evaluates them.
export { type DeadlineRule, DeadlineRuleSchema } from '@banli/calendar';
