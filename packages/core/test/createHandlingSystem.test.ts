import { describe, expect, it } from 'vitest';
import { TransitionRefusedError } from '../src/errors.js';
import { Driver, intake, leadCaseId, proposerIds, seedLetter, seedSystem, soleAssignment } from './helpers/seed.js';

describe('createHandlingSystem', () => {
  it('should run a sole-unit case from submission to archive', () => {
    const d = intake(new Driver(seedSystem()));
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment });
    expect(Object.keys(d.state.cases)).toEqual([leadCaseId]);
    d.send({ type: 'case.accept', at: '2023-03-16', caseId: leadCaseId })
      .send({ type: 'case.startDrafting', at: '2023-06-01', caseId: leadCaseId })
      .send({ type: 'reply.submitDraft', at: '2023-06-20', caseId: leadCaseId, letter: seedLetter })
      .send({ type: 'signOff.approve', at: '2023-06-29', caseId: leadCaseId, signer: '局长' });
    expect(d.summary.value).toEqual({ lifecycle: 'answered', timeliness: 'onTime' });
    for (const proposerId of proposerIds) {
      d.send({
        type: 'feedback.submit',
        at: '2023-07-10',
        caseId: leadCaseId,
        feedback: { proposerId, level: 'satisfied', date: '2023-07-10' },
      });
    }
    expect(d.summary.value).toEqual({ lifecycle: 'closed', timeliness: 'onTime' });
    d.send({ type: 'proposal.archive', at: '2023-07-20' });
    expect(d.summary.value).toEqual({ lifecycle: 'archived', timeliness: 'onTime' });
    expect(d.summary.tags).toContain('terminal');
    expect(d.emitted.map((n) => n.type)).toEqual([
      'proposal.submitted',
      'proposal.registered',
      'case.opened',
      'case.accepted',
      'reply.issued',
      'publication.due',
      'proposal.answered',
      'feedback.received',
      'feedback.received',
      'feedback.received',
      'case.closed',
      'proposal.closed',
      'proposal.archived',
    ]);
    expect(JSON.parse(JSON.stringify(d.state))).toEqual(d.state);
  });

  it('should refuse an event the machines do not accept', () => {
    const d = new Driver(seedSystem());
    expect(d.can({ type: 'proposal.archive', at: '2023-02-20' })).toBe(false);
    expect(() => d.send({ type: 'proposal.archive', at: '2023-02-20' })).toThrow(TransitionRefusedError);
  });
});
