import { type Deadline, isCountedMiss, isPending } from '@banli/core';
import { copyIdRecord, idRecord, recordCopier } from '@banli/core/internal';
import type { CaseFacts, CommitmentFacts, CoverageFact, ProposalFacts } from '../facts.js';

/** The coverage fact of an item covered by `coverage` (an entry of the policy's `coverage`). */
export function coverageFact(
  policyId: string,
  coverage: { basis: CoverageFact['basis'] | 'sourced'; source?: string; note?: string },
): CoverageFact {
  const fact: CoverageFact = { policyId, basis: coverage.basis === 'sourced' ? 'analogy' : coverage.basis };
  if (coverage.source) fact.source = coverage.source;
  if (coverage.note) fact.note = coverage.note;
  return fact;
}

type Event = { type: string; at: string; [key: string]: unknown };

/** A notification as logged (core's `Notification`, the SDK's own, or an older logged shape), read field by field. */
export type LoggedNotification = Readonly<Record<string, unknown>>;

/** Contact methods that meet the proposer face to face (见面): a visit or a meeting. */
const FACE_TO_FACE = new Set(['visit', 'meeting']);

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Starts the facts of a new proposal. */
export function initialFacts(
  proposal: {
    id: string;
    number: number;
    kind: string;
    title: string;
    proposers: { id: string }[];
  },
  at: string,
  coverage?: CoverageFact,
): ProposalFacts {
  return {
    ...(coverage ? { coverage } : {}),
    id: proposal.id,
    number: proposal.number,
    kind: proposal.kind,
    title: proposal.title,
    proposerIds: proposal.proposers.map((p) => p.id),
    createdAt: at,
    lastAt: at,
    coUnitIds: [],
    // Keyed by case ids: hidden classes kept apart from `{}`'s (see `idRecord`), and so is every copy below.
    cases: idRecord(),
  };
}

/**
 * Folds one logged event into the facts; `deadlinesBefore` are the deadlines in force before it, `deadlinesAfter`
 * (when given) those after it, whose reply deadlines fill in cases that have not replied yet (`withCurrentReplyDue`).
 * Pure: the same log always gives the same facts, so replay reproduces them. The facts are copied once, with their keys
 * in the order field-by-field copies (`{ ...facts, key }`) would give them; each changed case is copied once.
 */
