// The case's handling guards, each side of each condition (issue 17: the mutation run of src/case/guards/handling.ts;
// see docs/mutation.md): which extension requests are open, which co-handlers' opinions are still awaited or missing,
// and whose opinions and contacts are accepted. Pure functions of the case's context, called directly; the machine and
// coordinator tests show they are wired to their transitions.
import { describe, expect, it } from 'vitest';
import type { CaseEventOf } from '../src/case/events.js';
import {
  awaitedOpinions,
  canRequestExtension,
  coOpinionsReady,
  hasPendingExtension,
  isAwaitedOpinion,
  isProposerContact,
  missingOpinions,
} from '../src/case/guards/handling.js';
import type { CaseContext } from '../src/case/types.js';
import type { Deadline } from '../src/deadlines.js';

const lead = { id: 'lead', name: '主办单位' };
const coA = { id: 'co-a', name: '会办甲' };
const coB = { id: 'co-b', name: '会办乙' };

const deadline = (kind: Deadline['kind'], due: string, patch: Partial<Deadline> = {}) =>
  ({
    id: `${kind}-${due}-${patch.unitId ?? ''}`,
    kind,
    due,
    start: '2023-03-16',
    status: 'open',
    ...patch,
  }) as Deadline;

/** A context with what the handling guards read. */
function ctxOf(patch: Partial<Record<keyof CaseContext, unknown>> = {}): CaseContext {
  return {
    unit: lead,
    coUnits: [coA, coB],
    opinions: [],
    missingOpinions: [],
    deadlines: [],
    extensions: [],
    round: 1,
    proposers: [{ id: 'p1', name: '甲' }],
    policy: { maxExtensions: 2, maxReply: { kind: 'months', months: 6 }, requireCoOpinionsBeforeDrafting: true },
    ...patch,
  } as unknown as CaseContext;
}

const extension = (at: string, rule?: object) =>
  ({
    type: 'case.requestExtension',
    at,
    reason: '情况复杂',
    ...(rule ? { rule } : {}),
  }) as CaseEventOf<'case.requestExtension'>;

