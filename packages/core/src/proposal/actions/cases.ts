import type { IsoDate } from '../../domain.js';
import { recordCopier } from '../../internal/recordCopier.js';
import type { ProposalEventOf } from '../events.js';
import type { CaseLink, ProposalContext } from '../types.js';

// A listed case with the patch's fields: a copier, not `{ ...c, ...patch }`, whose copies given a key the case did not
// have (`acceptedAt`, `reply`, `closedAt`) took a hidden class of their own each (see `recordCopier`).
const patched = recordCopier();

function patchCase(ctx: ProposalContext, caseId: string, patch: Partial<CaseLink>): CaseLink[] {
  return ctx.cases.map((c) => (c.caseId === caseId ? (patched(c, patch) as CaseLink) : c));
}

/** A case was accepted (签收). */
export function recordCaseAccepted(
  ctx: ProposalContext,
  e: ProposalEventOf<'case.accepted'>,
): Partial<ProposalContext> {
  return { cases: patchCase(ctx, e.caseId, { acceptedAt: e.at }) };
}

/** A case moved to another unit. */
export function recordCaseReassigned(
  ctx: ProposalContext,
  e: ProposalEventOf<'case.reassigned'>,
): Partial<ProposalContext> {
  return { cases: patchCase(ctx, e.caseId, { unit: e.toUnit }) };
}

/** A case replied (the latest reply wins after re-handling). */
export function recordCaseReplied(ctx: ProposalContext, e: ProposalEventOf<'case.replied'>): Partial<ProposalContext> {
  return { cases: patchCase(ctx, e.caseId, { reply: { at: e.at, class: e.class } }) };
}

/** A case was closed (办结). */
export function recordCaseClosed(ctx: ProposalContext, e: ProposalEventOf<'case.closed'>): Partial<ProposalContext> {
  return { cases: patchCase(ctx, e.caseId, { closedAt: e.at }) };
}

/** Stamps a milestone date. */
export function stamp(key: 'answeredAt' | 'closedAt' | 'archivedAt', at: IsoDate): Partial<ProposalContext> {
  return { [key]: at };
}
