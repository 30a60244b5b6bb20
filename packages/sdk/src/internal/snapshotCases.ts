import type { Policy } from '@banli/core';
import { policyHash } from '@banli/core';

type Json = Record<string, unknown>;

/**
 * The mark of a stored context or facts object in compact form (its first key). No context field has this name, and
 * snapshots written before compaction do not have it, so they are read as they are.
 */
export const COMPACT = '$c';

/**
 * The fields every case context starts with, in the order @banli/core's `createCaseContext` writes them. A snapshot
 * leaves out each one whose value is what `defaultOf` gives (from the case's own fields and the proposal's context)
 * and reads it back from there; the other fields, and those added later, are stored as they are.
 */
const TEMPLATE = [
  'caseId',
  'proposalId',
  'unit',
  'role',
  'coUnits',
  'proposers',
  'suggestionIds',
  'kind',
  'channel',
  'proposerTypes',
  'key',
  'urgent',
  'policy',
  'calendar',
  'assignedAt',
  'unitHistory',
  'adjustments',
  'opinions',
  'missingOpinions',
  'contacts',
  'extensions',
  'round',
  'countersignatures',
  'returns',
  'letters',
  'feedback',
  'publication',
  'deadlines',
  'deadlineSeq',
] as const;

const EMPTY_LISTS = new Set([
  'coUnits',
  'adjustments',
  'opinions',
  'missingOpinions',
  'contacts',
  'extensions',
  'countersignatures',
  'returns',
  'letters',
  'feedback',
  'deadlines',
]);

/** Where a case's left-out fields are read back from. */
export interface CaseBasis {
  /** The key of the case in the handling state. */
  caseId: string;
  /** The stream (proposal) id. */
  streamId: string;
  /** The proposal machine's context (the live one, or as read back: proposal, policy and assignment resolved). */
  proposal: Json;
}

interface ProposalLike {
  kind?: string;
  proposers?: { id: string; name?: string; type?: string }[];
  suggestions?: { id: string }[];
}

/**
 * The value a left-out field takes. These derivations belong to the snapshot format (they are how a stored case is
 * read), not to the machines: if core's case input ever derives a field otherwise, the field simply differs from its
 * default and is stored.
 */
function defaultOf(key: string, ctx: Json, basis: CaseBasis): unknown {
  if (EMPTY_LISTS.has(key)) return [];
  const proposalCtx = basis.proposal;
  const proposal = (proposalCtx.proposal ?? {}) as ProposalLike;
  const registration = proposalCtx.registration as { key?: boolean; urgent?: boolean } | undefined;
  switch (key) {
    case 'caseId':
      return basis.caseId;
    case 'proposalId':
      return basis.streamId;
    case 'proposers':
      return (proposal.proposers ?? []).map((p) => ({ id: p.id, name: p.name }));
    case 'suggestionIds':
      return (proposal.suggestions ?? []).map((s) => s.id);
    case 'kind':
      return proposal.kind;
    case 'channel':
      return proposalCtx.channel;
    case 'proposerTypes':
      return [...new Set((proposal.proposers ?? []).map((p) => p.type))];
    case 'key':
      return registration?.key ?? false;
    case 'urgent':
      return registration?.urgent ?? false;
    case 'policy':
      return proposalCtx.policy;
    case 'calendar':
      return proposalCtx.calendar;
    case 'unitHistory':
      return [{ unit: ctx.unit, from: ctx.assignedAt }];
    case 'round':
      return 1;
    case 'publication':
      return { disclosures: [] };
    case 'deadlineSeq':
      return 0;
    default:
      return undefined;
  }
}

const isPolicy = (v: unknown): v is Policy =>
  typeof v === 'object' && v !== null && 'periods' in v && typeof (v as { id?: unknown }).id === 'string';

/** Structural equality of JSON data (policies by their content hash). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (isPolicy(a) && isPolicy(b)) return policyHash(a) === policyHash(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // The defined fields of each, compared without building key lists (this runs for every case on every snapshot).
  let defined = 0;
  for (const k in a) {
    const v = (a as Json)[k];
    if (v === undefined) continue;
    defined++;
    if (!same(v, (b as Json)[k])) return false;
  }
  for (const k in b) if ((b as Json)[k] !== undefined) defined--;
  return defined === 0;
}

/** Whether a starting field holds its default (`same(value, defaultOf(…))`, without building an empty list). */
function atDefault(key: string, value: unknown, ctx: Json, basis: CaseBasis): boolean {
  if (EMPTY_LISTS.has(key)) return Array.isArray(value) && value.length === 0;
  return same(value, defaultOf(key, ctx, basis));
}

/** How a stored field is written: the value as it is, or a stored form of it (`compactHandling`'s references). */
export type FieldOf = (key: string, value: unknown) => unknown;

const asIs: FieldOf = (_key, value) => value;

/** A context with `field` applied to each of its fields, in their order; the same context when none changes. */
export function eachField(ctx: Json, field: FieldOf): Json {
  let out: Json | undefined;
  for (const key in ctx) {
    const value = ctx[key];
    const stored = field(key, value);
    if (stored !== value) {
      out ??= { ...ctx };
      out[key] = stored;
    }
  }
  return out ?? ctx;
}

/**
 * A case context as a snapshot stores it: marked `COMPACT`, without every starting field whose value is its default
 * (`caseId` included), each other field written by `field`; the context with `field` applied to every field
 * (`eachField`) when its fields are not in the order cases start with (then it is stored whole and read as it is).
 * One pass over the fields, nothing built but the stored object. With `prev`, the case's previous context and its
 * compact stored form under the same basis, unit, start date, calendar and policy, a field holding the same value as
 * there is stored (or left out) as there, without being looked at again.
 */
export function compactCase(
  ctx: Json,
  basis: CaseBasis,
  field: FieldOf = asIs,
  prev?: { context: Json; stored: Json },
): Json {
  if (ctx.caseId !== basis.caseId || COMPACT in ctx) return eachField(ctx, field);
  const out: Json = { [COMPACT]: 1 };
  let i = 0;
  for (const key in ctx) {
    const value = ctx[key];
    const starting = i < TEMPLATE.length;
    if (starting) {
      if (key !== TEMPLATE[i]) return eachField(ctx, field);
      i++;
    }
    if (prev !== undefined && prev.context[key] === value && key in prev.context) {
      if (key in prev.stored) {
        out[key] = prev.stored[key];
        continue;
      }
      // A starting field left out before (it held its default), for the same value.
      if (starting) continue;
    }
    if (starting && atDefault(key, value, ctx, basis)) continue;
    out[key] = field(key, value);
  }
  return i < TEMPLATE.length ? eachField(ctx, field) : out;
}

/** A stored case context with its left-out fields read back, in their order; a whole one as it is. */
export function expandCase(stored: Json, basis: CaseBasis): Json {
  if (!(COMPACT in stored)) return stored;
  const out: Json = {};
  for (const key of TEMPLATE) out[key] = key in stored ? stored[key] : defaultOf(key, out, basis);
  for (const key in stored) if (!(key in out) && key !== COMPACT) out[key] = stored[key];
  return out;
}
