import type { LetterProblem } from '@banli/schemas';
import type { DeadlineKind } from '../deadlines.js';
import type { FeedbackLevel, IsoDate, ReplyClass, Unit } from '../domain.js';

type Base = { caseId: string; at: IsoDate };

/** Notifications the case machine emits (past tense), each with its `caseId` and business date. */
export type CaseEmitted =
  | ({ type: 'case.accepted'; unitId: string } & Base)
  | ({ type: 'adjustment.requested'; unitId: string; reason: string; suggestedUnit?: Unit } & Base)
  | ({ type: 'adjustment.kept' } & Base)
  | ({ type: 'case.reassigned'; fromUnit: Unit; toUnit: Unit } & Base)
  | ({ type: 'coUnit.opinionMissing'; unitId: string; due: IsoDate } & Base)
  /** `notify`: the proposers to tell, in advance, that the unit asks for more time (S10, S11, S21). */
  | ({ type: 'extension.requested'; reason: string; notify: string[] } & Base)
  /** `notify`: the proposers to tell the decision and the new due date. */
  | ({ type: 'extension.decided'; approved: boolean; due?: IsoDate; notify: string[] } & Base)
  | ({
      type: 'reply.issued';
      class: ReplyClass;
      docNumber: string;
      round: number;
      /**
       * A commitment (S10) is owed after this reply: to the item's own proposers or to a merged item's (a merged item's
       * own is on its `mergedReply.issued`).
       */
      commitment: boolean;
      /**
       * The commitment owed to the item's own proposers: their latest formal letter has a class the policy follows up
       * (absent from entries logged before it was kept apart; `commitment` then stood for it).
       */
      ownCommitment?: boolean;
      /** How each point was taken up, in the letter's order (empty when it answers no point by point). */
      adoptions: string[];
    } & Base)
  /**
   * A submitted draft lacks what the policy requires of a signed letter, uses the other kind's wording or prints a
   * class mark that disagrees with its class: a warning now; `signOff.approve` is refused until it is corrected.
   */
  | ({ type: 'reply.draftFlagged'; problems: LetterProblem[] } & Base)
  /** 并案: the letter to a merged item's proposers went out with the reply; `notify`: that item's proposers. */
  | ({
      type: 'mergedReply.issued';
      mergedItemId: string;
      class: ReplyClass;
      docNumber: string;
      round: number;
      notify: string[];
      /**
       * This letter's class is one the policy follows up: a commitment to that item's proposers (S10 with S20; absent
       * from entries logged before merged items' commitments were counted apart).
       */
      commitment?: boolean;
    } & Base)
  | ({ type: 'feedback.received'; proposerId: string; level: FeedbackLevel } & Base)
  | ({ type: 'rehandling.started'; round: number } & Base)
  /**
   * 二次答复 went out: `class`/`docNumber` of the item's own second reply (else of the first merged item's);
   * `mergedItemIds`: the merged items answered (their proposers to notify); `commitmentsOpen`: commitments still owed
   * after it (0 when the case closes).
   */
  | ({
      type: 'followUp.replied';
      class: ReplyClass;
      docNumber: string;
      mergedItemIds: string[];
      commitmentsOpen: number;
    } & Base)
  | ({ type: 'case.closed' } & Base)
  | ({ type: 'case.closeOverridden'; reason: string } & Base)
  | ({ type: 'case.terminated'; reason: string } & Base)
  | ({ type: 'deadline.missed'; deadlineId: string; kind: DeadlineKind; due: IsoDate } & Base)
  | ({ type: 'publication.due'; due: IsoDate } & Base)
  | ({ type: 'reply.published'; url?: string } & Base);
