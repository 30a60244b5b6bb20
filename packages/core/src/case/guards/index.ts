export { isNewUnit, roleIs, withinAdjustmentWindow } from './acceptance.js';
export {
  canRehandle,
  canSubmitFeedback,
  commitmentOpen,
  feedbackComplete,
  feedbackPeriodOver,
  isFeedbackDeadline,
  isFollowUpClass,
} from './feedback.js';
export {
  awaitedOpinions,
  canRequestExtension,
  coOpinionsReady,
  hasPendingExtension,
  isAwaitedOpinion,
  isProposerContact,
  missingOpinions,
} from './handling.js';
export {
  completesCountersign,
  draftProblems,
  followUpLetterProblems,
  isAllowedClass,
  isAllowedSigner,
  isCompleteDraft,
  isCountersigner,
  isPendingCountersigner,
  isSendableFollowUp,
  isSignableLetter,
  needsCountersign,
  needsSupervisorReview,
} from './reply.js';
