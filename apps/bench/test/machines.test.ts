import { caseInputFrom, toProposalEvent as coreToProposalEvent, testModels } from '@banli/core/internal';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { caseInput, pm, toProposalEvent } from '../src/machines.js';

// Issue 18: the bare-XState baselines build case input with core's own code, so they run on the coordinator's input
// (a copy here once lacked supervisingLeader and sessionClosedAt).

describe('bench machines', () => {
  it("should build case input and proposal events with core's own functions, not a copy", () => {
    expect(caseInput).toBe(caseInputFrom);
    expect(toProposalEvent).toBe(coreToProposalEvent);
  });

  it('should give a case the supervising leader and session closing day the coordinator gives it', () => {
    const { proposalInput, EARLY, U1 } = testModels;
    const p = createActor(pm, { input: { ...proposalInput, sessionClosedAt: '2023-01-20' } });
    const opened: unknown[] = [];
    p.on('case.opened', (e) => opened.push(e));
    p.start();
    p.send({ type: 'proposal.submit', at: EARLY });
    p.send({ type: 'review.start', at: EARLY });
    p.send({ type: 'review.register', at: EARLY, key: true, supervisingLeader: '副市长' });
    const assignment = { mode: 'sole' as const, leadUnit: U1, coUnits: [], assigningOffice: U1, date: EARLY };
    p.send({ type: 'assignment.assign', at: EARLY, assignment });
    expect(opened).toHaveLength(1);
    const input = caseInput(opened[0] as never, p.getSnapshot().context);
    expect(input).toMatchObject({ supervisingLeader: '副市长', sessionClosedAt: '2023-01-20', key: true });
  });
});
