// Issue 13 item 9 (rest), the refusals the SDK's schemas and permissions stop before the machine: called on core
// directly, each still names its own rule instead of the stage.
import type { BanliEvent } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import { presets } from '../src/policy/presets/index.js';
import {
  Driver,
  intake,
  leadCaseId,
  proposerIds,
  refusal,
  seedAssignment,
  seedLetter,
  seedSystem,
  soleCase,
} from './helpers/seed.js';

const caseId = leadCaseId;

/** The seed case, replied on 2023-06-29 (class A, no co-handlers). */
function replied(): Driver {
  return soleCase()
    .send({ type: 'case.startDrafting', at: '2023-06-01', caseId })
    .send({ type: 'reply.submitDraft', at: '2023-06-20', caseId, letter: seedLetter })
    .send({ type: 'signOff.approve', at: '2023-06-29', caseId, signer: '局长' });
}

describe('case refusals the SDK cannot reach', () => {
  it('9j: a rating by someone who is not a proposer names the proposers (feedback.notProposer, S25)', () => {
    const error = refusal(replied(), {
      type: 'feedback.submit',
      at: '2023-07-10',
      caseId,
      feedback: { proposerId: 'stranger', level: 'satisfied', date: '2023-07-10' },
    } as BanliEvent);
    expect(error.reason).toEqual({
      code: 'feedback.notProposer',
      source: 'S25',
      messages: {
        'zh-CN': '只有本件的提案人才能评价答复：stranger 不是本件的提案人',
        en: "Only the item's own proposers rate the reply: stranger is not one of them",
      },
    });
  });

  it('9k: 不满意 with a blank comment asks for the reason (feedback.commentMissing)', () => {
    const error = refusal(replied(), {
      type: 'feedback.submit',
      at: '2023-07-10',
      caseId,
      feedback: { proposerId: proposerIds[0] as string, level: 'dissatisfied', comment: '  ', date: '2023-07-10' },
    } as BanliEvent);
    expect(error.reason.code).toBe('feedback.commentMissing');
    expect(error.messages['zh-CN']).toBe('评价为“不满意”的，须写明具体意见，以便重新办理');
  });

  it('9l: a countersignature from a unit that is not a co-handler names the rule (countersign.notCoUnit, S25)', () => {
    const d = intake(new Driver(seedSystem(presets.sichuan2024)));
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment });
    const error = refusal(d, { type: 'countersign.approve', at: '2023-06-21', caseId, unitId: 'nobody' } as BanliEvent);
    expect(error.reason).toMatchObject({ code: 'countersign.notCoUnit', source: 'S25' });
    expect(error.messages['zh-CN']).toBe('会签由本办件的会办单位进行：nobody 不是本办件的会办单位');
  });
});
