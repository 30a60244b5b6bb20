import { cancelDeadlines, closeDeadlines, isPending, openDeadlines } from '../../deadlines.js';
import { assignmentDeadlines } from '../context.js';
import type { CaseEventOf } from '../events.js';
import type { CaseContext } from '../types.js';

/** 签收: the unit accepts the case; the acceptance window is met. */
export function recordAcceptance(ctx: CaseContext, e: CaseEventOf<'case.accept'>): Partial<CaseContext> {
  const kinds = new Set(['adjustmentWindow', 'acceptance']);
  return { acceptedAt: e.at, deadlines: closeDeadlines(ctx.deadlines, e.at, (d) => kinds.has(d.kind)) };
}

/** 申请调整: records the request and starts the office's answer period, if the policy has one. */
export function recordAdjustmentRequest(
  ctx: CaseContext,
  e: CaseEventOf<'case.requestAdjustment'>,
): Partial<CaseContext> {
  const request = {
    requestedAt: e.at,
    reason: e.reason,
    fromUnit: ctx.unit,
    ...(e.suggestedUnit ? { suggestedUnit: e.suggestedUnit } : {}),
  };
  const closed = closeDeadlines(ctx.deadlines, e.at, (d) => d.kind === 'adjustmentWindow');
  const rule = ctx.policy.periods.adjustmentAnswer;
  const book = { deadlines: closed, deadlineSeq: ctx.deadlineSeq };
  const opened = rule ? openDeadlines(book, ctx.caseId, [{ kind: 'adjustmentAnswer', start: e.at, rule }]) : book;
  return { adjustments: [...ctx.adjustments, request], ...opened };
}

function decideLast(ctx: CaseContext, patch: Partial<CaseContext['adjustments'][number]>) {
  return ctx.adjustments.map((a, i) => (i === ctx.adjustments.length - 1 ? { ...a, ...patch } : a));
}

/** The office keeps the assignment: the unit must accept. */
export function keepAssignment(ctx: CaseContext, e: CaseEventOf<'adjustment.keep'>): Partial<CaseContext> {
  return {
    adjustments: decideLast(ctx, { outcome: 'kept', decidedAt: e.at, ...(e.note ? { note: e.note } : {}) }),
    deadlines: closeDeadlines(ctx.deadlines, e.at, (d) => d.kind === 'adjustmentAnswer'),
  };
}

/**
 * The office reassigns the case: the new unit gets fresh deadlines from today, the history is kept. A co-handler that
 * becomes the lead stops co-handling its own case: it owes itself no opinion and no countersignature.
 */
export function reassignUnit(ctx: CaseContext, e: CaseEventOf<'adjustment.reassign'>): Partial<CaseContext> {
  const answered = closeDeadlines(ctx.deadlines, e.at, (d) => d.kind === 'adjustmentAnswer');
  const cancelled = cancelDeadlines(answered, e.at, isPending);
  const next: CaseContext = {
    ...ctx,
    unit: e.toUnit,
    coUnits: ctx.coUnits.some((u) => u.id === e.toUnit.id)
      ? ctx.coUnits.filter((u) => u.id !== e.toUnit.id)
      : ctx.coUnits,
    assignedAt: e.at,
    adjustments: decideLast(ctx, {
      outcome: 'reassigned',
      decidedAt: e.at,
      toUnit: e.toUnit,
      ...(e.note ? { note: e.note } : {}),
    }),
    unitHistory: [...ctx.unitHistory, { unit: e.toUnit, from: e.at, ...(e.note ? { note: e.note } : {}) }],
    deadlines: cancelled,
  };
  const book = openDeadlines(next, ctx.caseId, assignmentDeadlines(next, e.at));
  return { ...next, ...book };
}
