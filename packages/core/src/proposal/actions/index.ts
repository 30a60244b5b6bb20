export { recordCaseAccepted, recordCaseClosed, recordCaseReassigned, recordCaseReplied, stamp } from './cases.js';
export { proposalEmitters } from './emitters.js';
export {
  recordAssignment,
  recordDecision,
  recordMergedItem,
  recordMissed,
  recordRegistration,
  recordReviewStart,
  recordSignatureWithdrawal,
  recordSubmission,
  recordWithdrawal,
} from './intake.js';
