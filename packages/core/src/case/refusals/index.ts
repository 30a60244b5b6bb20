import type { RefusalRule } from '../../refusal/reason.js';
import type { CaseEvent } from '../events.js';
import type { CaseContext } from '../types.js';
import { adjustmentRefusals } from './acceptance.js';
import { commitmentRefusals } from './commitments.js';
import { contactRefusals } from './contact.js';
import { coOpinionRefusals } from './coOpinions.js';
import { countersignRefusals } from './countersign.js';
import { extensionRefusals } from './extension.js';
import { feedbackRefusals } from './feedback.js';
import { followUpLetterRefusals } from './followUpLetter.js';
import { followUpMergedRefusals } from './followUpMerged.js';
import { mergedRefusals } from './merged.js';
import { rehandlingRefusals } from './rehandling.js';
import { replyRefusals } from './reply.js';

/**
 * Why the case machine refuses an event, rule by rule (checked in order; the first reason wins). Each area keeps
 * its rules in its own file beside this one; add a file's list here.
 */
export const caseRefusals: readonly RefusalRule<CaseContext, CaseEvent>[] = [
  ...adjustmentRefusals,
  ...extensionRefusals,
  ...replyRefusals,
  ...mergedRefusals,
  ...commitmentRefusals,
  ...followUpMergedRefusals,
  ...followUpLetterRefusals,
  ...coOpinionRefusals,
  ...countersignRefusals,
  ...feedbackRefusals,
  ...rehandlingRefusals,
  ...contactRefusals,
];
