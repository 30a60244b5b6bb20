import { type Deadline, pendingOf } from '../../deadlines.js';
import type { IsoDate } from '../../domain.js';
import { findLast } from '../../internal/arrays.js';
import type { DeadlineRule } from '../../policy/deadlineRule.js';
import { earliestDue } from '../../policy/earliestDue.js';
import type { CaseEventOf } from '../events.js';
import { everyProposer } from '../merged.js';
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

/** The contact is with one of the proposers (a merged item's included). */
export function isProposerContact(ctx: CaseContext, e: CaseEventOf<'case.recordContact'>): boolean {
  return everyProposer(ctx).some((p) => p.id === e.proposerId);
}

/** The running reply (or, in a re-handling round, re-handling) deadline an extension would extend. */
export function runningReplyDeadline(ctx: CaseContext): Deadline | undefined {
  return pendingOf(ctx.deadlines, ctx.round > 1 ? 'rehandling' : 'reply').at(-1);
}

/**
 * The period an extension by `rule` gives the running deadline. A period in months extended by months is lengthened
 * from its own start: 3 + 3 months from 交办 end on the day 6 months after it (S9 "在交办之日起六个月内办理完毕"; 民法典
 * art. 202, S45), never 3 months after a due date clamped to a month's end (11-30 → 02-28 → 05-28) or rolled past a
 * holiday. Any other rule counts from the running due date.
 */
export function extendedPeriod(
  running: Pick<Deadline, 'start' | 'due' | 'rule'>,
  rule: DeadlineRule,
): { start: IsoDate; rule: DeadlineRule } {
  if (running.rule.kind !== 'months' || rule.kind !== 'months') return { start: running.due, rule };
  const rollForward = rule.rollForward ?? running.rule.rollForward;
  const months = running.rule.months + rule.months;
  return {
    start: running.start,
    rule: { kind: 'months', months, ...(rollForward === undefined ? {} : { rollForward }) },
  };
}

/** Whether an extended period (`extendedPeriod`) would pass the policy's `maxReply` counted from `periodStart`. */
export function exceedsMaximum(
  ctx: CaseContext,
  extended: { start: IsoDate; rule: DeadlineRule },
  periodStart: IsoDate,
): boolean {
  return earliestDue(extended.rule, extended.start) > earliestDue(ctx.policy.maxReply, periodStart);
}

/**
 * An extension may be requested (S9–S14): no request pending, the approved ones under the policy's cap, asked on or
 * before the running due date, and — when the request names its own period — not past the policy's maximum (in every
 * round: a re-handling period counts from its own start).
 */
export function canRequestExtension(ctx: CaseContext, e?: CaseEventOf<'case.requestExtension'>): boolean {
  if (ctx.extensions.some((x) => x.status === 'pending')) return false;
  if (ctx.extensions.filter((x) => x.status === 'approved').length >= ctx.policy.maxExtensions) return false;
  if (e === undefined) return true;
  const running = runningReplyDeadline(ctx);
  if (running === undefined) return true;
  if (e.at > running.due) return false;
  // Every round: a re-handling period with its extensions stays within the maximum too, counted from its start.
  return !(
    e.rule !== undefined && exceedsMaximum(ctx, extendedPeriod(running, e.rule), running.periodStart ?? running.start)
  );
}

/** An extension request awaits the office. */
export function hasPendingExtension(ctx: CaseContext): boolean {
  return ctx.extensions.some((x) => x.status === 'pending');
}

/** The co-handlers whose opinion is still awaited on `at`: none sent, and their opinion deadline not yet passed. */
export function awaitedOpinions(ctx: CaseContext, at: IsoDate) {
  return ctx.coUnits.filter((u) => {
    if (ctx.opinions.some((o) => o.fromUnit.id === u.id)) return false;
    const d = findLast(ctx.deadlines, (x) => x.kind === 'coOpinion' && x.unitId === u.id && x.status !== 'cancelled');
    return d === undefined || d.status === 'open' ? !(d && d.due !== '' && at > d.due) : d.status !== 'missed';
  });
}

/** The co-handlers whose opinion deadline passed on `at` with no opinion sent (recorded against them). */
export function missingOpinions(ctx: CaseContext, at: IsoDate) {
  return ctx.coUnits.filter(
    (u) =>
      !ctx.opinions.some((o) => o.fromUnit.id === u.id) &&
      !ctx.missingOpinions.some((m) => m.unitId === u.id) &&
      !awaitedOpinions(ctx, at).includes(u),
  );
}

/**
 * Drafting may start: when the policy requires co-handlers' opinions first, every one is in or its deadline has
 * passed — a silent co-unit cannot block the lead unit forever (S11, S17, S21).
 */
export function coOpinionsReady(ctx: CaseContext, at: IsoDate): boolean {
  if (!ctx.policy.requireCoOpinionsBeforeDrafting) return true;
  return awaitedOpinions(ctx, at).length === 0;
}
