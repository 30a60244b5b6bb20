import type { Calendar } from '@banli/calendar';
import { recordCopier } from '../internal/recordCopier.js';
import type { Policy } from '../policy/schema.js';
import type { ProposalInput } from '../proposal/types.js';
import { calendarRef } from '../withCalendar.js';
import type { StartInput } from './types.js';

// The caller's input with the policy and calendar added: a copier, not a spread (see `recordCopier`).
const withPolicy = recordCopier();

/**
 * The proposal machine's input for a new record, as the coordinator's `start` builds it: the caller's item, date and
 * session close, the policy, and the calendar by reference (its id and hash; the machine reads the calendar itself).
 */
export function proposalInputFrom(input: StartInput, policy: Policy, calendar: Calendar): ProposalInput {
  return withPolicy(input, { policy, calendar: calendarRef(calendar) });
}
