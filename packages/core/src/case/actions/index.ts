export { keepAssignment, reassignUnit, recordAcceptance, recordAdjustmentRequest } from './acceptance.js';
export {
  closeCase,
  dropProposer,
  openPublication,
  recordCloseOverride,
  recordDisclosure,
  recordMissed,
  recordPublication,
  terminateCase,
} from './closing.js';
export {
  recordCountersign,
  recordCountersignChanges,
  recordReturn,
  recordSignOff,
  recordSupervisorApproval,
  storeDraft,
} from './drafting.js';
export { caseEmitters } from './emitters.js';
export {
  approveExtension,
  denyExtension,
  recordContact,
  recordExtensionRequest,
  recordMissingOpinions,
  recordOpinion,
} from './handling.js';
export {
  closeFeedback,
  issueReply,
  openFollowUp,
  recordFeedback,
  recordFollowUpReply,
  startRehandling,
} from './reply.js';
