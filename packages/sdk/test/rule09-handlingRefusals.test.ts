// Issue 13 item 9 (rest): feedback, countersign, contact and re-handling-cap refusals name their own rule, with a
// reason code, zh-CN and en text and the S-number — not the stage fallback (`state.notAccepting`).
import { formatChineseDate, type Policy } from '@banli/core';
import type { Proposal } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import type { TransitionRefusedError } from '../src/index.js';
import {
  actors,
  caseOf,
  caseState,
  coUnit,
  kindsOf,
  PRESET_NAMES,
  rate,
  refused,
  reply,
  replyLetter,
  ruleBanli,
  ruleItem,
  toHandling,
} from './support/rules.js';

const RAW_KEYS = /lifecycle\.|timeliness\.|publication\.|\|/;

/** The command is refused with `code`, nothing is written, and neither language leaks raw state keys. */
async function reason(banli: Parameters<typeof refused>[0], id: string, run: () => Promise<unknown>, code: string) {
  const error = (await refused(banli, id, run, 'TRANSITION_REFUSED')) as TransitionRefusedError;
  expect(error.reason.code).toBe(code);
  expect(error.messages).toEqual(error.reason.messages);
  expect(error.messages['zh-CN']).not.toMatch(RAW_KEYS);
  expect(error.messages.en).not.toMatch(RAW_KEYS);
  return error;
}

const who = (kind: string) => (kind === 'suggestion' ? '代表' : '提案人');

