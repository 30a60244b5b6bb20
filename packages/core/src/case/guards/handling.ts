import type { CaseEventOf } from '../events.js';
import type { CaseContext } from '../types.js';

/** The opinion comes from one of this case's co-handlers that has not sent one yet, addressed to this unit. */
export function isAwaitedOpinion(ctx: CaseContext, e: CaseEventOf<'coUnit.submitOpinion'>): boolean {
  const from = e.opinion.fromUnit.id;
  return (
    ctx.coUnits.some((u) => u.id === from) &&
    !ctx.opinions.some((o) => o.fromUnit.id === from) &&
    e.opinion.toUnit.id === ctx.unit.id
  );
}

/** The contact is with one of the proposers. */
export function isProposerContact(ctx: CaseContext, e: CaseEventOf<'case.recordContact'>): boolean {
  return ctx.proposers.some((p) => p.id === e.proposerId);
}

/** No request pending, and the approved or pending requests stay under the policy's cap. */
export function canRequestExtension(ctx: CaseContext): boolean {
  if (ctx.extensions.some((x) => x.status === 'pending')) return false;
  return ctx.extensions.filter((x) => x.status === 'approved').length < ctx.policy.maxExtensions;
}

/** An extension request awaits the office. */
export function hasPendingExtension(ctx: CaseContext): boolean {
  return ctx.extensions.some((x) => x.status === 'pending');
}

/** Drafting may start: every co-handler's opinion is in, when the policy requires it. */
export function coOpinionsReady(ctx: CaseContext): boolean {
  if (!ctx.policy.requireCoOpinionsBeforeDrafting) return true;
  return ctx.coUnits.every((u) => ctx.opinions.some((o) => o.fromUnit.id === u.id));
}
