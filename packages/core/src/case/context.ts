import { type DeadlineRequest, openDeadlines } from '../deadlines.js';
import type { IsoDate } from '../domain.js';
import type { DeadlineRule } from '../policy/deadlineRule.js';
import { earliestDue } from '../policy/earliestDue.js';
import { replyPeriodOf as matchReplyPeriod, type ReplyPeriod } from '../policy/replyPeriod.js';
import type { CaseContext, CaseInput } from './types.js';

/** The entry of the policy's `replyPeriods` that matches this case's item, if any (the first that matches). */
function replyPeriodOf(
  ctx: Pick<CaseContext, 'policy' | 'kind' | 'channel' | 'proposerTypes'>,
): ReplyPeriod | undefined {
  return matchReplyPeriod(ctx.policy.replyPeriods, ctx);
}

/** The reply rule for this case: urgent items may have their own period; else the matching reply period. */
function replyRule(ctx: Pick<CaseContext, 'policy' | 'urgent' | 'kind' | 'channel' | 'proposerTypes'>): DeadlineRule {
  const p = ctx.policy.periods;
  if (ctx.urgent && p.urgentReply) return p.urgentReply;
  return replyPeriodOf(ctx)?.rule ?? p.reply;
}

/**
 * The reply deadline opened by an assignment on `assignedAt`: counted from the session's closing day only for
 * items filed at the session under a period that says so — also when the item is assigned during the session, before
 * it closes (S13: "在本级人民代表大会闭会之日起三个月内"); a fixed date already passed in the start's year falls back
 * to the period's `whenPassed`; and never due before the assignment (a period from the session's close that would
 * end before the item is assigned counts from the assignment instead).
 */
function replyRequest(ctx: CaseContext, assignedAt: IsoDate): DeadlineRequest {
  const period = ctx.urgent && ctx.policy.periods.urgentReply ? undefined : replyPeriodOf(ctx);
  let rule = replyRule(ctx);
  let start = assignedAt;
  if (period?.from === 'sessionClose' && ctx.channel === 'session' && ctx.sessionClosedAt !== undefined) {
    if (earliestDue(rule, ctx.sessionClosedAt) >= assignedAt) {
      start = ctx.sessionClosedAt;
    }
  }
  if (rule.kind === 'fixedDate' && period?.whenPassed && `${start.slice(0, 4)}-${rule.monthDay}` < start) {
    rule = period.whenPassed;
  }
  return { kind: 'reply', start, rule };
}

/** The deadlines that start with an assignment (or re-assignment) on `assignedAt`. */
export function assignmentDeadlines(ctx: CaseContext, assignedAt: IsoDate): DeadlineRequest[] {
  const p = ctx.policy.periods;
  const out: DeadlineRequest[] = [{ kind: 'adjustmentWindow', start: assignedAt, rule: p.adjustmentWindow }];
  if (p.acceptance) out.push({ kind: 'acceptance', start: assignedAt, rule: p.acceptance });
  if (ctx.role === 'reference') return out;
  out.push(replyRequest(ctx, assignedAt));
  if (p.firstContact) out.push({ kind: 'firstContact', start: assignedAt, rule: p.firstContact });
  for (const unit of ctx.coUnits)
    out.push({ kind: 'coOpinion', start: assignedAt, rule: p.coOpinion, unitId: unit.id });
  return out;
}

/** Builds the initial case context from its input; due dates are computed right after by `computeDueDates`. */
export function createCaseContext(input: CaseInput): CaseContext {
  const ctx: CaseContext = {
    caseId: input.caseId,
    proposalId: input.proposalId,
    unit: input.unit,
    role: input.role,
    coUnits: input.role === 'lead' ? (input.coUnits ?? []) : [],
    proposers: input.proposers,
    suggestionIds: input.suggestionIds,
    kind: input.kind ?? 'proposal',
    channel: input.channel ?? 'session',
    proposerTypes: input.proposerTypes ?? [],
    key: input.key ?? false,
    urgent: input.urgent ?? false,
    policy: input.policy,
    calendar: input.calendar,
    assignedAt: input.assignedAt,
    unitHistory: [{ unit: input.unit, from: input.assignedAt }],
    adjustments: [],
    opinions: [],
    missingOpinions: [],
    contacts: [],
    extensions: [],
    round: 1,
    countersignatures: [],
    returns: [],
    letters: [],
    feedback: [],
    publication: { disclosures: [] },
    deadlines: [],
    deadlineSeq: 0,
  };
  if (input.assigningOffice) ctx.assigningOffice = input.assigningOffice;
  if (input.supervisingLeader) ctx.supervisingLeader = input.supervisingLeader;
  if (input.sessionClosedAt) ctx.sessionClosedAt = input.sessionClosedAt;
  if (input.role !== 'reference' && input.mergedItems && input.mergedItems.length > 0) {
    ctx.mergedItems = input.mergedItems;
  }
  return { ...ctx, ...openDeadlines(ctx, ctx.caseId, assignmentDeadlines(ctx, input.assignedAt)) };
}
