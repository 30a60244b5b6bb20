import { describe, expect, it } from 'vitest';
import {
  seedLifecycle132402,
  seedLifecycleActors132402,
  seedProposal132402,
  seedReplyLetter132402,
  seedSoleAssignment132402,
} from '../src/fixtures/index.js';
import { AssignmentSchema, BanliEventSchema } from '../src/index.js';

// Issue 18: the short lifecycle of seed proposal 132402 is one fixture, shared by the benchmarks' workload and the
// SDK's snapshot tests (each had its own copy).

describe('seedLifecycle132402', () => {
  it('should be 12 valid events, in lifecycle order, ending in the archive', () => {
    const steps = seedLifecycle132402();
    expect(steps.map(([e]) => e.type)).toEqual([
      'proposal.submit',
      'review.start',
      'review.register',
      'assignment.assign',
      'case.accept',
      'case.startDrafting',
      'reply.submitDraft',
      'signOff.approve',
      'feedback.submit',
      'feedback.submit',
      'feedback.submit',
      'proposal.archive',
    ]);
    for (const [event] of steps) expect(BanliEventSchema.safeParse(event).error, event.type).toBeUndefined();
    const dates = steps.map(([e]) => e.at);
    expect(dates).toEqual([...dates].sort());
  });

  it('should answer with the seed letter under a sole assignment, and rename the case with the proposal', () => {
    expect(AssignmentSchema.parse(seedSoleAssignment132402)).toMatchObject({ mode: 'sole', coUnits: [] });
    const steps = seedLifecycle132402('p0000007');
    const caseIds = new Set(steps.flatMap(([e]) => (e.caseId === undefined ? [] : [e.caseId])));
    expect([...caseIds]).toEqual(['p0000007/zs-commerce']);
    expect(steps.find(([e]) => e.type === 'reply.submitDraft')?.[0].letter).toBe(seedReplyLetter132402);
    expect(seedLifecycle132402()[4]?.[0].caseId).toBe(`${seedProposal132402.id}/zs-commerce`);
  });

  it('should have each step sent by its role: proposers submit and rate, the lead unit replies, its leader signs', () => {
    const steps = seedLifecycle132402();
    const by = (type: string) => steps.filter(([e]) => e.type === type).map(([, a]) => a);
    expect(by('assignment.assign')).toEqual([seedLifecycleActors132402.office]);
    expect(by('reply.submitDraft')).toEqual([seedLifecycleActors132402.lead]);
    expect(by('signOff.approve')).toEqual([seedLifecycleActors132402.leader]);
    expect(by('feedback.submit').map((a) => a.id)).toEqual(seedProposal132402.proposers.map((p) => p.id));
    expect(by('proposal.submit')).toEqual([{ role: 'proposer', id: seedProposal132402.proposers[0]?.id }]);
  });
});
