import type { DeadlineRule as CalendarRule } from '@banli/calendar';
import type { DeadlineRule as SchemasRule } from '@banli/schemas';
import { expectTypeOf } from 'vitest';
import type { z } from 'zod';
import type { PolicyPeriods, PolicySchema } from '../src/index.js';
import type { DeadlineRule as CoreRule } from '../src/policy/deadlineRule.js';

// One deadline rule: the type @banli/schemas defines is the one the calendar evaluates and policies set.
expectTypeOf<CalendarRule>().toEqualTypeOf<SchemasRule>();
expectTypeOf<CoreRule>().toEqualTypeOf<SchemasRule>();
expectTypeOf<PolicyPeriods['reply']>().toEqualTypeOf<SchemasRule>();
expectTypeOf<NonNullable<PolicyPeriods['urgentReply']>>().toEqualTypeOf<SchemasRule>();
expectTypeOf<z.input<typeof PolicySchema>['periods']['reply']>().toEqualTypeOf<SchemasRule>();
