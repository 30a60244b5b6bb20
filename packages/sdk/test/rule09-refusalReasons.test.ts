// Issue 13 item 9: every refusal names the rule that refused it, in plain zh-CN and en, with a reason code.
import { seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { type BanliError, TransitionRefusedError } from '../src/index.js';
import { seedAccepted, seedActors, seedAssigned, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

const caseId = seedCaseId;
const RAW_KEYS = /lifecycle\.|timeliness\.|publication\.|\|/;

async function refusal(run: () => Promise<unknown>): Promise<TransitionRefusedError> {
  const error = (await run().then(
    () => undefined,
    (e: unknown) => e,
  )) as BanliError | undefined;
  expect(error).toBeInstanceOf(TransitionRefusedError);
  const refused = error as TransitionRefusedError;
  expect(refused.messages).toEqual(refused.reason.messages);
  expect(refused.messages['zh-CN']).not.toMatch(RAW_KEYS);
  expect(refused.messages.en).not.toMatch(RAW_KEYS);
  return refused;
}

async function assigned() {
  const { banli } = seedBanli();
  await seedAssigned(banli);
  return banli;
}

describe('rule 9: refusals say which rule refused them', () => {
  it('9a: an adjustment request after the window names the window and its last day (S22, 3 working days)', async () => {
    const banli = await assigned();
    const error = await refusal(() =>
      banli.send(
        seedId,
        { type: 'case.requestAdjustment', at: '2023-03-21', caseId, reason: '职能不符' },
        { actor: seedActors.lead },
      ),
    );
    expect(error.reason.code).toBe('adjustment.windowClosed');
    expect(error.messages['zh-CN']).toBe('调整申请须在交办后 3 个工作日内提出（截至 2023年3月20日）');
    expect(error.messages.en).toBe(
      'An adjustment must be requested within 3 working days of assignment (by 2023-03-20)',
    );
  });

  it('9b: an assignment dated after the event that records it', async () => {
    const { banli } = seedBanli();
    await banli.submit(seedProposal132402, { actor: seedActors.proposer, at: '2023-02-20' });
    await banli.send(seedId, { type: 'review.start', at: '2023-02-21' }, { actor: seedActors.committee });
    await banli.send(seedId, { type: 'review.register', at: '2023-03-01' }, { actor: seedActors.committee });
    const error = await refusal(() =>
      banli.send(
        seedId,
        { type: 'assignment.assign', at: '2023-03-10', assignment: { ...seedAssignment132402, date: '2023-03-15' } },
        { actor: seedActors.office },
      ),
    );
    expect(error.reason.code).toBe('assignment.datedAfterEvent');
    expect(error.messages['zh-CN']).toContain('2023年3月15日');
    expect(error.messages['zh-CN']).toContain('2023年3月10日');
  });

  it('9c: a draft that leaves a point unanswered names the point; a class outside the scheme names the scheme', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    const { coUnits, leadUnit } = seedAssignment132402;
    for (const unit of coUnits) {
      const opinion = { fromUnit: unit, toUnit: leadUnit, text: '会办意见', date: '2023-04-10' };
      await banli.send(
        seedId,
        { type: 'coUnit.submitOpinion', at: '2023-04-10', caseId, opinion },
        { actor: { role: 'coUnit', id: `${unit.id}-clerk`, unitId: unit.id } },
      );
    }
    await banli.send(seedId, { type: 'case.startDrafting', at: '2023-06-01', caseId }, { actor: seedActors.lead });
    const [first, ...rest] = seedReplyLetter132402.responses ?? [];
    const partial = { ...seedReplyLetter132402, responses: rest };
    const missing = await refusal(() =>
      banli.send(
        seedId,
        { type: 'reply.submitDraft', at: '2023-06-20', caseId, letter: partial },
        { actor: seedActors.lead },
      ),
    );
    expect(missing.reason.code).toBe('draft.pointUnanswered');
    expect(missing.messages['zh-CN']).toContain(first?.suggestionIds?.[0] ?? '?');
    const classD = await refusal(() =>
      banli.send(
        seedId,
        { type: 'reply.submitDraft', at: '2023-06-20', caseId, letter: { ...seedReplyLetter132402, class: 'D' } },
        { actor: seedActors.lead },
      ),
    );
    expect(classD.reason.code).toBe('class.notInScheme');
    expect(classD.messages['zh-CN']).toBe('本办理规则的答复分类为 A、B、C 类，没有 D 类');
  });

  it('9d: a step at the wrong stage is named by the stage label, never by raw state keys', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    const error = await refusal(() =>
      banli.send(seedId, { type: 'review.register', at: '2023-03-20' }, { actor: seedActors.committee }),
    );
    expect(error.reason.code).toBe('state.notAccepting');
    expect(error.messages['zh-CN']).toMatch(/^“.+”阶段不能办理“立案”$/);
  });
});
