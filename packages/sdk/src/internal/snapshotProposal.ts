import { COMPACT, eachField, type FieldOf } from './snapshotCases.js';

type Json = Record<string, unknown>;

/** The fields every proposal context starts with, in the order @banli/core's proposal machine writes them. */
const TEMPLATE = ['proposal', 'policy', 'calendar', 'createdAt', 'channel', 'cases', 'deadlines', 'deadlineSeq'];

/** The proposal as the stream's creation entry (version 1) logged it: what a context's `proposal` usually is. */
export const CREATED_PROPOSAL = { logRef: [1, 'proposal'] } as const;

const isEmptyList = (v: unknown): boolean => Array.isArray(v) && v.length === 0;

/**
 * A proposal context as a snapshot stores it, marked `COMPACT`: without `proposal` when it is the one the creation
 * entry logged (`fromCreation`), `channel` when it is the proposal's, empty `deadlines` and a zero `deadlineSeq`, and
 * without each listed case's `unit` when it is the unit the case's own context holds (`unitOf`); each field it keeps
 * written by `field`. The context with `field` applied to every field (`eachField`) when its fields are not in the
 * order proposals start with. With `prev`, the previous context and its compact stored form under the same proposal,
 * calendar, policy and case units, a field holding the same value as there is stored (or left out) as there.
 */
export function compactProposal(
  ctx: Json,
  fromCreation: (proposal: unknown) => boolean,
  unitOf: (caseId: string) => unknown,
  field: FieldOf = (_key, value) => value,
  prev?: { context: Json; stored: Json },
): Json {
  if (COMPACT in ctx || !Array.isArray(ctx.cases)) return eachField(ctx, field);
  const proposal = ctx.proposal as { channel?: unknown } | undefined;
  const out: Json = { [COMPACT]: 1 };
  let i = 0;
  for (const key in ctx) {
    const starting = i < TEMPLATE.length;
    if (starting) {
      if (key !== TEMPLATE[i]) return eachField(ctx, field);
      i++;
    }
    const value = ctx[key];
    if (prev !== undefined && prev.context[key] === value && key in prev.context) {
      if (key in prev.stored) {
        out[key] = prev.stored[key];
        continue;
      }
      // A starting field left out before, for the same value.
      if (starting) continue;
    }
    if (key === 'proposal' && fromCreation(value)) continue;
    if (key === 'channel' && value === proposal?.channel) continue;
    if (key === 'deadlines' && isEmptyList(value)) continue;
    if (key === 'deadlineSeq' && value === 0) continue;
    if (key === 'cases') {
      out.cases = field(
        key,
        (value as Json[]).map((c) => {
          const k = Object.keys(c);
          if (k[0] !== 'caseId' || k[1] !== 'unit' || c.unit !== unitOf(String(c.caseId))) return c;
          const { unit: _, ...rest } = c;
          return rest;
        }),
      );
      continue;
    }
    out[key] = field(key, value);
  }
  return i < TEMPLATE.length ? eachField(ctx, field) : out;
}

// Whether a stored proposal context is in the compact form.
const isCompactProposal = (stored: Json): boolean => COMPACT in stored;

/** A stored compact proposal context with its `proposal` reference put back (before references are read). */
export function withCreatedProposal(stored: Json): Json {
  if (!isCompactProposal(stored) || 'proposal' in stored) return stored;
  return { proposal: CREATED_PROPOSAL, ...stored };
}

/**
 * A stored proposal context (references read) with the fields `compactProposal` left out put back, in their order;
 * `unitOf` gives a case's unit from its read-back context. A whole context as it is.
 */
export function expandProposal(stored: Json, unitOf: (caseId: string) => unknown): Json {
  if (!isCompactProposal(stored)) return stored;
  const proposal = stored.proposal as { channel?: unknown } | undefined;
  const defaults: Json = { channel: proposal?.channel, deadlines: [], deadlineSeq: 0 };
  const out: Json = {};
  for (const key of TEMPLATE) {
    if (key === 'cases') {
      out.cases = ((stored.cases ?? []) as Json[]).map((c) =>
        'unit' in c ? c : { caseId: c.caseId, unit: unitOf(String(c.caseId)), ...c },
      );
    } else {
      out[key] = key in stored ? stored[key] : defaults[key];
    }
  }
  for (const key in stored) if (!(key in out) && key !== COMPACT) out[key] = stored[key];
  return out;
}
