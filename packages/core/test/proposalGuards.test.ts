// The proposal machine's guards, each side of each condition (issue 17: the mutation run of
// src/proposal/guards/index.ts left 27 mutants alive and 38 without a covering test in core; see docs/mutation.md).
// The guards are pure functions of the proposal's context and the event, so they are called directly here; the
// machine and coordinator tests show they are wired to their transitions.
import type { MergedItem, Proposal } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import type { ProposalEventOf } from '../src/proposal/events.js';
import {
  canAddMergedItem,
  completesClosure,
  completesReplies,
  firstProposerId,
  isCosignerRequest,
  isFirstProposerRequest,
  isOpenCase,
  isOtherItem,
  isValidAssignment,
  keyHasLeader,
} from '../src/proposal/guards/index.js';
import type { CaseLink, ProposalContext } from '../src/proposal/types.js';
import { seedProposal, soleAssignment, units } from './helpers/seed.js';

const link = (caseId: string, patch: Partial<CaseLink> = {}): CaseLink => ({
  caseId,
  unit: units.zsCommerce,
  role: 'sole',
  openedAt: '2023-03-15',
  ...patch,
});

/** A context with only what the guards read: the proposal, its cases and the items merged into it. */
function ctxOf(patch: { proposal?: Partial<Proposal>; cases?: CaseLink[]; mergedItems?: MergedItem[] } = {}) {
  return {
    proposal: { ...seedProposal, ...patch.proposal },
    cases: patch.cases ?? [],
    ...(patch.mergedItems ? { mergedItems: patch.mergedItems } : {}),
  } as unknown as ProposalContext;
}

const [first, second, third] = seedProposal.proposers;
const proposer = (id: string, isFirst?: boolean) => ({ id, type: 'member' as const, name: id, first: isFirst });

describe('isValidAssignment', () => {
  const assign = (assignment: object, at = '2023-03-15') =>
    ({ type: 'assignment.assign', at, assignment }) as ProposalEventOf<'assignment.assign'>;

  it('should accept an assignment dated on or before the event that opens a case', () => {
    expect(isValidAssignment(ctxOf(), assign({ ...soleAssignment, date: '2023-03-15' }))).toBe(true);
    expect(isValidAssignment(ctxOf(), assign({ ...soleAssignment, date: '2023-03-14' }))).toBe(true);
  });

  it('should refuse an assignment dated after the event, or one that names no responsible unit', () => {
    expect(isValidAssignment(ctxOf(), assign({ ...soleAssignment, date: '2023-03-16' }))).toBe(false);
    const none = { ...soleAssignment, mode: 'split', leadUnit: undefined, splitUnits: [], date: '2023-03-15' };
    expect(isValidAssignment(ctxOf(), assign(none))).toBe(false);
  });
});

describe('keyHasLeader', () => {
  const register = (patch: object) =>
    ({ type: 'review.register', at: '2023-03-01', ...patch }) as ProposalEventOf<'review.register'>;

  it('should need a supervising leader, not blank, for an item registered as key or already key', () => {
    expect(keyHasLeader(ctxOf(), register({ key: true, supervisingLeader: '  ' }))).toBe(false);
    expect(keyHasLeader(ctxOf(), register({ key: true }))).toBe(false);
    expect(keyHasLeader(ctxOf(), register({ key: true, supervisingLeader: '副市长' }))).toBe(true);
    expect(keyHasLeader(ctxOf({ proposal: { key: true } }), register({}))).toBe(false);
    expect(keyHasLeader(ctxOf({ proposal: { key: true } }), register({ key: false }))).toBe(true);
    expect(keyHasLeader(ctxOf(), register({}))).toBe(true);
  });
});

describe('isOtherItem', () => {
  const merge = (into: string) => ({ type: 'review.merge', at: '2023-03-01', into }) as ProposalEventOf<'review.merge'>;

  it('should refuse a merge into the item itself or into a blank id, and accept another item', () => {
    expect(isOtherItem(ctxOf(), merge(seedProposal.id))).toBe(false);
    expect(isOtherItem(ctxOf(), merge(''))).toBe(false);
    expect(isOtherItem(ctxOf(), merge('   '))).toBe(false);
    expect(isOtherItem(ctxOf(), merge('zs-cppcc-13-2-132401'))).toBe(true);
  });
});

describe('canAddMergedItem', () => {
  const item = (proposalId: string): MergedItem => ({
    proposalId,
    title: '同题提案',
    proposers: [{ id: 'p-x', name: '丙' }],
    suggestionIds: ['x1'],
    mergedAt: '2023-03-01',
  });
  const add = (proposalId: string) =>
    ({
      type: 'proposal.addMergedItem',
      at: '2023-03-01',
      item: item(proposalId),
    }) as ProposalEventOf<'proposal.addMergedItem'>;

  it('should accept another item while no case has replied, one or more cases open', () => {
    expect(canAddMergedItem(ctxOf(), add('other'))).toBe(true);
    expect(
      canAddMergedItem(ctxOf({ cases: [link('a'), link('b')], mergedItems: [item('earlier')] }), add('other')),
    ).toBe(true);
  });

  it('should refuse the item itself, an item merged already, and any merge once a case has replied', () => {
    expect(canAddMergedItem(ctxOf(), add(seedProposal.id))).toBe(false);
    expect(canAddMergedItem(ctxOf({ mergedItems: [item('earlier'), item('other')] }), add('other'))).toBe(false);
    const replied = link('b', { reply: { at: '2023-06-20', class: 'A' } });
    expect(canAddMergedItem(ctxOf({ cases: [link('a'), replied] }), add('other'))).toBe(false);
  });
});

