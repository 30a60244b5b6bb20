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

/**
 * A case's facts as stored: without `caseId` (its key) and, when the case id is `<proposal id>/<unit id>`, without
 * `unitId`; as they are when their first fields are not these.
 */
function compactCaseFacts(key: string, facts: Json, proposalId: string): Json {
  const keys = Object.keys(facts);
  if (keys[0] !== 'caseId' || facts.caseId !== key) return facts;
  const { caseId: _, ...rest } = facts;
  if (keys[1] === 'unitId' && key === `${proposalId}/${String(facts.unitId)}`) delete rest.unitId;
  return rest;
}

function expandCaseFacts(key: string, stored: Json, proposalId: string): Json {
  if ('caseId' in stored) return stored;
  const unitId = 'unitId' in stored ? stored.unitId : key.slice(proposalId.length + 1);
  return { caseId: key, unitId, ...stored };
}

/**
 * The facts as a snapshot stores them (issue 19): without what the logged proposal and assignment already say (`id`,
 * `number`, `kind`, `title`, `proposerIds`, `coUnitIds`, each only when equal) and without each case's id, marked
 * `COMPACT`; the same facts when their fields are not in the order they start with.
 */
export function compactFacts(facts: ProposalFacts, proposalCtx: Json): Json {
  const all = facts as unknown as Json;
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
      for (const [id, c] of Object.entries(facts.cases))
        cases[id] = compactCaseFacts(id, c as unknown as Json, facts.id);
      out.cases = cases;
      continue;
    }
    out[key] = all[key];
  }
  return out;
}

/** Stored facts as the aggregate keeps them: the left-out fields read back in their order; whole facts as they are. */
export function expandFacts(stored: Json, proposalCtx: Json): ProposalFacts {
  if (!(COMPACT in stored)) return stored as unknown as ProposalFacts;
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
      for (const [caseId, c] of Object.entries(stored.cases as Json))
        cases[caseId] = expandCaseFacts(caseId, c as Json, id);
      out.cases = cases;
      continue;
    }
    out[key] = stored[key];
  }
  return out as unknown as ProposalFacts;
}
