import { cancelDeadlines, closeDeadlines, openDeadlines, pendingOf } from '../../deadlines.js';
import { findLast } from '../../internal/arrays.js';
import type { CaseEventOf } from '../events.js';
import type { CaseContext } from '../types.js';

/** 会办意见: a co-handler's opinion arrives; its deadline is met. */
export function recordOpinion(ctx: CaseContext, e: CaseEventOf<'coUnit.submitOpinion'>): Partial<CaseContext> {
  const unitId = e.opinion.fromUnit.id;
  return {
    opinions: [...ctx.opinions, e.opinion],
    deadlines: closeDeadlines(ctx.deadlines, e.at, (d) => d.kind === 'coOpinion' && d.unitId === unitId),
  };
}

/** A contact with a proposer; the first one meets the first-contact deadline. */
export function recordContact(ctx: CaseContext, e: CaseEventOf<'case.recordContact'>): Partial<CaseContext> {
  const contact = { proposerId: e.proposerId, method: e.method, at: e.at, ...(e.note ? { note: e.note } : {}) };
  return {
    contacts: [...ctx.contacts, contact],
    deadlines: closeDeadlines(ctx.deadlines, e.at, (d) => d.kind === 'firstContact'),
  };
}

/** 延期申请: recorded as pending until the office decides. */
export function recordExtensionRequest(
  ctx: CaseContext,
  e: CaseEventOf<'case.requestExtension'>,
): Partial<CaseContext> {
  const request = {
    requestedAt: e.at,
    reason: e.reason,
    status: 'pending' as const,
    ...(e.rule ? { rule: e.rule } : {}),
  };
  return { extensions: [...ctx.extensions, request] };
}

/** The office approves: the running reply (or re-handling) deadline is replaced by one counted from its due date. */
export function approveExtension(ctx: CaseContext, e: CaseEventOf<'extension.approve'>): Partial<CaseContext> {
  const pending = findLast(ctx.extensions, (x) => x.status === 'pending');
  const extensions = ctx.extensions.map((x) =>
    x === pending ? { ...x, status: 'approved' as const, decidedAt: e.at } : x,
  );
  const kind = ctx.round > 1 ? 'rehandling' : 'reply';
  const current = pendingOf(ctx.deadlines, kind).at(-1);
  if (!current) return { extensions };
  const rule = pending?.rule ?? ctx.policy.periods.extension;
  const book = openDeadlines(
    { deadlines: cancelDeadlines(ctx.deadlines, e.at, (d) => d.id === current.id), deadlineSeq: ctx.deadlineSeq },
    ctx.caseId,
    [{ kind, start: current.due, rule, round: ctx.round }],
  );
  return { extensions, ...book };
}

/** The office denies the extension. */
export function denyExtension(ctx: CaseContext, e: CaseEventOf<'extension.deny'>): Partial<CaseContext> {
  const pending = findLast(ctx.extensions, (x) => x.status === 'pending');
  const note = e.reason ? { note: e.reason } : {};
  return {
    extensions: ctx.extensions.map((x) =>
      x === pending ? { ...x, status: 'denied' as const, decidedAt: e.at, ...note } : x,
    ),
  };
}
