import { type RefusalRule, refusalRule } from '../../refusal/reason.js';
import type { CaseEvent } from '../events.js';
import { followUpLetterProblems } from '../guards/reply.js';
import type { CaseContext } from '../types.js';
import { letterRefusal } from './reply.js';

/**
 * A follow-up (second) reply (二次答复, S10 art. 20, S74) whose letter lacks what the locality requires of a reply of
 * the item's kind, is worded for the other kind, or prints a class mark other than its own class: ONE refusal
 * listing every problem (`followUp.letterIncomplete`, `followUp.letterWrongKind`, `followUp.classMarkMismatch`).
 * Listed after the commitment rules: a case with no open commitment is refused for that first.
 */
export const followUpLetterRefusals: RefusalRule<CaseContext, CaseEvent>[] = [
  refusalRule<CaseContext, CaseEvent, 'followUp.reply'>(['followUp.reply'], (ctx, e) => {
    const problems = followUpLetterProblems(ctx, e);
    return problems.length === 0 ? undefined : letterRefusal(problems, 'followUp');
  }),
];
