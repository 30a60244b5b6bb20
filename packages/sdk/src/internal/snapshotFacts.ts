import type { ProposalFacts } from '../facts.js';
import { COMPACT } from './snapshotCases.js';

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

function derived(proposalCtx: Json): Json {
  const proposal = (proposalCtx.proposal ?? {}) as ProposalLike;
  const assignment = proposalCtx.assignment as { coUnits?: { id: string }[] } | undefined;
  return {
    id: proposal.id,
    number: proposal.number,
    kind: proposal.kind,
    title: proposal.title,
    proposerIds: (proposal.proposers ?? []).map((p) => p.id),
    coUnitIds: (assignment?.coUnits ?? []).map((u) => u.id),
  };
}

const sameList = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);

/** JSON equality of two small values (facts fields: strings, numbers, lists of plain records). */
const sameJson = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** A case's facts in the order `applyFacts` opens them; a snapshot leaves out those its case says already. */
const CASE_STARTING = ['caseId', 'unitId', 'role', 'openedAt', 'lastAt', 'round', 'rehandlings', 'feedback'];

type Handling = { proposal: { context?: unknown }; cases: Record<string, { context?: unknown }> };

/**
 * What the state says of a case's facts: its id and unit (from the id `<proposal id>/<unit id>`), its role and
 * opening date (the proposal's list of cases), its round and the proposers' feedback (the case's context).
 * Derivations of the snapshot format: a fact that differs from them is stored.
 */
function caseDerived(caseId: string, proposalId: string, handling: Handling): Json {
  const proposalCtx = (handling.proposal.context ?? {}) as Json;
  const listed = ((proposalCtx.cases ?? []) as Json[]).find((c) => c.caseId === caseId);
  const ctx = (handling.cases[caseId]?.context ?? {}) as Json;
  const feedback = Array.isArray(ctx.feedback)
    ? (ctx.feedback as Json[]).map((f) => ({ round: f.round, proposerId: f.proposerId, level: f.level, date: f.date }))
    : undefined;
  return {
    caseId,
    unitId: caseId.startsWith(`${proposalId}/`) ? caseId.slice(proposalId.length + 1) : undefined,
    role: listed?.role,
    openedAt: listed?.openedAt,
    round: ctx.round,
    rehandlings: 0,
    feedback,
  };
}

/** A case's facts as stored: without `caseId` and each starting fact its case says already; whole otherwise. */
function compactCaseFacts(key: string, facts: Json, from: Json): Json {
  const keys = Object.keys(facts);
  for (let i = 0; i < CASE_STARTING.length; i++) if (keys[i] !== CASE_STARTING[i]) return facts;
  if (facts.caseId !== key) return facts;
  const out: Json = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (i < CASE_STARTING.length && sameJson(facts[k], from[k])) continue;
    out[k] = facts[k];
  }
  return out;
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
export function compactFacts(facts: ProposalFacts, handling: Handling): Json {
  const proposalCtx = (handling.proposal.context ?? {}) as Json;
  const all: Json = { ...facts };
  const keys = Object.keys(all);
  const offset = keys[0] === 'coverage' ? 1 : 0;
  for (let i = 0; i < STARTING.length; i++) if (keys[i + offset] !== STARTING[i]) return all;
  const from = derived(proposalCtx);
  for (const key of FROM_PROPOSAL) {
    const same = key === 'proposerIds' ? sameList(all[key], from[key]) : all[key] === from[key];
    if (!same) return all;
  }
  const out: Json = { [COMPACT]: 1 };
  for (const key of keys) {
    if ((FROM_PROPOSAL as readonly string[]).includes(key)) continue;
    if (key === 'coUnitIds' && sameList(all[key], from[key])) continue;
    if (key === 'cases') {
      const cases: Json = {};
      for (const [id, c] of Object.entries(facts.cases)) {
        cases[id] = compactCaseFacts(id, { ...c }, caseDerived(id, facts.id, handling));
      }
      out.cases = cases;
      continue;
    }
    out[key] = all[key];
  }
  return out;
}

/** Stored facts as the aggregate keeps them: the left-out fields read back in their order; whole facts as they are. */
export function expandFacts(stored: Json, handling: Handling): Json {
  const proposalCtx = (handling.proposal.context ?? {}) as Json;
  if (!(COMPACT in stored)) return stored;
  const from = derived(proposalCtx);
  const out: Json = {};
  if ('coverage' in stored) out.coverage = stored.coverage;
  for (const key of FROM_PROPOSAL) out[key] = from[key];
  const id = String(from.id);
  for (const key in stored) {
    if (key === 'coverage' || key === COMPACT) continue;
    if (key === 'cases') {
      if (!('coUnitIds' in out)) out.coUnitIds = from.coUnitIds;
      const cases: Json = {};
      for (const [caseId, c] of Object.entries(stored.cases as Json)) {
        cases[caseId] = expandCaseFacts(c as Json, caseDerived(caseId, id, handling));
      }
      out.cases = cases;
      continue;
    }
    out[key] = stored[key];
  }
  return out;
}
