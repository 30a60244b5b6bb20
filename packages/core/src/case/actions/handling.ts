import {
  cancelDeadlines,
  closeDeadlines,
  type Deadline,
  type DeadlineRequest,
  openDeadlines,
  pendingOf,
} from '../../deadlines.js';
import type { IsoDate } from '../../domain.js';
import { findLast } from '../../internal/arrays.js';
import type { CaseEventOf } from '../events.js';
import { exceedsMaximum, extendedPeriod, missingOpinions } from '../guards/handling.js';
import type { CaseContext } from '../types.js';

/** 会办意见: a co-handler's opinion arrives; its deadline is met. */
export function recordOpinion(ctx: CaseContext, e: CaseEventOf<'coUnit.submitOpinion'>): Partial<CaseContext> {
  const unitId = e.opinion.fromUnit.id;
  return {
    opinions: [...ctx.opinions, e.opinion],
    deadlines: closeDeadlines(ctx.deadlines, e.at, (d) => d.kind === 'coOpinion' && d.unitId === unitId),
  };
}

/**
 * The lead unit goes on (drafts or replies) while some co-handlers' opinion deadlines have passed with nothing sent:
 * each missing opinion is recorded against its co-unit and its deadline stays missed.
 */
export function recordMissingOpinions(
  ctx: CaseContext,
  at: IsoDate,
  step: 'drafting' | 'reply' = 'drafting',
): Partial<CaseContext> {
  const missing = missingOpinions(ctx, at);
  if (missing.length === 0) return {};
  const ids = new Set(missing.map((u) => u.id));
  const owed = (d: Deadline) => d.kind === 'coOpinion' && d.unitId !== undefined && ids.has(d.unitId);
  const records = missing.map((u) => ({
    unitId: u.id,
    due: findLast(ctx.deadlines, (d) => owed(d) && d.unitId === u.id)?.due ?? '',
    recordedAt: at,
    step,
  }));
  return { missingOpinions: [...ctx.missingOpinions, ...records], deadlines: closeDeadlines(ctx.deadlines, at, owed) };
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

/**
 * The office approves: the running reply (or re-handling) deadline is replaced by the extended period (months added to
 * a period in months from its start, any other rule counted from its due date: `extendedPeriod`), never past the
 * policy's `maxReply` from the period's start (the reply's, or a re-handling round's). A miss already recorded stays
 * recorded.
 */
export function approveExtension(ctx: CaseContext, e: CaseEventOf<'extension.approve'>): Partial<CaseContext> {
  const pending = findLast(ctx.extensions, (x) => x.status === 'pending');
  const extensions = ctx.extensions.map((x) =>
    x === pending ? { ...x, status: 'approved' as const, decidedAt: e.at } : x,
  );
  const kind = ctx.round > 1 ? 'rehandling' : 'reply';
  const current = pendingOf(ctx.deadlines, kind).at(-1);
  if (!current) return { extensions };
  const rule = pending?.rule ?? ctx.policy.periods.extension;
  const periodStart = current.periodStart ?? current.start;
  const extended = extendedPeriod(current, rule);
  const capped = exceedsMaximum(ctx, extended, periodStart);
  const request: DeadlineRequest = {
    kind,
    ...(capped ? { start: periodStart, rule: ctx.policy.maxReply } : extended),
    round: ctx.round,
    periodStart,
  };
  const book = openDeadlines(
    { deadlines: cancelDeadlines(ctx.deadlines, e.at, (d) => d.id === current.id), deadlineSeq: ctx.deadlineSeq },
    ctx.caseId,
    [request],
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
