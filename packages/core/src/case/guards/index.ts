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
  canRequestExtension,
  coOpinionsReady,
  hasPendingExtension,
  isAwaitedOpinion,
  isProposerContact,
} from './handling.js';
export {
  completesCountersign,
  isAllowedClass,
  isCompleteDraft,
  isCountersigner,
  isPendingCountersigner,
  needsCountersign,
  needsSupervisorReview,
} from './reply.js';
