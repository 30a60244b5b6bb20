import { describe, expect, it } from 'vitest';
import {
  actors,
  caseOf,
  caseState,
  kindsOf,
  PRESET_NAMES,
  refused,
  reply,
  ruleBanli,
  ruleItem,
  toHandling,
} from '../support/rules.js';

// Issue 13 item 7: withdrawing a joint item takes the first proposer's written request (S31).

describe.each(PRESET_NAMES)('13.7 withdrawal under %s', (preset) => {
  describe.each(kindsOf(preset))('for a %s', (kind) => {
    const item = ruleItem(kind);
    const writtenRequest = { date: '2024-03-18', reference: '撤回申请〔2024〕1号' };

    it('13.7 refuses a co-signer withdrawing the whole item', async () => {
      const { banli } = ruleBanli(preset);
      await toHandling(banli, item);
      const withdraw = { type: 'proposal.withdraw', at: '2024-03-20', by: actors.cosigner.id, writtenRequest };
      const error = await refused(
        banli,
        item.id,
        () => banli.send(item.id, withdraw, { actor: actors.cosigner }),
        'TRANSITION_REFUSED',
      );
      expect(error).toMatchObject({ reason: { code: 'withdrawal.notFirstProposer', source: 'S31' } });
      const lead = kind === 'suggestion' ? '领衔代表' : '第一提案人';
      expect(error.messages['zh-CN']).toContain(lead);
      expect((await banli.get(item.id)).state.proposal).toMatchObject({ lifecycle: 'inHandling' });
    });

    it('13.7 lets the first proposer withdraw with the written request recorded', async () => {
      const { banli } = ruleBanli(preset);
      await toHandling(banli, item);
      const withdraw = { type: 'proposal.withdraw', at: '2024-03-20', by: actors.first.id, writtenRequest };
      const result = await banli.send(item.id, withdraw, { actor: actors.first });
      expect(result.emitted.map((n) => n.type)).toEqual(['proposal.withdrawn', 'case.terminated']);
      expect(await caseState(banli, item.id)).toContain('terminated');
      expect((await banli.history(item.id)).at(-1)?.event).toMatchObject({ writtenRequest });
    });

    it('13.7 lets a co-signer withdraw only their own signature, leaving the item in handling', async () => {
      const { banli } = ruleBanli(preset);
      await toHandling(banli, item);
      const signature = {
        type: 'proposal.withdrawSignature',
        at: '2024-03-20',
        by: actors.cosigner.id,
        writtenRequest,
      };
      const result = await banli.send(item.id, signature, { actor: actors.cosigner });
      expect(result.emitted).toContainEqual(
        expect.objectContaining({ type: 'proposal.signatureWithdrawn', proposerId: actors.cosigner.id }),
      );
      expect((await banli.get(item.id)).state.proposal).toMatchObject({ lifecycle: 'inHandling' });
      expect((await banli.get(item.id)).facts.proposerIds).toEqual([actors.first.id]);
      // The case no longer waits for the co-signer's rating: the first proposer's alone closes an A reply.
      await reply(banli, item, 'A');
      const feedback = { proposerId: actors.first.id, level: 'satisfied', date: '2024-04-20' };
      await banli.send(
        item.id,
        { type: 'feedback.submit', at: '2024-04-20', caseId: caseOf(item.id), feedback },
        { actor: actors.first },
      );
      expect(await caseState(banli, item.id)).toContain('closed');
      // The first proposer cannot withdraw a mere signature: they withdraw the item or nothing.
      const own = { type: 'proposal.withdrawSignature', at: '2024-04-21', by: actors.first.id, writtenRequest };
      await refused(banli, item.id, () => banli.send(item.id, own, { actor: actors.first }), 'TRANSITION_REFUSED');
    });
  });
});