describe('isOpenCase, completesReplies, completesClosure', () => {
  const closed = link('closed', { closedAt: '2023-07-01' });
  const replied = link('replied', { reply: { at: '2023-06-20', class: 'A' } });

  it('should know a case of the proposal that is not closed, and nothing else', () => {
    const ctx = ctxOf({ cases: [link('open'), closed] });
    expect(isOpenCase(ctx, 'open')).toBe(true);
    expect(isOpenCase(ctx, 'closed')).toBe(false);
    expect(isOpenCase(ctx, 'unknown')).toBe(false);
  });

  it('should complete the replies with the last replying case, not counting reference units', () => {
    const reference = link('reference', { role: 'reference' });
    expect(completesReplies(ctxOf({ cases: [link('open'), replied, reference] }), 'open')).toBe(true);
    expect(completesReplies(ctxOf({ cases: [link('open'), link('other')] }), 'open')).toBe(false);
    // A closed or unknown case completes nothing, even when every other case has replied.
    expect(completesReplies(ctxOf({ cases: [closed, replied] }), 'closed')).toBe(false);
    expect(completesReplies(ctxOf({ cases: [replied] }), 'unknown')).toBe(false);
  });

  it('should complete the closure with the last open case only', () => {
    expect(completesClosure(ctxOf({ cases: [link('open'), closed] }), 'open')).toBe(true);
    expect(completesClosure(ctxOf({ cases: [link('open'), link('other')] }), 'open')).toBe(false);
    expect(completesClosure(ctxOf({ cases: [closed] }), 'closed')).toBe(false);
    expect(completesClosure(ctxOf({ cases: [closed] }), 'unknown')).toBe(false);
  });
});

describe('firstProposerId', () => {
  it('should name the only proposer, flagged or not, or the one flagged first among several', () => {
    expect(firstProposerId(ctxOf({ proposal: { proposers: [proposer('solo')] } }))).toBe('solo');
    const several = [proposer('a'), proposer('b', true), proposer('c')];
    expect(firstProposerId(ctxOf({ proposal: { proposers: several } }))).toBe('b');
  });

  it('should name nobody among several proposers none of whom is flagged first', () => {
    expect(firstProposerId(ctxOf({ proposal: { proposers: [proposer('a'), proposer('b')] } }))).toBeUndefined();
    expect(firstProposerId(ctxOf({ proposal: { proposers: [] } }))).toBeUndefined();
  });
});

describe('isFirstProposerRequest and isCosignerRequest (S31)', () => {
  const request = <T extends 'proposal.withdraw' | 'proposal.withdrawSignature'>(type: T, by: string, date: string) =>
    ({ type, at: '2023-04-10', by, writtenRequest: { date } }) as ProposalEventOf<T>;
  const ctx = ctxOf();

  it('should let only the first proposer withdraw the item, on a request dated no later than the event', () => {
    expect(first?.first).toBe(true);
    expect(isFirstProposerRequest(ctx, request('proposal.withdraw', first?.id ?? '', '2023-04-10'))).toBe(true);
    expect(isFirstProposerRequest(ctx, request('proposal.withdraw', first?.id ?? '', '2023-04-01'))).toBe(true);
    expect(isFirstProposerRequest(ctx, request('proposal.withdraw', first?.id ?? '', '2023-04-11'))).toBe(false);
    expect(isFirstProposerRequest(ctx, request('proposal.withdraw', second?.id ?? '', '2023-04-10'))).toBe(false);
    expect(isFirstProposerRequest(ctx, request('proposal.withdraw', 'stranger', '2023-04-01'))).toBe(false);
  });

  it('should not refuse a withdrawal replayed from a log written before S31 was applied (writtenUnder an earlier version)', () => {
    const replayed = (writtenUnder: string) =>
      ({
        ...request('proposal.withdraw', second?.id ?? '', '2023-04-11'),
        writtenUnder,
      }) as ProposalEventOf<'proposal.withdraw'>;
    expect(isFirstProposerRequest(ctx, replayed('proposal@1'))).toBe(true);
    // Under the current version it is checked as a live command.
    expect(isFirstProposerRequest(ctx, replayed('proposal@4'))).toBe(false);
  });

  it('should let a co-signer, not the first proposer or a stranger, withdraw their signature on an earlier request', () => {
    const cosigner = third?.id ?? '';
    expect(isCosignerRequest(ctx, request('proposal.withdrawSignature', cosigner, '2023-04-10'))).toBe(true);
    expect(isCosignerRequest(ctx, request('proposal.withdrawSignature', cosigner, '2023-04-01'))).toBe(true);
    expect(isCosignerRequest(ctx, request('proposal.withdrawSignature', cosigner, '2023-04-11'))).toBe(false);
    expect(isCosignerRequest(ctx, request('proposal.withdrawSignature', first?.id ?? '', '2023-04-10'))).toBe(false);
    expect(isCosignerRequest(ctx, request('proposal.withdrawSignature', 'stranger', '2023-04-10'))).toBe(false);
  });
});
