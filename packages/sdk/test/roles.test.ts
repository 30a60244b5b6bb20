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

/**
 * Who may send what, written out by hand from /work/shared/docs/domain.md (§1 roles, §2 lifecycle, §4 feedback, §5
 * letters and disclosure) and never read from `ROLE_MATRIX`, so a wrong matrix fails here. An empty list: an internal
 * event the coordinator derives itself.
 */
const EXPECTED: Record<string, readonly Role[]> = {
  // Proposers file; the committee enters paper or group proposals for them (§1 review body [S3][S6]).
  'proposal.submit': ['proposer', 'committee'],
  // Review, registration (立案), merging, conversion and rejection are the review body's (§1 [S3][S6], §6 [S2]).
  'review.start': ['committee'],
  'review.register': ['committee'],
  'review.merge': ['committee'],
  'review.convert': ['committee'],
  'review.reject': ['committee'],
  // A proposer withdraws in writing, lodged through the committee (§6 withdrawal [S31]).
  'proposal.withdraw': ['proposer', 'committee'],
  // A co-signer withdraws their own signature in writing, lodged the same way (§6 withdrawal [S31]).
  'proposal.withdrawSignature': ['proposer', 'committee'],
  // 交办: the assigning office runs it; the review body fixes the 承办单位 too (§1 [S3][S6][S15]).
  'assignment.assign': ['assigningOffice', 'committee'],
  'case.accepted': [],
  'case.reassigned': [],
  'case.replied': [],
  'case.closed': [],
  'proposal.archive': ['committee'],
  // Deadlines are data fired by the scheduler only (architecture: time is data).
  'deadline.elapsed': ['system'],
  // 签收 and 申请调整 are the responsible unit's; the office keeps or reassigns (§2.1 objection [S1][S16][S18]).
  'case.accept': ['leadUnit'],
  'case.requestAdjustment': ['leadUnit'],
  'adjustment.keep': ['assigningOffice'],
  'adjustment.reassign': ['assigningOffice'],
  // A co-handler sends its written opinion to the lead unit and may talk to the proposer (§1 co-handler [S17]).
  'coUnit.submitOpinion': ['coUnit'],
  'case.recordContact': ['leadUnit', 'coUnit'],
  // Extensions need the 交办机关's approval (§2.1 extension [S10][S11][S21]).
  'case.requestExtension': ['leadUnit'],
  'extension.approve': ['assigningOffice'],
  'extension.deny': ['assigningOffice'],
  // The lead unit drafts and is the only unit that replies (§1 lead unit [S20][S11][S17]).
  'case.startDrafting': ['leadUnit'],
  'reply.submitDraft': ['leadUnit'],
  // 会签 by co-handlers in online systems (§1 co-handler [S25][S26]).
  'countersign.approve': ['coUnit'],
  'countersign.requestChanges': ['coUnit'],
  // 签发 by the unit's leader (§1 signer [S10][S17][S34]).
  'signOff.approve': ['leader'],
  'signOff.return': ['leader'],
  // 督办 approves the reply and may change its class (§1 supervisor [S25]).
  'supervisor.approve': ['supervisor'],
  'supervisor.return': ['supervisor'],
  // Every co-signer rates the reply (§4 [S25][S74]).
  'feedback.submit': ['proposer'],
  // On 不满意 the office (NPC 办事机构 / committee) re-assigns for 再作研究 (§4 [S8][S9][S83]).
  'rehandling.start': ['assigningOffice', 'committee'],
  // 跟踪办理: the unit replies again once solved (§3 commitments [S10][S74]).
  'followUp.reply': ['leadUnit'],
  'case.close': ['assigningOffice', 'committee'],
  // Closing a case over an open commitment is the committee's call, with a reason (§1 review body [S83]).
  'case.overrideClose': ['committee'],
  // The disclosure attribute is fixed by the unit at drafting; the office publishes (§5 disclosure [S36][S39][S40]).
  'publication.publish': ['leadUnit', 'assigningOffice'],
  'publication.disclose': ['leadUnit', 'assigningOffice'],
  'case.terminate': [],
  'case.dropProposer': [],
  // 并案 is the review body's decision (`review.merge`); the SDK writes its effect on the target (§6 [S20]).
  'proposal.addMergedItem': [],
  'case.addMergedItem': [],
};

describe('ROLE_MATRIX', () => {
  it('should cover exactly the event types of @banli/schemas', () => {
    expect([...EVENT_TYPES].sort()).toEqual([...BANLI_EVENT_TYPES].sort());
  });

  it('should match the role table written out from the domain sources, event by event', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...EVENT_TYPES].sort());
    for (const type of EVENT_TYPES)
      expect([...ROLE_MATRIX[type]].sort(), type).toEqual([...(EXPECTED[type] ?? [])].sort());
  });

  for (const type of EVENT_TYPES) {
    for (const role of ROLES) {
      const expected = (EXPECTED[type] ?? []).includes(role);
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
