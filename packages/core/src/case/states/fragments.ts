// Transition fragments shared by several case states (as const keeps action names literal).

/** Withdrawal of the proposal ends the case. */
export const onTerminate = {
  'case.terminate': { target: '#case.lifecycle.terminated', actions: ['terminateCase', 'emitCaseTerminated'] },
} as const;

/** Contacts with proposers may be recorded while the unit works. */
export const onContact = {
  'case.recordContact': { guard: 'isProposerContact', actions: 'recordContact' },
} as const;

/** Co-handlers' opinions arrive while the lead unit works. */
export const onOpinion = {
  'coUnit.submitOpinion': { guard: 'isAwaitedOpinion', actions: 'recordOpinion' },
} as const;

/** The unit may ask for an extension (延期) within the policy's cap. */
export const onExtensionRequest = {
  'case.requestExtension': {
    guard: 'canRequestExtension',
    actions: ['recordExtensionRequest', 'emitExtensionRequested'],
  },
} as const;

/** The assigning office decides a pending extension request. */
export const onExtensionDecision = {
  'extension.approve': { guard: 'hasPendingExtension', actions: ['approveExtension', 'emitExtensionDecided'] },
  'extension.deny': { guard: 'hasPendingExtension', actions: ['denyExtension', 'emitExtensionDecided'] },
} as const;
