import { type DeadlineRequest, openDeadlines } from '../deadlines.js';
import type { IsoDate } from '../domain.js';
import type { DeadlineRule } from '../policy/deadlineRule.js';
import type { CaseContext, CaseInput } from './types.js';

/** The reply rule for this case: urgent and between-session items may have their own periods. */
export function replyRule(ctx: Pick<CaseContext, 'policy' | 'urgent' | 'channel'>): DeadlineRule {
  const p = ctx.policy.periods;
  if (ctx.urgent && p.urgentReply) return p.urgentReply;
  if (ctx.channel === 'interSession' && p.interSessionReply) return p.interSessionReply;
  return p.reply;
}

/** The deadlines that start with an assignment (or re-assignment) on `assignedAt`. */
export function assignmentDeadlines(ctx: CaseContext, assignedAt: IsoDate): DeadlineRequest[] {
  const p = ctx.policy.periods;
  const out: DeadlineRequest[] = [{ kind: 'adjustmentWindow', start: assignedAt, rule: p.adjustmentWindow }];
  if (p.acceptance) out.push({ kind: 'acceptance', start: assignedAt, rule: p.acceptance });
  if (ctx.role === 'reference') return out;
  const fromSession = ctx.policy.replyStartsFrom === 'sessionClose' && ctx.sessionClosedAt !== undefined;
  out.push({ kind: 'reply', start: fromSession ? (ctx.sessionClosedAt as IsoDate) : assignedAt, rule: replyRule(ctx) });
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
    channel: input.channel ?? 'session',
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
  return { ...ctx, ...openDeadlines(ctx, ctx.caseId, assignmentDeadlines(ctx, input.assignedAt)) };
}
