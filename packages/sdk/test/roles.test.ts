import { BANLI_EVENT_TYPES } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import {
  type AccessView,
  type Actor,
  authorize,
  EVENT_TYPES,
  PermissionError,
  ROLE_LABELS,
  ROLE_MATRIX,
  ROLE_SCOPES,
  ROLES,
  type Role,
} from '../src/index.js';

const view: AccessView = {
  proposerIds: ['p1', 'p2'],
  cases: { c1: { unitId: 'lead', coUnitIds: ['co1'] } },
};

// An actor of each role acting within its own scope, and an event naming that actor where events name someone.
const inScope: Record<Role, Actor> = {
  proposer: { role: 'proposer', id: 'p1' },
  committee: { role: 'committee', id: 'office' },
  assigningOffice: { role: 'assigningOffice', id: 'gov' },
  leadUnit: { role: 'leadUnit', id: 'clerk', unitId: 'lead' },
  coUnit: { role: 'coUnit', id: 'co-clerk', unitId: 'co1' },
  leader: { role: 'leader', id: 'director', unitId: 'lead' },
  supervisor: { role: 'supervisor', id: 'dban' },
  system: { role: 'system', id: 'scheduler' },
};
const eventFor = (type: string, actor: Actor) => ({
  type,
  caseId: 'c1',
  by: actor.id,
  unitId: actor.unitId,
  feedback: { proposerId: actor.id },
  opinion: { fromUnit: { id: actor.unitId } },
});
const allowed = (actor: Actor, event: { type: string; [key: string]: unknown }) => {
  try {
    authorize(actor, event, view);
    return true;
  } catch (error) {
    if (error instanceof PermissionError) return false;
    throw error;
  }
};

describe('ROLE_MATRIX', () => {
  it('should cover exactly the event types of @banli/schemas', () => {
    expect([...EVENT_TYPES].sort()).toEqual([...BANLI_EVENT_TYPES].sort());
  });

  for (const type of EVENT_TYPES) {
    for (const role of ROLES) {
      const expected = ROLE_MATRIX[type].includes(role);
      it(`should ${expected ? 'allow' : 'refuse'} ${role} → ${type}`, () => {
        expect(allowed(inScope[role], eventFor(type, inScope[role]))).toBe(expected);
      });
    }
  }

  it('should give every internal event to nobody but deadline.elapsed to the system only', () => {
    expect(ROLE_MATRIX['deadline.elapsed']).toEqual(['system']);
    expect(ROLE_MATRIX['case.terminate']).toEqual([]);
  });
});

describe('authorize', () => {
  it('should keep a proposer to their own proposal and their own feedback', () => {
    expect(allowed({ role: 'proposer', id: 'x' }, { type: 'proposal.submit' })).toBe(false);
    expect(
      allowed({ role: 'proposer', id: 'p2' }, {
        type: 'feedback.submit',
        caseId: 'c1',
        feedback: { proposerId: 'p1' },
      } as never),
    ).toBe(false);
    expect(allowed({ role: 'proposer', id: 'p2' }, { type: 'proposal.withdraw', by: 'p1' } as never)).toBe(false);
  });

  it('should keep a unit to its own case', () => {
    const event = { type: 'case.accept', caseId: 'c1' };
    expect(allowed({ role: 'leadUnit', id: 'x', unitId: 'other' }, event)).toBe(false);
    expect(allowed({ role: 'leadUnit', id: 'x', unitId: 'lead' }, { ...event, caseId: 'c2' })).toBe(false);
    expect(allowed({ role: 'leader', id: 'x', unitId: 'other' }, { type: 'signOff.approve', caseId: 'c1' })).toBe(
      false,
    );
  });

  it('should keep a co-unit to cases it co-handles and to its own name', () => {
    const co = { role: 'coUnit', id: 'x', unitId: 'co1' } as const;
    expect(allowed(co, { type: 'countersign.approve', caseId: 'c1', unitId: 'co2' } as never)).toBe(false);
    expect(
      allowed({ ...co, unitId: 'co2' }, { type: 'countersign.approve', caseId: 'c1', unitId: 'co2' } as never),
    ).toBe(false);
    expect(
      allowed(co, { type: 'coUnit.submitOpinion', caseId: 'c1', opinion: { fromUnit: { id: 'lead' } } } as never),
    ).toBe(false);
  });

  it('should refuse unit roles without a unit and unknown roles', () => {
    expect(allowed({ role: 'leadUnit', id: 'x' }, { type: 'case.accept', caseId: 'c1' })).toBe(false);
    expect(allowed({ role: 'mayor', id: 'x' } as unknown as Actor, { type: 'review.start' })).toBe(false);
    expect(allowed({ role: 'committee', id: '' }, { type: 'review.start' })).toBe(false);
  });
});

describe('ROLE_LABELS', () => {
  it('should label every role in zh-CN and en', () => {
    for (const role of ROLES) {
      expect(ROLE_LABELS[role]['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(ROLE_LABELS[role].en).toMatch(/^[A-Z]/);
      expect(ROLE_SCOPES[role]).toBeDefined();
    }
  });
});
