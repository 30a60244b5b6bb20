import type { RefusalRule } from '../../refusal/reason.js';
import type { ProposalEvent } from '../events.js';
import type { ProposalContext } from '../types.js';
import { assignmentRefusals } from './assignment.js';
import { mergeRefusals } from './merge.js';
import { registrationRefusals } from './registration.js';
import { withdrawalRefusals } from './withdrawal.js';

/**
 * Why the proposal machine refuses an event, rule by rule (checked in order; the first reason wins). Each area
 * keeps its rules in its own file beside this one; add a file's list here.
 */
export const proposalRefusals: readonly RefusalRule<ProposalContext, ProposalEvent>[] = [
  ...assignmentRefusals,
  ...mergeRefusals,
  ...registrationRefusals,
  ...withdrawalRefusals,
];
