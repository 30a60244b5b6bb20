import type { CoHandlingOpinion, Feedback, IsoDate, MergedItem, ReplyClass, ReplyLetter, Unit } from '../domain.js';
import type { Flat } from '../internal/flat.js';
import type { DeadlineRule } from '../policy/deadlineRule.js';

type CaseBase = { caseId: string; at: IsoDate };

/** How the unit contacted a proposer. */
export type ContactMethod = 'visit' | 'phone' | 'meeting' | 'letter' | 'online';

/** Every event the case machine accepts (each carries `caseId` for routing and `at` for time). */
export type CaseEvent = Flat<
  | ({ type: 'case.accept' } & CaseBase)
  | ({ type: 'case.requestAdjustment'; reason: string; suggestedUnit?: Unit } & CaseBase)
  | ({ type: 'adjustment.keep'; note?: string } & CaseBase)
  | ({ type: 'adjustment.reassign'; toUnit: Unit; note?: string } & CaseBase)
  | ({ type: 'coUnit.submitOpinion'; opinion: CoHandlingOpinion } & CaseBase)
  | ({ type: 'case.recordContact'; proposerId: string; method: ContactMethod; note?: string } & CaseBase)
  | ({ type: 'case.requestExtension'; reason: string; rule?: DeadlineRule } & CaseBase)
  | ({ type: 'extension.approve' } & CaseBase)
  | ({ type: 'extension.deny'; reason?: string } & CaseBase)
  | ({ type: 'case.startDrafting' } & CaseBase)
  | ({ type: 'reply.submitDraft'; letter?: ReplyLetter; mergedLetters?: ReplyLetter[] } & CaseBase)
  | ({ type: 'countersign.approve'; unitId: string } & CaseBase)
  | ({ type: 'countersign.requestChanges'; unitId: string; note: string } & CaseBase)
  | ({ type: 'signOff.approve'; signer: string; principal?: boolean } & CaseBase)
  | ({ type: 'signOff.return'; note: string } & CaseBase)
  | ({ type: 'supervisor.approve'; class?: ReplyClass } & CaseBase)
  | ({ type: 'supervisor.return'; note: string } & CaseBase)
  | ({ type: 'feedback.submit'; feedback: Feedback } & CaseBase)
  | ({ type: 'rehandling.start'; note?: string } & CaseBase)
  | ({ type: 'followUp.reply'; letter?: ReplyLetter; mergedLetters?: ReplyLetter[] } & CaseBase)
  | ({ type: 'case.close'; note?: string } & CaseBase)
  | ({ type: 'case.overrideClose'; reason: string } & CaseBase)
  | ({ type: 'publication.publish'; url?: string } & CaseBase)
  | ({ type: 'publication.disclose'; requestId?: string } & CaseBase)
  | ({ type: 'case.addMergedItem'; item: MergedItem } & CaseBase)
  | ({ type: 'case.dropProposer'; proposerId: string } & CaseBase)
  | ({ type: 'case.terminate'; reason: string } & CaseBase)
  | { type: 'deadline.elapsed'; at: IsoDate; deadlineId: string; caseId?: string }
>;

/** The type of a case event. */
export type CaseEventType = CaseEvent['type'];

/** One case event by type. */
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
