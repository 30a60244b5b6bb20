import type { CalendarRef } from '../calendar.js';
import type { Deadline } from '../deadlines.js';
import type {
  CoHandlingOpinion,
  DisclosureMode,
  Feedback,
  IsoDate,
  MergedItem,
  Proposer,
  ProposerType,
  ReplyClass,
  ReplyLetter,
  Unit,
} from '../domain.js';
import type { DeadlineRule } from '../policy/deadlineRule.js';
import type { Policy } from '../policy/schema.js';
import type { ContactMethod } from './events.js';

/** The part a case's unit plays: `sole`, `lead` (with co-handlers), `split` (replies separately) or `reference` (参阅, no reply). */
export type CaseRole = 'sole' | 'lead' | 'split' | 'reference';

/** What the case machine needs to start: the unit, the proposal's essentials, the policy and the calendar. */
export interface CaseInput {
  caseId: string;
  proposalId: string;
  unit: Unit;
  role: CaseRole;
  /** Co-handlers (会办) of a lead case. */
  coUnits?: Unit[];
  assigningOffice?: Unit;
  proposers: Pick<Proposer, 'id' | 'name'>[];
  /** Ids of the proposal's points; the reply answers each one. */
  suggestionIds: string[];
  /** The item's kind: a CPPCC proposal or an NPC suggestion. @defaultValue 'proposal' */
  kind?: 'proposal' | 'suggestion';
  channel?: 'session' | 'interSession';
  /** The proposers' types (e.g. `party` for 民主党派), for reply periods that depend on them. */
  proposerTypes?: ProposerType[];
  key?: boolean;
  urgent?: boolean;
  supervisingLeader?: string;
  policy: Policy;
  calendar: CalendarRef;
  /** The date of 交办. */
  assignedAt: IsoDate;
  /** The session's closing day, for policies whose reply period starts then. */
  sessionClosedAt?: IsoDate;
  /** Items merged into the proposal (并案): the case replies to each one's proposers separately. */
  mergedItems?: MergedItem[];
}

/** One unit that held the case. */
export interface UnitTenure {
  unit: Unit;
  from: IsoDate;
  note?: string;
}

/** An adjustment request (申请调整) and the office's answer. */
export interface AdjustmentRecord {
  requestedAt: IsoDate;
  reason: string;
  fromUnit: Unit;
  suggestedUnit?: Unit;
  outcome?: 'kept' | 'reassigned';
  decidedAt?: IsoDate;
  toUnit?: Unit;
  note?: string;
}

/** A co-handler's opinion that never came before its deadline: recorded against that co-unit. */
interface MissingOpinion {
  unitId: string;
  /** The opinion's due date. */
  due: IsoDate;
  /** When the lead unit went on without it. */
  recordedAt: IsoDate;
  /** The step the lead unit went on with: drafting, or the reply itself. */
  step: 'drafting' | 'reply';
}

/** A recorded contact with a proposer. */
export interface ContactRecord {
  proposerId: string;
  method: ContactMethod;
  at: IsoDate;
  note?: string;
}

/** An extension request (延期) and its outcome. */
export interface ExtensionRecord {
  requestedAt: IsoDate;
  reason: string;
  rule?: DeadlineRule;
  status: 'pending' | 'approved' | 'denied';
  decidedAt?: IsoDate;
  note?: string;
}

/** A co-unit's countersignature (会签) or request for changes in the current drafting round. */
export interface CountersignRecord {
  unitId: string;
  at: IsoDate;
  status: 'approved' | 'changesRequested';
  note?: string;
}

/** A draft sent back for changes. */
export interface ReturnRecord {
  by: 'countersign' | 'signOff' | 'supervisor';
  at: IsoDate;
  note: string;
  round: number;
}

/** A letter that went out. */
export interface IssuedLetter {
  letter: ReplyLetter;
  round: number;
  issuedAt: IsoDate;
  /** The second reply on a B/C commitment. */
  followUp: boolean;
  /** For a letter to a merged item's proposers (并案): that item's id. Absent for the proposal's own letter. */
  mergedItemId?: string;
}

/** Feedback as received, with its round. */
export interface FeedbackRecord extends Feedback {
  round: number;
  receivedAt: IsoDate;
}

/** The publication side of the case. */
export interface PublicationRecord {
  mode?: DisclosureMode;
  reason?: string;
  publishedAt?: IsoDate;
  url?: string;
  disclosures: { at: IsoDate; requestId?: string }[];
}

/** The case machine's context: plain JSON. */
export interface CaseContext {
  caseId: string;
  proposalId: string;
  unit: Unit;
  role: CaseRole;
  coUnits: Unit[];
  assigningOffice?: Unit;
  proposers: Pick<Proposer, 'id' | 'name'>[];
  suggestionIds: string[];
  kind: 'proposal' | 'suggestion';
  channel: 'session' | 'interSession';
  proposerTypes: ProposerType[];
  key: boolean;
  urgent: boolean;
  supervisingLeader?: string;
  policy: Policy;
  calendar: CalendarRef;
  assignedAt: IsoDate;
  sessionClosedAt?: IsoDate;
  acceptedAt?: IsoDate;
  unitHistory: UnitTenure[];
  adjustments: AdjustmentRecord[];
  opinions: CoHandlingOpinion[];
  /** Co-handlers whose opinion deadline passed with no opinion, recorded against them when the lead went on. */
  missingOpinions: MissingOpinion[];
  contacts: ContactRecord[];
  extensions: ExtensionRecord[];
  /** 1, plus one per re-handling round. */
  round: number;
  draft?: ReplyLetter;
  /** The draft letters to the merged items' proposers, one per item (并案). */
  mergedDrafts?: ReplyLetter[];
  /** Items merged into the proposal and handled here (并案); absent in state written before any. */
  mergedItems?: MergedItem[];
  countersignatures: CountersignRecord[];
  returns: ReturnRecord[];
  signedOff?: { signer: string; at: IsoDate };
  /** The class set by the supervisor, replacing the draft's. */
  supervisorClass?: ReplyClass;
  letters: IssuedLetter[];
  feedback: FeedbackRecord[];
  publication: PublicationRecord;
  deadlines: Deadline[];
  deadlineSeq: number;
  closedAt?: IsoDate;
  closeNote?: string;
  /** The committee closed the case despite an open B/C commitment (`case.overrideClose`), with its reason. */
  closeOverride?: { at: IsoDate; reason: string };
  terminated?: { at: IsoDate; reason: string };
}
