// Domain types come from @banli/schemas; this module narrows the import surface used by the machines.
import type { Disclosure } from '@banli/schemas';

export type {
  Assignment,
  Bilingual,
  CoHandlingOpinion,
  Feedback,
  FeedbackLevel,
  IsoDate,
  MergedItem,
  Proposal,
  Proposer,
  ProposerType,
  RejectionReason,
  ReplyClass,
  ReplyLetter,
  Unit,
} from '@banli/schemas';

/** Disclosure mode of a reply: 主动公开 / 依申请公开 / 不予公开. */
export type DisclosureMode = Disclosure['mode'];
