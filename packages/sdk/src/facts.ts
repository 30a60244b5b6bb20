// What the SDK remembers about each proposal for queries and statistics (the summary row's `facts`).

/** What the SDK remembers about one case for queries and statistics. */
export interface CaseFacts {
  caseId: string;
  /** The proposal it belongs to (filled in by `computeStatistics` when absent). */
  proposalId?: string;
  unitId: string;
  role: string;
  openedAt: string;
  /** The reply deadline in force when the first reply was issued (or the current one before that). */
  replyDue?: string;
  /**
   * A reply deadline of the first round was recorded missed before the first reply, and no correction retracted it:
   * the reply is late even if an extension granted afterwards moved the due date past it.
   */
  replyMissed?: boolean;
  /** `replyDue` rests on an estimate (a year without its holiday notice). */
  replyDueProvisional?: boolean;
  firstReplyAt?: string;
  firstClass?: string;
  lastReplyAt?: string;
  lastClass?: string;
  docNumber?: string;
  /** 1 for the first handling, +1 for each re-handling round. */
  round: number;
  rehandlings: number;
  feedback: { round: number; proposerId: string; level: string; date: string }[];
  closedAt?: string;
  terminated?: boolean;
  /** The latest business date of the case's own events (its opening included); later events may not predate it. */
  lastAt?: string;
  /** A B/C commitment to the item's own proposers, made by their latest formal reply (S10), and how it ended. */
  commitment?: CommitmentFacts;
  /**
   * 并案 (S20): the B/C commitments made by the latest formal letter to each merged item's proposers, one per merged
   * item, counted apart from the item's own (absent while none was made, and in facts logged before they were kept).
   */
  mergedCommitments?: MergedCommitmentFacts[];
  /** A proposer was met face to face (visit or meeting) by the unit. */
  metFaceToFace?: boolean;
  /** How the latest formal reply took up each point, in order (empty: it answered no point by point). */
  adoptions?: string[];
  /** Co-handlers whose opinion came in. */
  opinionsFrom?: string[];
  /** Co-handlers whose opinion deadline passed with nothing sent (recorded against them). */
  missingOpinions?: string[];
}

/** A B/C commitment (S10, S74, S84): made by a reply, fulfilled by the second reply, or closed by the committee's override. */
export interface CommitmentFacts {
  class: string;
  madeAt: string;
  fulfilledAt?: string;
  overriddenAt?: string;
  overrideReason?: string;
}

/** A B/C commitment to a merged item's proposers (并案: replied to separately, S20), made through the target's case. */
export interface MergedCommitmentFacts extends CommitmentFacts {
  /** The merged item whose proposers the letter committed the unit to. */
  mergedItemId: string;
}

/** What the SDK remembers about one proposal, beside the machines' own state. */
export interface ProposalFacts {
  id: string;
  number: number;
  kind: string;
  title: string;
  proposerIds: string[];
  createdAt: string;
  /** The latest business date of any event of the proposal; a proposal-level event may not predate it. */
  lastAt?: string;
  assignedAt?: string;
  /** Co-handling units named by the latest assignment (they act on the lead case). */
  coUnitIds: string[];
  cases: Record<string, CaseFacts>;
  /** Set when the policy covers this kind of item only by analogy or inference, not by its own sources. */
  coverage?: CoverageFact;
}

/** How the policy in force covers an item it has no source for. */
export interface CoverageFact {
  policyId: string;
  basis: 'analogy' | 'inference' | 'noSource';
  source?: string;
  note?: string;
}
