// Issue 13 item 9 (rest), the refusals the SDK's schemas and permissions stop before the machine: called on core
// directly, each still names its own rule instead of the stage.
import { chinaMainland, extendCalendar } from '@banli/calendar';
import type { BanliEvent } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import { presets } from '../src/policy/presets/index.js';
import { createHandlingSystem } from '../src/system/createHandlingSystem.js';
import {
  Driver,
  intake,
  leadCaseId,
  proposerIds,
  refusal,
  seedAssignment,
  seedLetter,
  seedSystem,
  soleAssignment,
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

describe('the extension refusal names the last day an approval would land on', () => {
  // A closure on Friday 2023-09-15, the day 6 months after 交办 (2023-03-15): the maximum's due rolls to Monday 09-18.
  const closed = extendCalendar(chinaMainland, {
    id: 'cn-mainland+closure',
    version: '1',
    extraHolidays: [
      { name: 'closure', label: { 'zh-CN': '闭馆', en: 'Closure' }, start: '2023-09-15', end: '2023-09-15' },
    ],
  });
  const caseOn = (calendar: typeof chinaMainland) => {
    const d = intake(new Driver(createHandlingSystem({ policy: presets.guangdongCity, calendar })));
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment });
    return d.send({ type: 'case.accept', at: '2023-03-16', caseId });
  };
  const ask = (rule?: object) =>
    ({
      type: 'case.requestExtension',
      at: '2023-06-01',
      caseId,
      reason: '情况复杂',
      ...(rule ? { rule } : {}),
    }) as BanliEvent;

  it.each([
    ['chinaMainland', chinaMainland, '2023-09-15', '2023年9月15日'],
    ['a closure on 09-15', closed, '2023-09-18', '2023年9月18日'],
  ])('%s: 3 + 4 months is refused naming the day 3 + 3 months approved is due', (_, calendar, due, zh) => {
    const over = refusal(caseOn(calendar), ask({ kind: 'months', months: 4 }));
    expect(over.reason.code).toBe('extension.overMaximum');
    expect(over.messages['zh-CN']).toBe(`答复期限连同延期不得超过 6 个月（自 2023年3月15日 起，至迟 ${zh}）`);
    expect(over.messages.en).toBe(
      `The reply period with its extensions may not exceed 6 months (from 2023-03-15, by ${due} at the latest)`,
    );
    const approved = caseOn(calendar).send(ask()).send({ type: 'extension.approve', at: '2023-06-02', caseId });
    expect(
      approved
        .deadline('reply')
        .filter((d) => d.status === 'open')
        .map((d) => d.due),
    ).toEqual([due]);
  });
});
