import type { AnyMachineSnapshot } from 'xstate';
import { openCommitments } from '../case/commitments.js';
import type { CaseContext } from '../case/types.js';
import type { ProposalContext } from '../proposal/types.js';

// How explorations of banli's machines tell states apart (core's tests, @banli/testing's path enumeration).

/** Guard-relevant case context only, and only in the phases where a guard reads it, so the traversal stays small. */
export function caseStateKey(s: AnyMachineSnapshot): string {
  const c = s.context as CaseContext;
  const lifecycle = JSON.stringify((s.value as Record<string, unknown>).lifecycle);
  const phase = (...keys: string[]) => keys.some((k) => lifecycle.includes(`"${k}"`));
  const approved = (xs: { status: string }[]) => xs.filter((x) => x.status === 'approved').length;
  return JSON.stringify([
    s.value,
    c.round,
    c.deadlines.some((d) => d.status === 'missed' && d.closedAt === undefined),
    phase('accepting', 'adjustmentRequested') ? [c.unit.id, Math.min(c.adjustments.length, 2)] : null,
    phase('handling', 'drafting', 'rehandling') ? c.opinions.length : null,
    phase('replied', 'closed', 'terminated') ? null : [approved(c.extensions), c.extensions.at(-1)?.status ?? null],
    phase('countersigning') ? approved(c.countersignatures) : null,
    phase('countersigning', 'signOff', 'supervisorReview') && c.draft
      ? [c.draft.class, c.draft.disclosure?.mode, c.supervisorClass ?? null]
      : null,
    phase('replied')
      ? [
          c.letters.at(-1)?.letter.class,
          c.feedback.filter((f) => f.round === c.round).length,
          openCommitments(c).map((x) => x.mergedItemId ?? ''),
        ]
      : null,
  ]);
}

/** Guard-relevant proposal context only. */
export function proposalStateKey(s: AnyMachineSnapshot): string {
  const c = s.context as ProposalContext;
  return JSON.stringify([
    s.value,
    c.cases.map((x) => [x.caseId, x.unit.id, !!x.acceptedAt, x.reply?.class ?? null, !!x.closedAt]),
    c.registration?.key ?? null,
    c.deadlines.filter((d) => d.status === 'missed' && d.closedAt === undefined).length,
  ]);
}
