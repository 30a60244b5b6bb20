import { describe, expect, it } from 'vitest';
import {
  actors,
  caseOf,
  caseState,
  followUpLetter,
  kindsOf,
  PRESET_NAMES,
  rate,
  referenceClass,
  refused,
  reply,
  ruleBanli,
  ruleItem,
  toHandling,
} from '../support/rules.js';

// Issue 13 item 4: B/C commitments (S10, S74, S84) are never dropped silently.

describe.each(PRESET_NAMES)('13.4 commitments under %s', (preset) => {
  describe.each(kindsOf(preset))('for a %s', (kind) => {
    const item = ruleItem(kind);
    const caseId = caseOf(item.id);

    it('13.4 refuses to close a B reply that got no feedback, and follows it up instead', async () => {
      const { banli, policy } = ruleBanli(preset);
      await toHandling(banli, item);
      await reply(banli, item, 'B');
      const close = { type: 'case.close', at: '2024-09-30', caseId };
      const error = await refused(
        banli,
        item.id,
        () => banli.send(item.id, close, { actor: actors.office }),
        'TRANSITION_REFUSED',
      );
      expect(error).toMatchObject({ reason: { code: 'commitment.open', source: 'S10' } });
      expect(error.messages['zh-CN']).toContain('B类答复作出的承诺尚未落实');
      // The second reply is what ends the commitment.
      const second = {
        type: 'followUp.reply',
        at: '2024-10-08',
        caseId,
        letter: followUpLetter(item.id, kind, policy),
      };
      const result = await banli.send(item.id, second, { actor: actors.lead });
      expect(result.emitted.map((n) => n.type)).toContain('followUp.replied');
      expect(await caseState(banli, item.id)).toContain('closed');
    });

    it('13.4 refuses to close a B reply rated 不满意 at once', async () => {
      const { banli } = ruleBanli(preset);
      await toHandling(banli, item);
      await reply(banli, item, 'B');
      await rate(banli, item, 'dissatisfied');
      const close = { type: 'case.close', at: '2024-05-06', caseId };
      await refused(
        banli,
        item.id,
        () => banli.send(item.id, close, { actor: actors.committee }),
        'TRANSITION_REFUSED',
      );
      await banli.send(item.id, { type: 'rehandling.start', at: '2024-05-06', caseId }, { actor: actors.office });
      expect(await caseState(banli, item.id)).toContain('rehandling');
    });

    it('13.4 refuses to close a follow-up without its second reply', async () => {
      const { banli } = ruleBanli(preset);
      await toHandling(banli, item);
      await reply(banli, item, 'B');
      await rate(banli, item, 'satisfied');
      expect(await caseState(banli, item.id)).toContain('followUp');
      const close = { type: 'case.close', at: '2024-09-30', caseId };
      await refused(
        banli,
        item.id,
        () => banli.send(item.id, close, { actor: actors.committee }),
        'TRANSITION_REFUSED',
      );
    });

    it('13.4 lets only the committee close an open commitment, by an override with its reason', async () => {
      const { banli } = ruleBanli(preset);
      await toHandling(banli, item);
      await reply(banli, item, 'B');
      await rate(banli, item, 'satisfied');
      const override = { type: 'case.overrideClose', at: '2024-12-20', caseId, reason: '规划调整，项目取消' };
      await refused(banli, item.id, () => banli.send(item.id, override, { actor: actors.office }), 'PERMISSION');
      const result = await banli.send(item.id, override, { actor: actors.committee });
      expect(result.emitted).toContainEqual(
        expect.objectContaining({ type: 'case.closeOverridden', reason: '规划调整，项目取消' }),
      );
      expect(await caseState(banli, item.id)).toContain('closed');
      const logged = (await banli.history(item.id)).at(-1);
      expect(logged?.event).toMatchObject({ type: 'case.overrideClose', reason: '规划调整，项目取消' });
      expect(logged?.actor).toMatchObject({ role: 'committee' });
      const stats = await banli.statistics({ from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' });
      expect(stats.totals.commitments).toMatchObject({ made: 1, fulfilled: 0, overridden: 1, open: 0 });
    });

    it('13.4 opens no second-reply deadline for 留作参考', async () => {
      const { banli, policy } = ruleBanli(preset);
      await toHandling(banli, item);
      await reply(banli, item, referenceClass(policy));
      await rate(banli, item, 'satisfied');
      expect(await caseState(banli, item.id)).toContain('closed');
      const override = { type: 'case.overrideClose', at: '2024-05-06', caseId, reason: '无' };
      const error = await refused(
        banli,
        item.id,
        () => banli.send(item.id, override, { actor: actors.committee }),
        'TRANSITION_REFUSED',
      );
      expect(error).toMatchObject({ reason: { code: 'commitment.none' } });
      const deadlines = await banli.deadlines(item.id);
      expect(deadlines.filter((d) => d.kind === 'followUp')).toEqual([]);
    });
  });
});