export function applyFacts(
  facts: ProposalFacts,
  event: Event,
  emitted: readonly LoggedNotification[],
  deadlinesBefore: readonly Deadline[],
  deadlinesAfter?: readonly Deadline[],
): ProposalFacts {
  const original = facts.cases;
  let cases = original;
  // A case changed by this event is copied the first time it is touched and changed in place after that (a case
  // opened by this event is new already).
  const touch = (caseId: string): CaseFacts | undefined => {
    const current = cases[caseId];
    if (!current) return undefined;
    if (cases === original) cases = copyIdRecord(original);
    else if (current !== original[caseId]) return current;
    // A copier, not `{ ...current }`: the fold adds keys to the copy (`firstReplyAt`, `closedAt`), and a spread given
    // keys it did not copy takes a hidden class of its own (see `recordCopier`).
    const copy = copyCase(current, NO_FIELDS);
    cases[caseId] = copy;
    return copy;
  };
  let assignedAt: string | undefined;
  let coUnitIds = facts.coUnitIds;
  let proposerIds = facts.proposerIds;
  if (event.type === 'assignment.assign') {
    const assignment = event.assignment as { coUnits?: { id: string }[] } | undefined;
    assignedAt = event.at;
    coUnitIds = (assignment?.coUnits ?? []).map((u) => u.id);
  }
  for (const n of emitted) {
    const caseId = str(n.caseId) ?? str(event.caseId);
    if (n.type === 'case.opened' && caseId) {
      const unit = n.unit as { id?: string } | string | undefined;
      const unitId = typeof unit === 'string' ? unit : (unit?.id ?? str(n.unitId) ?? '');
      if (cases === original) cases = copyIdRecord(original);
      cases[caseId] = {
        caseId,
        unitId,
        role: str(n.role) ?? 'sole',
        openedAt: event.at,
        lastAt: event.at,
        round: 1,
        rehandlings: 0,
        feedback: [],
      };
    } else if (n.type === 'reply.issued' && caseId) {
      const c = touch(caseId);
      if (!c) continue;
      const cls = str(n.class);
      if (c.firstReplyAt === undefined) {
        c.firstReplyAt = event.at;
        if (cls) c.firstClass = cls;
        const d = deadlinesBefore.find((x) => x.kind === 'reply' && x.caseId === caseId && isPending(x));
        if (d?.due) {
          c.replyDue = d.due;
          if (d.provisional) c.replyDueProvisional = true;
          else delete c.replyDueProvisional;
        }
        if (deadlinesBefore.some((x) => x.kind === 'reply' && x.caseId === caseId && isCountedMiss(x))) {
          c.replyMissed = true;
        }
      }
      c.lastReplyAt = event.at;
      if (cls) c.lastClass = cls;
      // The latest formal reply decides the commitment and the points: a re-handled reply replaces the first. Entries
      // logged before the own commitment was kept apart from merged items' say only `commitment`.
      const own = typeof n.ownCommitment === 'boolean' ? n.ownCommitment : n.commitment === true;
      if (own) c.commitment = { class: cls ?? '', madeAt: event.at };
      else delete c.commitment;
      if (Array.isArray(n.adoptions)) c.adoptions = n.adoptions.filter((a): a is string => typeof a === 'string');
      const doc = str(n.docNumber);
      if (doc) c.docNumber = doc;
    } else if (n.type === 'mergedReply.issued' && caseId && typeof n.commitment === 'boolean') {
      // 并案: the latest formal letter to a merged item decides its commitment, as the own letter decides the item's.
      const c = touch(caseId);
      const itemId = str(n.mergedItemId);
      if (!c || itemId === undefined) continue;
      const others = (c.mergedCommitments ?? []).filter((m) => m.mergedItemId !== itemId);
      if (n.commitment) others.push({ mergedItemId: itemId, class: str(n.class) ?? '', madeAt: event.at });
      if (others.length > 0) c.mergedCommitments = others;
      else delete c.mergedCommitments;
    } else if (n.type === 'case.reassigned' && caseId) {
      const c = touch(caseId);
      const to = n.toUnit as { id?: string } | undefined;
      if (c && to?.id) c.unitId = to.id;
      // A co-handler made lead no longer co-handles its own case (the machine drops it too).
      if (c?.role === 'lead' && to?.id && coUnitIds.includes(to.id)) coUnitIds = coUnitIds.filter((u) => u !== to.id);
    } else if (n.type === 'rehandling.started' && caseId) {
      const c = touch(caseId);
      if (c) {
        c.round += 1;
        c.rehandlings += 1;
      }
    } else if (n.type === 'followUp.replied' && caseId) {
      const c = touch(caseId);
      if (!c) continue;
      // Each second reply fulfils the commitment it answers: the own one with the event's own letter, a merged item's
      // by its letter; none is left once no commitment is open (older entries do not say: they closed the case).
      const open = typeof n.commitmentsOpen === 'number' && n.commitmentsOpen > 0;
      const answered = new Set(Array.isArray(n.mergedItemIds) ? n.mergedItemIds : []);
      const fulfil = <T extends CommitmentFacts>(m: T): T =>
        m.fulfilledAt === undefined ? { ...m, fulfilledAt: event.at } : m;
      if (c.commitment && (event.letter !== undefined || !open)) c.commitment = fulfil(c.commitment);
      if (c.mergedCommitments)
        c.mergedCommitments = c.mergedCommitments.map((m) => (!open || answered.has(m.mergedItemId) ? fulfil(m) : m));
    } else if (n.type === 'case.closeOverridden' && caseId) {
      const c = touch(caseId);
      const overridden = <T extends CommitmentFacts>(m: T): T =>
        m.fulfilledAt === undefined ? { ...m, overriddenAt: event.at, overrideReason: str(n.reason) ?? '' } : m;
      if (c?.commitment) c.commitment = overridden(c.commitment);
      if (c?.mergedCommitments) c.mergedCommitments = c.mergedCommitments.map(overridden);
    } else if (n.type === 'coUnit.opinionMissing' && caseId) {
      const c = touch(caseId);
      const unitId = str(n.unitId);
      if (c && unitId) c.missingOpinions = [...(c.missingOpinions ?? []), unitId];
    } else if (n.type === 'case.closed' && caseId) {
      const c = touch(caseId);
      if (c) c.closedAt = event.at;
    }
  }
  if (event.type === 'feedback.submit' && typeof event.caseId === 'string') {
    const c = touch(event.caseId);
    const fb = event.feedback as { proposerId: string; level: string; date: string } | undefined;
    if (c && fb)
      c.feedback = [...c.feedback, { round: c.round, proposerId: fb.proposerId, level: fb.level, date: fb.date }];
  }
  if (
    event.type === 'case.recordContact' &&
    typeof event.caseId === 'string' &&
    FACE_TO_FACE.has(String(event.method))
  ) {
    const c = touch(event.caseId);
    if (c) c.metFaceToFace = true;
  }
  if (event.type === 'coUnit.submitOpinion' && typeof event.caseId === 'string') {
    const c = touch(event.caseId);
    const from = (event.opinion as { fromUnit?: { id?: string } } | undefined)?.fromUnit?.id;
    if (c && from) c.opinionsFrom = [...(c.opinionsFrom ?? []), from];
  }
  if (event.type === 'proposal.withdrawSignature' && emitted.some((n) => n.type === 'proposal.signatureWithdrawn')) {
    proposerIds = proposerIds.filter((id) => id !== event.by);
  }
  if (event.type === 'proposal.withdraw') {
    for (const [id, c] of Object.entries(cases)) {
      if (c.closedAt === undefined && !c.terminated) {
        const copy = touch(id);
        if (copy) copy.terminated = true;
      }
    }
  }
  // Backdated events never lower the latest date: "last" is the latest business date, not the latest entry.
  if (typeof event.caseId === 'string') {
    const current = cases[event.caseId];
    if (current && (current.lastAt === undefined || current.lastAt < event.at)) {
      const copy = touch(event.caseId);
      if (copy) copy.lastAt = event.at;
    }
  }
  if (deadlinesAfter !== undefined) cases = withReplyDues(cases, original, deadlinesAfter);
  const lastAt = facts.lastAt === undefined || facts.lastAt < event.at ? event.at : undefined;
  if (
    assignedAt === undefined &&
    coUnitIds === facts.coUnitIds &&
    proposerIds === facts.proposerIds &&
    cases === original &&
    lastAt === undefined
  ) {
    return facts;
  }
  return rebuilt(facts, assignedAt, coUnitIds, proposerIds, cases, lastAt);
}

