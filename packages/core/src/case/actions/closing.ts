import { cancelDeadlines, closeDeadlines, isPending, markMissed, openDeadlines } from '../../deadlines.js';
import type { IsoDate } from '../../domain.js';
import type { CaseEventOf } from '../events.js';
import type { CaseContext } from '../types.js';

const handlingStep = (d: { kind: string }) => d.kind !== 'publication';

/** 办结: every handling deadline still pending is cancelled (a missed one stays missed). */
export function closeCase(ctx: CaseContext, at: IsoDate, note?: string): Partial<CaseContext> {
  return {
    closedAt: at,
    ...(note ? { closeNote: note } : {}),
    deadlines: cancelDeadlines(ctx.deadlines, at, (d) => handlingStep(d) && isPending(d)),
  };
}

/** 提案委员会 closes the case despite an open B/C commitment: the override and its reason are kept. */
export function recordCloseOverride(_ctx: CaseContext, e: CaseEventOf<'case.overrideClose'>): Partial<CaseContext> {
  return { closeOverride: { at: e.at, reason: e.reason } };
}

/** Withdrawal ends the case: every handling deadline is cancelled. */
export function terminateCase(ctx: CaseContext, e: CaseEventOf<'case.terminate'>): Partial<CaseContext> {
  return {
    terminated: { at: e.at, reason: e.reason },
    deadlines: cancelDeadlines(ctx.deadlines, e.at, (d) => handlingStep(d) && isPending(d)),
  };
}

/** `deadline.elapsed`: the deadline is marked missed. */
export function recordMissed(ctx: CaseContext, e: CaseEventOf<'deadline.elapsed'>): Partial<CaseContext> {
  return { deadlines: markMissed(ctx.deadlines, e.deadlineId, e.at) };
}

/** 主动公开 becomes due: the publication period starts. */
export function openPublication(ctx: CaseContext, at: IsoDate): Partial<CaseContext> {
  return openDeadlines(ctx, ctx.caseId, [{ kind: 'publication', start: at, rule: ctx.policy.periods.publication }]);
}

/** The reply is published; the publication deadline is met. */
export function recordPublication(ctx: CaseContext, e: CaseEventOf<'publication.publish'>): Partial<CaseContext> {
  return {
    publication: { ...ctx.publication, publishedAt: e.at, ...(e.url ? { url: e.url } : {}) },
    deadlines: closeDeadlines(ctx.deadlines, e.at, (d) => d.kind === 'publication'),
  };
}

/** 依申请公开: one disclosure on request. */
export function recordDisclosure(ctx: CaseContext, e: CaseEventOf<'publication.disclose'>): Partial<CaseContext> {
  const disclosure = { at: e.at, ...(e.requestId ? { requestId: e.requestId } : {}) };
  return { publication: { ...ctx.publication, disclosures: [...ctx.publication.disclosures, disclosure] } };
}

/** A co-signer withdrew their signature: the case no longer awaits their contact or feedback. */
export function dropProposer(ctx: CaseContext, e: CaseEventOf<'case.dropProposer'>): Partial<CaseContext> {
  return { proposers: ctx.proposers.filter((p) => p.id !== e.proposerId) };
}
