import type { Backdated, BackdatedRecord } from '../backdated.js';
import { BackdatingRefusedError, type DateOrderScope } from '../errors.js';
import type { ProposalFacts } from '../facts.js';

// The scheduler dates its events with the tick's business date; it cannot enter anything late on purpose.
const EXEMPT = new Set(['deadline.elapsed']);

/**
 * Checks that an event is not dated before the latest event of its own case (a case event: one with a `caseId` of a
 * known case) or of the proposal (any other event). Returns what to log when the event is backdated and declared so;
 * throws `BackdatingRefusedError` when it is backdated without a declaration (`send` has already checked its reason).
 */
export function checkDateOrder(
  facts: ProposalFacts,
  event: { type: string; at: string; caseId?: unknown },
  backdated: Backdated | undefined,
  state: () => unknown,
): BackdatedRecord | undefined {
  if (EXEMPT.has(event.type)) return undefined;
  const caseId = typeof event.caseId === 'string' ? event.caseId : undefined;
  const own = caseId === undefined ? undefined : facts.cases[caseId];
  // An unknown case is the machine's to refuse.
  if (caseId !== undefined && own === undefined) return undefined;
  const scope: DateOrderScope = own ? 'case' : 'proposal';
  const lastAt = own ? own.lastAt : facts.lastAt;
  if (lastAt === undefined || event.at >= lastAt) return undefined;
  if (backdated === undefined) {
    throw new BackdatingRefusedError(
      { eventType: event.type, at: event.at, lastAt, scope, ...(own ? { caseId: own.caseId } : {}) },
      state(),
    );
  }
  return { reason: backdated.reason, lastAt, scope };
}