/**
 * The facts with the fields a fold changed: what `{ ...facts, assignedAt, coUnitIds }`, then `{ ...next, proposerIds }`,
 * `{ ...next, cases }` and `{ ...next, lastAt }` give, keys in the same order (a key already there keeps its place, a
 * new one comes last), from one copy. (A literal naming every field was measured slower here: its objects take
 * another hidden class than the facts they are built from, and every reader of facts then meets both.)
 */
function rebuilt(
  facts: ProposalFacts,
  assignedAt: string | undefined,
  coUnitIds: string[],
  proposerIds: string[],
  cases: Record<string, CaseFacts>,
  lastAt: string | undefined,
): ProposalFacts {
  const fields: Partial<ProposalFacts> = {};
  if (assignedAt !== undefined) fields.assignedAt = assignedAt;
  if (coUnitIds !== facts.coUnitIds) fields.coUnitIds = coUnitIds;
  if (proposerIds !== facts.proposerIds) fields.proposerIds = proposerIds;
  if (cases !== facts.cases) fields.cases = cases;
  if (lastAt !== undefined) fields.lastAt = lastAt;
  return copyFacts(facts, fields) as ProposalFacts;
}

// Copiers, not spreads (see `recordCopier`): `{ ...facts }` given the `assignedAt` it did not have, and a case's
// `{ ...current }` given its first reply, took a hidden class of their own each, passed on to every later copy of them.
const copyFacts = recordCopier();
const copyCase = recordCopier();
const NO_FIELDS = {};

// A case's facts with its reply deadline added: a copier, not a spread (see `recordCopier`).
const withDue = recordCopier();

/**
 * `cases` with a reply deadline filled in on each case that has not replied yet: copied from `original` (the facts'
 * own list) on the first change, a case rebuilt when its deadline changed.
 */
function withReplyDues(
  cases: Record<string, CaseFacts>,
  original: Record<string, CaseFacts>,
  deadlines: readonly Deadline[],
): Record<string, CaseFacts> {
  let out = cases;
  for (const d of deadlines) {
    if (d.kind !== 'reply' || !d.caseId || !isPending(d)) continue;
    const c = out[d.caseId];
    if (!c || c.firstReplyAt !== undefined) continue;
    if (c.replyDue === d.due && (c.replyDueProvisional === true) === d.provisional) continue;
    if (out === original) out = copyIdRecord(original);
    const fields = d.provisional ? { replyDue: d.due, replyDueProvisional: true } : { replyDue: d.due };
    // One copy: only a case whose due was provisional holds the key to drop (a due in an uncovered year), so only it
    // is first copied without the key (its place moves: it comes back last, after `replyDue`).
    if (!('replyDueProvisional' in c)) out[d.caseId] = withDue(c, fields);
    else {
      const { replyDueProvisional: _, ...rest } = c;
      out[d.caseId] = withDue(rest, fields);
    }
  }
  return out;
}

/** Fills a reply deadline on cases that have not replied yet, so overdue unreplied cases count in statistics. */
export function withCurrentReplyDue(facts: ProposalFacts, deadlines: readonly Deadline[]): ProposalFacts {
  const cases = withReplyDues(facts.cases, facts.cases, deadlines);
  return cases === facts.cases ? facts : { ...facts, cases };
}