describe('canRequestExtension', () => {
  // A fixed-date reply (by 06-30): an extension counts from its due date.
  const byDate = { kind: 'fixedDate', monthDay: '06-30' } as const;
  const reply = deadline('reply', '2023-06-30', { periodStart: '2023-03-15', rule: byDate });

  it('should refuse while a request is pending, and once the approved ones reach the cap', () => {
    expect(canRequestExtension(ctxOf({ extensions: [{ status: 'pending' }] }))).toBe(false);
    expect(hasPendingExtension(ctxOf({ extensions: [{ status: 'denied' }, { status: 'pending' }] }))).toBe(true);
    expect(hasPendingExtension(ctxOf({ extensions: [{ status: 'denied' }, { status: 'approved' }] }))).toBe(false);
    const approved = [{ status: 'approved' }, { status: 'denied' }, { status: 'approved' }];
    expect(canRequestExtension(ctxOf({ extensions: approved }))).toBe(false);
    expect(canRequestExtension(ctxOf({ extensions: approved.slice(0, 2) }))).toBe(true);
  });

  it('should accept a request on or before the running due date, refuse one after', () => {
    const ctx = ctxOf({ deadlines: [reply] });
    expect(canRequestExtension(ctx, extension('2023-06-30'))).toBe(true);
    expect(canRequestExtension(ctx, extension('2023-07-01'))).toBe(false);
    // Nothing running (the reply deadline closed): nothing to be late for.
    // Asked without an event (can the unit ask at all?): only the pending request and the cap count.
    expect(canRequestExtension(ctx)).toBe(true);
    const closed = { ...reply, status: 'met' as const, closedAt: '2023-06-20' };
    expect(canRequestExtension(ctxOf({ deadlines: [closed] }), extension('2023-07-01'))).toBe(true);
  });

  it('should refuse a period of its own that passes the maximum counted from the period start', () => {
    const ctx = ctxOf({ deadlines: [reply] });
    // 6 months from 2023-03-15 is 2023-09-15: one more month from 06-30 stays inside, three months do not.
    expect(canRequestExtension(ctx, extension('2023-06-01', { kind: 'months', months: 1 }))).toBe(true);
    expect(canRequestExtension(ctx, extension('2023-06-01', { kind: 'months', months: 3 }))).toBe(false);
    // Without a recorded period start, the deadline's own start counts (2023-03-16 + 6 months = 2023-09-16).
    const noPeriod = deadline('reply', '2023-06-30', { rule: byDate });
    expect(
      canRequestExtension(
        ctxOf({ deadlines: [noPeriod] }),
        extension('2023-06-01', { kind: 'calendarDays', days: 78 }),
      ),
    ).toBe(true);
    expect(
      canRequestExtension(
        ctxOf({ deadlines: [noPeriod] }),
        extension('2023-06-01', { kind: 'calendarDays', days: 79 }),
      ),
    ).toBe(false);
  });

  it('should lengthen a period in months from its start: 3 + 3 months is within a 6-month maximum', () => {
    // 2025-07-01 + 3 months = 10-01 (国庆), due 10-09; 3 months more is 6 months from 07-01 (2026-01-01), the maximum,
    // not 3 months after 10-09 (S9: 在交办之日起六个月内办理完毕); 4 months more passes it.
    const months = { kind: 'months', months: 3, rollForward: true } as const;
    const rolled = deadline('reply', '2025-10-09', { start: '2025-07-01', rule: months });
    const ctx = ctxOf({ deadlines: [rolled] });
    expect(canRequestExtension(ctx, extension('2025-09-20', months))).toBe(true);
    expect(canRequestExtension(ctx, extension('2025-09-20', { kind: 'months', months: 4 }))).toBe(false);
    // Any other rule counts from the due date: 84 days from 10-09 is 01-01, 85 days pass it.
    expect(canRequestExtension(ctx, extension('2025-09-20', { kind: 'calendarDays', days: 84 }))).toBe(true);
    expect(canRequestExtension(ctx, extension('2025-09-20', { kind: 'calendarDays', days: 85 }))).toBe(false);
  });

  it('should extend the re-handling deadline in a re-handling round, not the first reply', () => {
    const rehandling = deadline('rehandling', '2023-08-07', { periodStart: '2023-07-05' });
    const ctx = ctxOf({ round: 2, deadlines: [reply, rehandling] });
    expect(canRequestExtension(ctx, extension('2023-08-07'))).toBe(true);
    expect(canRequestExtension(ctx, extension('2023-08-08'))).toBe(false);
    expect(canRequestExtension(ctxOf({ round: 1, deadlines: [reply, rehandling] }), extension('2023-08-07'))).toBe(
      false,
    );
  });
});

