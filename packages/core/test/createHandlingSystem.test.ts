import { chinaMainland } from '@banli/calendar';
import { describe, expect, it } from 'vitest';
import { BanliCoreError, TransitionRefusedError } from '../src/errors.js';
import { presets } from '../src/policy/presets/index.js';
import { createHandlingSystem } from '../src/system/createHandlingSystem.js';
import {
  Driver,
  intake,
  leadCaseId,
  proposerIds,
  seedLetter,
  seedSystem,
  soleAssignment,
  soleCase,
} from './helpers/seed.js';

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

describe('createHandlingSystem state', () => {
  it('should keep plain JSON state that names both machine versions', () => {
    const d = soleCase();
    expect(d.state.machine).toMatchObject({ id: 'proposal', version: 'proposal@4' });
    expect(d.state.caseMachine).toMatchObject({ id: 'case', version: 'case@4' });
    const copy = JSON.parse(JSON.stringify(d.state));
    expect(d.system.send(copy, { type: 'case.startDrafting', at: '2023-06-01', caseId: leadCaseId }).state).toEqual(
      d.system.send(d.state, { type: 'case.startDrafting', at: '2023-06-01', caseId: leadCaseId }).state,
    );
  });

  it('should refuse state written by another machine version', () => {
    const d = soleCase();
    const old = { ...d.state, caseMachine: { id: 'case', version: 'case@0' } };
    expect(() => d.system.can(old, { type: 'case.startDrafting', at: '2023-06-01', caseId: leadCaseId })).toThrow(
      BanliCoreError,
    );
  });

  it('should refuse an event for an unknown case', () => {
    expect(soleCase().can({ type: 'case.startDrafting', at: '2023-06-01', caseId: 'nope' })).toBe(false);
  });

  it('should reject an invalid policy with a bilingual error', () => {
    const make = () =>
      createHandlingSystem({ policy: { ...presets.guangdongCity, maxExtensions: -1 }, calendar: chinaMainland });
    expect(make).toThrow(BanliCoreError);
    try {
      make();
    } catch (error) {
      expect((error as BanliCoreError).code).toBe('invalid_policy');
      expect((error as BanliCoreError).messages['zh-CN']).toContain('maxExtensions');
    }
  });

  it('should summarise the proposal and its cases', () => {
    const summary = soleCase().summary;
    expect(summary).toMatchObject({
      proposalId: 'zs-cppcc-13-2-132402',
      value: { lifecycle: 'inHandling', timeliness: 'onTime' },
      tags: ['awaitingUnit', 'clock.running'],
      cases: [
        {
          caseId: leadCaseId,
          unitId: 'zs-commerce',
          role: 'sole',
          round: 1,
          feedback: [],
          tags: ['awaitingUnit', 'clock.running'],
        },
      ],
    });
  });
});