describe.each(PRESET_NAMES)('rule 9 (handling refusals) under %s', (preset) => {
  describe.each(kindsOf(preset))('for a %s', (kind) => {
    const item = ruleItem(kind);
    const caseId = caseOf(item.id);

    it('9e: a second rating of the same reply names the one-rating rule and the first rating’s day (S25)', async () => {
      const { banli } = ruleBanli(preset);
      await toHandling(banli, item);
      await reply(banli, item, 'A');
      const feedback = { proposerId: actors.first.id, level: 'satisfied', date: '2024-04-20' };
      await banli.send(
        item.id,
        { type: 'feedback.submit', at: '2024-04-20', caseId, feedback },
        { actor: actors.first },
      );
      const again = {
        type: 'feedback.submit',
        at: '2024-04-22',
        caseId,
        feedback: { ...feedback, date: '2024-04-22' },
      };
      const error = await reason(
        banli,
        item.id,
        () => banli.send(item.id, again, { actor: actors.first }),
        'feedback.alreadyGiven',
      );
      expect(error.reason.source).toBe('S25');
      expect(error.messages['zh-CN']).toBe(`每位${who(kind)}对本次答复只评价一次：p-first 已于 2024年4月20日 评价`);
      expect(error.messages.en).toBe(
        `Each ${kind === 'suggestion' ? 'deputy' : 'proposer'} rates this reply once: p-first already did on 2024-04-20`,
      );
    });

    it('9f: closing before every rating is in and before the feedback period ends names the period and its last day', async () => {
      const { banli, policy } = ruleBanli(preset);
      await toHandling(banli, item);
      await reply(banli, item, 'A');
      const feedback = { proposerId: actors.first.id, level: 'satisfied', date: '2024-04-20' };
      await banli.send(
        item.id,
        { type: 'feedback.submit', at: '2024-04-20', caseId, feedback },
        { actor: actors.first },
      );
      const due = (await banli.deadlines(item.id)).find((d) => d.kind === 'feedback' && d.caseId === caseId)?.due;
      expect(due).toMatch(/^2024-05-/);
      const close = { type: 'case.close', at: '2024-04-25', caseId };
      const error = await reason(
        banli,
        item.id,
        () => banli.send(item.id, close, { actor: actors.office }),
        'feedback.periodOpen',
      );
      const days = policy.periods.feedback.kind === 'workingDays' ? policy.periods.feedback.days : Number.NaN;
      expect(error.reason.source).toBe(policy.citations?.feedback?.source);
      expect(error.messages['zh-CN']).toBe(
        `${who(kind)}尚未全部反馈意见，反馈期限（${days} 个工作日）至 ${formatChineseDate(due as string)}；期限届满前不能办结`,
      );
      // Once the period is over, a reply without a commitment may close with a rating missing.
      const later = { type: 'case.close', at: '2024-06-03', caseId };
      await banli.send(item.id, later, { actor: actors.office });
    });

    it('9g: re-handling past the policy’s cap names the cap and what comes next (S14 where sourced)', async () => {
      const { banli, policy } = ruleBanli(preset);
      await toHandling(banli, item);
      await reply(banli, item, 'A');
      await rate(banli, item, 'dissatisfied');
      for (let round = 1; round <= policy.maxRehandlingRounds; round++) {
        await banli.send(item.id, { type: 'rehandling.start', at: '2024-05-06', caseId }, { actor: actors.office });
        const send = (event: Record<string, unknown>, actor: (typeof actors)[keyof typeof actors]) =>
          banli.send(item.id, { caseId, ...event }, { actor });
        await send({ type: 'case.startDrafting', at: '2024-05-08' }, actors.lead);
        await send({ type: 'reply.submitDraft', at: '2024-05-09', letter: replyAgain(item, policy) }, actors.lead);
        await send({ type: 'signOff.approve', at: '2024-05-10', signer: '局长' }, actors.leader);
        if ((await caseState(banli, item.id)).includes('supervisorReview')) {
          await send({ type: 'supervisor.approve', at: '2024-05-11' }, actors.supervisor);
        }
        await rate(banli, item, 'dissatisfied', 'satisfied', '2024-05-20');
      }
      const start = { type: 'rehandling.start', at: '2024-05-27', caseId };
      const error = await reason(
        banli,
        item.id,
        () => banli.send(item.id, start, { actor: actors.office }),
        'rehandling.limitReached',
      );
      expect(error.reason.source).toBe(policy.citations?.maxRehandlingRounds?.source);
      if (preset === 'sichuan2024') expect(error.reason.source).toBe('S14');
      expect(error.messages['zh-CN']).toBe(
        `重新办理以 ${policy.maxRehandlingRounds} 次为限，已用完；仍不满意的，可当面协商或作专门说明`,
      );
    });

    it('9h: a contact with someone who is not a proposer names the item’s own proposers (S27)', async () => {
      const { banli } = ruleBanli(preset);
      await toHandling(banli, item);
      const contact = {
        type: 'case.recordContact',
        at: '2024-03-10',
        caseId,
        proposerId: 'p-stranger',
        method: 'phone',
      };
      const error = await reason(
        banli,
        item.id,
        () => banli.send(item.id, contact, { actor: actors.lead }),
        'contact.notProposer',
      );
      expect(error.reason.source).toBe('S27');
      expect(error.messages['zh-CN']).toBe(`只能记录与本件${who(kind)}的联系：p-stranger 不是本件的${who(kind)}`);
    });

    it('9i: countersigning names its rule: not asked by the policy, or already given (S25)', async () => {
      const { banli, policy } = ruleBanli(preset);
      await toHandling(banli, item, { co: true });
      if (policy.requireCountersign) {
        await reply(banli, item, 'A');
        const again = { type: 'countersign.approve', at: '2024-04-16', caseId, unitId: coUnit.id };
        const error = await reason(
          banli,
          item.id,
          () => banli.send(item.id, again, { actor: actors.co }),
          'countersign.alreadyGiven',
        );
        expect(error.reason.source).toBe('S25');
        expect(error.messages['zh-CN']).toBe(
          `${coUnit.id} 已于 2024年4月12日 会签本稿，每个会办单位对同一稿只会签一次`,
        );
        return;
      }
      const sign = { type: 'countersign.approve', at: '2024-04-12', caseId, unitId: coUnit.id };
      const error = await reason(
        banli,
        item.id,
        () => banli.send(item.id, sign, { actor: actors.co }),
        'countersign.notRequired',
      );
      expect(error.messages['zh-CN']).toBe('本办理规则不要求会办单位会签答复稿');
    });
  });
});

/** The re-handled reply (a new letter number). */
const replyAgain = (item: Proposal, policy: Policy) => ({
  ...replyLetter(item.id, 'A', [], item.kind, policy),
  docNumber: '示住建函〔2024〕66号',
});