describe('awaitedOpinions, missingOpinions and coOpinionsReady', () => {
  const due = (unit: string, date: string, patch: Partial<Deadline> = {}) =>
    deadline('coOpinion', date, { unitId: unit, ...patch });

  it('should await a co-handler with no opinion until its deadline has passed', () => {
    const ctx = ctxOf({ deadlines: [due('co-a', '2023-04-17'), due('co-b', '2023-04-20')] });
    expect(awaitedOpinions(ctx, '2023-04-17').map((u) => u.id)).toEqual(['co-a', 'co-b']);
    expect(awaitedOpinions(ctx, '2023-04-18').map((u) => u.id)).toEqual(['co-b']);
    expect(missingOpinions(ctx, '2023-04-18').map((u) => u.id)).toEqual(['co-a']);
    expect(coOpinionsReady(ctx, '2023-04-18')).toBe(false);
    expect(coOpinionsReady(ctx, '2023-04-21')).toBe(true);
  });

  it('should stop awaiting a co-handler that sent its opinion, and not count it missing', () => {
    const ctx = ctxOf({
      deadlines: [due('co-a', '2023-04-17'), due('co-b', '2023-04-17')],
      opinions: [{ fromUnit: coA, toUnit: lead, text: '同意', date: '2023-04-01' }],
    });
    expect(awaitedOpinions(ctx, '2023-04-10').map((u) => u.id)).toEqual(['co-b']);
    expect(missingOpinions(ctx, '2023-04-18').map((u) => u.id)).toEqual(['co-b']);
  });

  it('should read the last deadline that is not cancelled, and its status once closed', () => {
    // A cancelled later deadline does not stand: the one before it passed.
    const cancelled = ctxOf({
      coUnits: [coA],
      deadlines: [due('co-a', '2023-04-17'), due('co-a', '2023-12-31', { status: 'cancelled' })],
    });
    expect(awaitedOpinions(cancelled, '2023-04-18')).toEqual([]);
    // Marked missed: no longer awaited; met (closed without an opinion on file): still awaited.
    const missed = ctxOf({ coUnits: [coA], deadlines: [due('co-a', '2023-04-17', { status: 'missed' })] });
    expect(awaitedOpinions(missed, '2023-04-10')).toEqual([]);
    const met = ctxOf({ coUnits: [coA], deadlines: [due('co-a', '2023-04-17', { status: 'met' })] });
    expect(awaitedOpinions(met, '2023-04-30').map((u) => u.id)).toEqual(['co-a']);
    // A deadline whose due date is not computed yet ('') has not passed.
    const uncomputed = ctxOf({ coUnits: [coA], deadlines: [due('co-a', '')] });
    expect(awaitedOpinions(uncomputed, '2023-04-30').map((u) => u.id)).toEqual(['co-a']);
    // A deadline of another kind owed by the same unit is not its opinion deadline.
    const otherKind = ctxOf({
      coUnits: [coA],
      deadlines: [due('co-a', '2023-04-17'), deadline('reply', '2023-04-01', { unitId: 'co-a' })],
    });
    expect(awaitedOpinions(otherKind, '2023-04-10').map((u) => u.id)).toEqual(['co-a']);
    // Another unit's or another kind's deadline is not this unit's.
    const other = ctxOf({ coUnits: [coA], deadlines: [due('co-b', '2023-04-17'), deadline('reply', '2023-04-17')] });
    expect(awaitedOpinions(other, '2023-04-18').map((u) => u.id)).toEqual(['co-a']);
  });

  it('should not count a co-handler missing twice, and need nothing when the policy does not require opinions', () => {
    const ctx = ctxOf({ deadlines: [due('co-a', '2023-04-17'), due('co-b', '2023-04-17')] });
    const recorded = ctxOf({ ...ctx, missingOpinions: [{ unitId: 'co-a', due: '2023-04-17' }] });
    expect(missingOpinions(recorded, '2023-04-18').map((u) => u.id)).toEqual(['co-b']);
    const optional = ctxOf({ ...ctx, policy: { requireCoOpinionsBeforeDrafting: false } });
    expect(coOpinionsReady(optional, '2023-04-01')).toBe(true);
    expect(coOpinionsReady(ctx, '2023-04-01')).toBe(false);
  });
});

describe('isAwaitedOpinion and isProposerContact', () => {
  const opinion = (from: { id: string; name: string }, to = lead) =>
    ({
      type: 'coUnit.submitOpinion',
      at: '2023-04-01',
      opinion: { fromUnit: from, toUnit: to, text: '同意', date: '2023-04-01' },
    }) as CaseEventOf<'coUnit.submitOpinion'>;

  it('should take one opinion from each co-handler, addressed to this unit', () => {
    expect(isAwaitedOpinion(ctxOf(), opinion(coA))).toBe(true);
    expect(isAwaitedOpinion(ctxOf(), opinion({ id: 'stranger', name: '其他' }))).toBe(false);
    expect(isAwaitedOpinion(ctxOf(), opinion(coA, coB))).toBe(false);
    const sent = ctxOf({ opinions: [{ fromUnit: coA, toUnit: lead, text: '同意', date: '2023-03-30' }] });
    expect(isAwaitedOpinion(sent, opinion(coA))).toBe(false);
    expect(isAwaitedOpinion(sent, opinion(coB))).toBe(true);
  });

  it("should record a contact with a proposer, a merged item's included, and no one else", () => {
    const contact = (proposerId: string) =>
      ({
        type: 'case.recordContact',
        at: '2023-04-01',
        proposerId,
        method: 'phone',
      }) as CaseEventOf<'case.recordContact'>;
    expect(isProposerContact(ctxOf(), contact('p1'))).toBe(true);
    expect(isProposerContact(ctxOf(), contact('p-x'))).toBe(false);
    const merged = ctxOf({
      mergedItems: [
        {
          proposalId: 'x',
          title: '并案',
          proposers: [{ id: 'p-x', name: '丙' }],
          suggestionIds: [],
          mergedAt: '2023-03-01',
        },
      ],
    });
    expect(isProposerContact(merged, contact('p-x'))).toBe(true);
  });
});
