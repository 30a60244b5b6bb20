import { PROPOSAL_KIND_LABELS } from '@banli/schemas';
import type { BanliOptions } from '../createBanli.js';
import type { SizeLimits } from '../limits.js';
import type { ProposalQuery } from '../queries.js';
import { checkActor } from '../roles/authorize.js';
import type { Actor } from '../roles/roles.js';
import { ARG, ArgumentCheck } from './options.js';

/**
 * Argument checks of every public call, run before anything else (the idempotency fingerprint, the store): bad
 * arguments throw `ValidationError` (zh-CN and en) on every store alike, never a raw `TypeError`, `RangeError` or
 * SQLSTATE. An unknown actor role or a missing actor id stays a `PermissionError`.
 */

function actorIds(check: ArgumentCheck, actor: unknown): void {
  checkActor(actor as Actor);
  const { id, unitId } = actor as Actor;
  check.id(id, ARG.actorId);
  check.id(unitId, ARG.actorUnitId, true);
}

/** `send(id, event, options)`: the options and the id; the event itself is validated at the boundary (`input/boundary.ts`). */
export function checkSendArgs(limits: SizeLimits, id: unknown, options: unknown): void {
  const check = new ArgumentCheck(limits);
  const o = check.options(options, ARG.options, false);
  check.done();
  actorIds(check, o.actor);
  check.id(id, ARG.id);
  check.integer(o.expectedVersion, ARG.expectedVersion, 0);
  check.key(o.idempotencyKey, ARG.idempotencyKey);
  if (o.backdated !== undefined)
    check.text(check.options(o.backdated, ARG.backdated, false).reason, ARG.backdatedReason, false);
  check.done();
}

/** `submit(proposal, options)`: the options; the proposal itself is validated at the boundary (`input/boundary.ts`). */
export function checkSubmitArgs(limits: SizeLimits, options: unknown): void {
  const check = new ArgumentCheck(limits);
  const o = check.options(options, ARG.options, false);
  check.done();
  actorIds(check, o.actor);
  check.date(o.at, ARG.at);
  check.boolean(o.draft, ARG.draft);
  check.key(o.idempotencyKey, ARG.idempotencyKey);
  check.done();
}

/** A proposal id argument (`get`, `history`, `deadlines`), and optionally a case id and a letter format. */
export function checkIdArgs(limits: SizeLimits, id: unknown, caseId?: unknown, format?: unknown): void {
  const check = new ArgumentCheck(limits);
  check.id(id, ARG.id);
  if (caseId !== undefined || format !== undefined) {
    check.id(caseId, ARG.caseId);
    check.oneOf(format, ARG.format, ['text', 'markdown', 'html']);
  }
  check.done();
}

/** `tick(now, options)`. */
export function checkTickArgs(limits: SizeLimits, now: unknown, options: unknown): void {
  const check = new ArgumentCheck(limits);
  check.date(now, ARG.now);
  const o = check.options(options, ARG.options, true);
  check.id(o.claimant, ARG.claimant, true);
  check.integer(o.batchSize, ARG.batchSize, 1, 10_000);
  check.integer(o.leaseMs, ARG.leaseMs, 1);
  check.done();
}

/** `query(query)`. */
export function checkQueryArgs(limits: SizeLimits, query: unknown): void {
  const check = new ArgumentCheck(limits);
  const q = check.options(query, ARG.options, true) as Record<keyof ProposalQuery, unknown>;
  check.textOrList(q.state, ARG.state);
  check.textOrList(q.caseState, ARG.caseState);
  check.textOrList(q.tag, ARG.tag);
  check.oneOf(q.kind, ARG.kind, Object.keys(PROPOSAL_KIND_LABELS));
  check.id(q.unitId, ARG.unitId, true);
  check.id(q.proposerId, ARG.proposerId, true);
  check.id(q.after, ARG.after, true);
  check.boolean(q.overdue, ARG.overdue);
  check.integer(q.dueWithinWorkingDays, ARG.dueWithinWorkingDays, 0, 3660);
  check.integer(q.limit, ARG.limit, 0);
  check.done();
}

/** `statistics(options)`. */
export function checkStatisticsArgs(limits: SizeLimits, options: unknown): void {
  const check = new ArgumentCheck(limits);
  const o = check.options(options, ARG.options, false);
  check.date(o.from, ARG.from, false);
  check.date(o.to, ARG.to, false);
  check.date(o.asOf, ARG.asOf);
  check.integer(o.minCases, ARG.minCases, 0);
  check.done();
}

/** `migrate(plan, options)` (the plan is checked by the migration itself). */
export function checkMigrateArgs(limits: SizeLimits, options: unknown): void {
  const check = new ArgumentCheck(limits);
  const o = check.options(options, ARG.options, true);
  check.boolean(o.dryRun, ARG.dryRun);
  check.date(o.at, ARG.at);
  if (o.streamIds !== undefined) {
    if (!Array.isArray(o.streamIds)) check.id(o.streamIds, ARG.streamIds);
    else for (const id of o.streamIds) check.id(id, ARG.streamIds);
  }
  check.done();
}

/** `createBanli(options)`: the numeric settings and the size limits. */
export function checkBanliOptions(limits: SizeLimits, options: BanliOptions): void {
  const check = new ArgumentCheck(limits);
  const o = check.options(options, ARG.options, true);
  // `cache` is not checked: an invalid size turns the cache off (documented). Minutes east of UTC: from UTC−12:00 to UTC+14:00 (a time zone name such as 'Asia/Shanghai' is not accepted).
  check.integer(o.utcOffsetMinutes, ARG.utcOffsetMinutes, -720, 840);
  check.integer(o.snapshotEvery, ARG.snapshotEvery, 1);
  check.integer(o.maxRetries, ARG.maxRetries, 0, 1000);
  for (const [name, value] of Object.entries(limits)) {
    check.integer(value, { 'zh-CN': `${ARG.limits['zh-CN']}.${name}`, en: `limits.${name}` }, 1);
  }
  check.done();
}
