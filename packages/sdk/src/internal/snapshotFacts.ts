import { idRecord } from '@banli/core/internal';
import type { ProposalFacts } from '../facts.js';
import { asJson } from '../json.js';
import { COMPACT } from './snapshotCases.js';
import type { SnapshotMemo } from './snapshotMemo.js';

type Json = Record<string, unknown>;

interface ProposalLike {
  id?: string;
  number?: number;
  kind?: string;
  title?: string;
  proposers?: { id: string }[];
}

/**
 * The facts the proposal (logged by the stream's creation entry, referenced by the proposal's context) already
 * says, in the order `initialFacts` writes them; `coUnitIds` is read from the assignment's co-units.
 */
const FROM_PROPOSAL = ['id', 'number', 'kind', 'title', 'proposerIds'] as const;
const STARTING = [...FROM_PROPOSAL, 'createdAt', 'lastAt', 'coUnitIds', 'cases'];

type Assignment = { coUnits?: { id: string }[] } | undefined;

/** What the proposal and the assignment of a proposal context say of the facts (lists of its own). */
function derivedNow(proposalCtx: Json): Json {
  const proposal = (proposalCtx.proposal ?? {}) as ProposalLike;
  const assignment = proposalCtx.assignment as Assignment;
  return {
    id: proposal.id,
    number: proposal.number,
    kind: proposal.kind,
    title: proposal.title,
    proposerIds: (proposal.proposers ?? []).map((p) => p.id),
    coUnitIds: (assignment?.coUnits ?? []).map((u) => u.id),
  };
}

/** `derivedNow`, the one remembered while the proposal and the assignment are unchanged: for comparing, never to keep. */
function derived(proposalCtx: Json, memo: SnapshotMemo | undefined): Json {
  const proposal = proposalCtx.proposal;
  if (memo === undefined || typeof proposal !== 'object' || proposal === null) return derivedNow(proposalCtx);
  const hit = memo.derivedFrom;
  if (hit !== undefined && hit.proposal === proposal && hit.assignment === proposalCtx.assignment) return hit.from;
  const from = derivedNow(proposalCtx);
  memo.derivedFrom = { proposal, assignment: proposalCtx.assignment, from };
  return from;
}

const sameList = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);

/** JSON equality of two small values (facts fields: strings, numbers, lists of plain records). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // A string's JSON is a quoted string, which no other value's JSON is: two strings that differ, or a string and
  // anything else, never give the same text.
  if (typeof a === 'string' || typeof b === 'string') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A case's facts in the order `applyFacts` opens them; a snapshot leaves out those its case says already. */
const CASE_STARTING = ['caseId', 'unitId', 'role', 'openedAt', 'lastAt', 'round', 'rehandlings', 'feedback'];

type Handling = { proposal: { context?: unknown }; cases: Record<string, { context?: unknown }> };

/**
 * What the state says of a case's facts: its id and unit (from the id `<proposal id>/<unit id>`), its role and
 * opening date (the proposal's list of cases) and its round (the case's context); the proposers' feedback is read
 * from the case context's list (`feedbackOf`) and compared through `sameFeedback`. Derivations of the snapshot format:
 * a fact that differs from them is stored.
 */
function caseFromState(caseId: string, proposalId: string, handling: Handling, ctx: Json): Json {
  const proposalCtx = (handling.proposal.context ?? {}) as Json;
  const listed = ((proposalCtx.cases ?? []) as Json[]).find((c) => c.caseId === caseId);
  return {
    caseId,
    unitId: caseId.startsWith(`${proposalId}/`) ? caseId.slice(proposalId.length + 1) : undefined,
    role: listed?.role,
    openedAt: listed?.openedAt,
    round: ctx.round,
    rehandlings: 0,
  };
}

/** The proposers' feedback as a case's facts hold it, from the case context's list. */
function feedbackOf(list: unknown): Json[] | undefined {
  return Array.isArray(list)
    ? (list as Json[]).map((f) => ({ round: f.round, proposerId: f.proposerId, level: f.level, date: f.date }))
    : undefined;
}

function sameFeedback(facts: unknown, list: unknown): boolean {
  return sameJson(facts, feedbackOf(list));
}

/**
 * A case's facts as stored (`compactCaseFacts`); with `memo`, the form stored before while the case's facts, its
 * context's feedback and round, and the proposal's list of cases are the objects (and round) it was computed from.
 */
function storedCaseFacts(key: string, facts: Json, proposalId: string, handling: Handling, memo?: SnapshotMemo): Json {
  if (memo === undefined) return compactCaseFacts(key, facts, proposalId, handling);
  const ctx = (handling.cases[key]?.context ?? {}) as Json;
  const listed = (handling.proposal.context as Json | undefined)?.cases;
  const hit = memo.facts.get(key);
  if (
    hit !== undefined &&
    hit.facts === facts &&
    hit.feedback === ctx.feedback &&
    hit.round === ctx.round &&
    hit.listed === listed
  ) {
    return hit.stored;
  }
  // Whether the facts' feedback equals the context's list: remembered while both lists are the objects compared (a
  // case's facts change on nearly every command, their feedback only with feedback).
  const feedbackSame =
    hit !== undefined && hit.feedbackFacts === facts.feedback && hit.feedback === ctx.feedback
      ? hit.feedbackSame
      : sameFeedback(facts.feedback, ctx.feedback);
  // What the state says of the case: the same while the proposal's list of cases and the case's round are.
  const from =
    hit !== undefined && hit.listed === listed && hit.round === ctx.round
      ? hit.from
      : caseFromState(key, proposalId, handling, ctx);
  const stored = compactCaseFacts(key, facts, proposalId, handling, feedbackSame, from);
  memo.facts.set(key, {
    facts,
    feedback: ctx.feedback,
    round: ctx.round,
    listed,
    stored,
    feedbackFacts: facts.feedback,
    feedbackSame,
    from,
  });
  return stored;
}

