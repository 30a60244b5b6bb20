export { isNewUnit, roleIs, withinAdjustmentWindow } from './acceptance.js';
export {
  canRehandle,
  canSubmitFeedback,
  commitmentOpen,
  feedbackComplete,
  feedbackPeriodOver,
  isFeedbackDeadline,
} from './feedback.js';
export {
  canRequestExtension,
  coOpinionsReady,
  hasPendingExtension,
  isAwaitedOpinion,
  isProposerContact,
} from './handling.js';
export {
  completesCountersign,
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