/** A case's facts as stored: without `caseId` and each starting fact its case says already; whole otherwise. */
function compactCaseFacts(
  key: string,
  facts: Json,
  proposalId: string,
  handling: Handling,
  feedbackSame?: boolean,
  fromState?: Json,
): Json {
  if (facts.caseId !== key) return facts;
  const ctx = (handling.cases[key]?.context ?? {}) as Json;
  let from = fromState;
  let out: Json | undefined;
  let i = 0;
  for (const k in facts) {
    if (i < CASE_STARTING.length) {
      if (k !== CASE_STARTING[i]) return facts;
      i++;
      if (k === 'feedback') {
        if (feedbackSame ?? sameFeedback(facts[k], ctx.feedback)) continue;
      } else {
        from ??= caseFromState(key, proposalId, handling, ctx);
        if (sameJson(facts[k], from[k])) continue;
      }
    }
    out ??= {};
    out[k] = facts[k];
  }
  return i < CASE_STARTING.length ? facts : (out ?? {});
}

function expandCaseFacts(stored: Json, from: Json): Json {
  if ('caseId' in stored) return stored;
  const out: Json = {};
  for (const k of CASE_STARTING) out[k] = k in stored ? stored[k] : from[k];
  for (const k in stored) if (!(k in out)) out[k] = stored[k];
  return out;
}

/**
 * The facts as a snapshot stores them (issue 19): without what the logged proposal and assignment already say (`id`,
 * `number`, `kind`, `title`, `proposerIds`, `coUnitIds`, each only when equal) and without each case's id, marked
 * `COMPACT`; the same facts when their fields are not in the order they start with.
 */
export function compactFacts(facts: ProposalFacts, handling: Handling, memo?: SnapshotMemo): Json {
  const proposalCtx = (handling.proposal.context ?? {}) as Json;
  const all: Json = asJson(facts);
  // In the order they start with (after an optional `coverage`), read without building a key list.
  let i = 0;
  let offset = 0;
  for (const key in all) {
    if (i === 0 && offset === 0 && key === 'coverage') {
      offset = 1;
      continue;
    }
    if (i >= STARTING.length) break;
    if (key !== STARTING[i]) return { ...all };
    i++;
  }
  if (i < STARTING.length) return { ...all };
  const from = derived(proposalCtx, memo);
  for (const key of FROM_PROPOSAL) {
    const same = key === 'proposerIds' ? sameList(all[key], from[key]) : all[key] === from[key];
    if (!same) return { ...all };
  }
  const out: Json = { [COMPACT]: 1 };
  for (const key in all) {
    if ((FROM_PROPOSAL as readonly string[]).includes(key)) continue;
    if (key === 'coUnitIds' && sameList(all[key], from[key])) continue;
    if (key === 'cases') {
      const cases: Json = idRecord();
      for (const id in facts.cases) {
        cases[id] = storedCaseFacts(id, asJson(facts.cases[id] as object), facts.id, handling, memo);
      }
      out.cases = cases;
      continue;
    }
    out[key] = all[key];
  }
  return out;
}

/** Stored facts as the aggregate keeps them: the left-out fields read back in their order; whole facts as they are. */
export function expandFacts(stored: Json, handling: Handling, memo?: SnapshotMemo): Json {
  const proposalCtx = (handling.proposal.context ?? {}) as Json;
  if (!(COMPACT in stored)) return stored;
  const from = derivedNow(proposalCtx);
  // A seeded memo (`seededMemo`) remembers what `compactFacts` would compare against, and each case's stored form.
  const proposal = proposalCtx.proposal;
  if (memo !== undefined && typeof proposal === 'object' && proposal !== null) {
    memo.derivedFrom = { proposal, assignment: proposalCtx.assignment, from };
  }
  const out: Json = {};
  if ('coverage' in stored) out.coverage = stored.coverage;
  for (const key of FROM_PROPOSAL) out[key] = from[key];
  const id = String(from.id);
  for (const key in stored) {
    if (key === 'coverage' || key === COMPACT) continue;
    if (key === 'cases') {
      if (!('coUnitIds' in out)) out.coUnitIds = from.coUnitIds;
      const cases: Json = idRecord();
      for (const [caseId, c] of Object.entries(stored.cases as Json)) {
        const ctx = (handling.cases[caseId]?.context ?? {}) as Json;
        const fromState = caseFromState(caseId, id, handling, ctx);
        const facts = expandCaseFacts(c as Json, { ...fromState, feedback: feedbackOf(ctx.feedback) });
        cases[caseId] = facts;
        if (memo === undefined) continue;
        memo.facts.set(caseId, {
          facts,
          feedback: ctx.feedback,
          round: ctx.round,
          listed: proposalCtx.cases,
          stored: c as Json,
          feedbackFacts: facts.feedback,
          feedbackSame: sameFeedback(facts.feedback, ctx.feedback),
          from: fromState,
        });
      }
      out.cases = cases;
      continue;
    }
    out[key] = stored[key];
  }
  return out;
}
