// Issue 13 item 4 with item 6 (S10, S74, S84 with S20): a B/C class given to a merged item's letter is a commitment
// to that item's proposers, kept like the item's own. The case goes to follow-up (跟踪办理) even when the item's own
// class is A; closing it while any commitment is open is refused naming the letter that made it (only the committee's
// override closes it anyway); the second reply (二次答复) carries letters to merged items (`mergedLetters`), checked
// like first-round merged letters, and the case closes once every commitment is answered.
import type { ReplyLetter } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import type { BanliNotification } from '../src/index.js';
import { letterTo, rateEveryone, repliedWithMerged, SHAPES, stateOf } from './support/mergedItems.js';
import { actors, followUpLetter, refused } from './support/rules.js';

const second = (letter: ReplyLetter): ReplyLetter => ({ ...letter, docNumber: '示住建函〔2024〕89号' });

describe.each(SHAPES)('rule 4: 并案 commitments under %s for a %s filed %s', (preset, kind, channel) => {
  it('4a: a B class given to the merged item alone keeps the case in follow-up until the merged item’s second reply', async () => {
    const { banli, policy, target, item, caseId } = await repliedWithMerged([preset, kind, channel], 'A', 'B');
    const seen: BanliNotification[] = [];
    banli.subscribe((n) => void seen.push(n), ['followUp.replied']);
    await rateEveryone(banli, target, { first: 'satisfied', cosigner: 'satisfied', merged: 'satisfied' });
    // Everyone is satisfied, and the merged item's B commitment is still owed: follow-up, not closed.
    expect(await stateOf(banli, target.id)).toContain('followUp');
    const firstLetter = await banli.letter(item.id, caseId);
    expect(firstLetter).toContain(letterTo(item, 'B', policy).docNumber);

    const close = { type: 'case.close', at: '2024-09-30', caseId };
    const open = await refused(
      banli,
      target.id,
      () => banli.send(target.id, close, { actor: actors.committee }),
      'TRANSITION_REFUSED',
    );
    expect(open).toMatchObject({ reason: { code: 'commitment.open', source: 'S10' } });
    expect(open.messages['zh-CN']).toContain(`给并入提案（建议）${item.id}的B类答复作出的承诺尚未落实`);
    expect(open.messages.en).toContain(`The class B reply to merged item ${item.id} made a commitment`);

    // A second reply to the item's own proposers, whose A reply promised nothing, is refused.
    const own = { type: 'followUp.reply', at: '2024-10-08', caseId, letter: followUpLetter(target.id, kind, policy) };
    const notOwed = await refused(
      banli,
      target.id,
      () => banli.send(target.id, own, { actor: actors.lead }),
      'TRANSITION_REFUSED',
    );
    expect(notOwed).toMatchObject({ reason: { code: 'followUp.notCommitted', source: 'S10' } });
    expect(notOwed.messages['zh-CN']).toContain(`尚待二次答复的是并入提案（建议）${item.id}`);

    // The merged item's second reply is checked as its first was: its class mark is required by every preset.
    const { classMark: _dropped, ...unmarked } = second(letterTo(item, 'A', policy));
    const toItem = { type: 'followUp.reply', at: '2024-10-08', caseId };
    const incomplete = await refused(
      banli,
      target.id,
      () => banli.send(target.id, { ...toItem, mergedLetters: [unmarked] }, { actor: actors.lead }),
      'TRANSITION_REFUSED',
    );
    expect(incomplete).toMatchObject({ reason: { code: 'followUp.letterIncomplete' } });
    expect(incomplete.messages['zh-CN']).toContain(`给并入提案（建议）${item.id}的答复函：`);
    expect(incomplete.messages.en).toContain(`the letter to merged item ${item.id}: `);
    // …and must answer the merged item's own point.
    const letter = second(letterTo(item, 'A', policy));
    const pointless = { ...letter, responses: (letter.responses ?? []).map((r) => ({ ...r, suggestionIds: ['n1'] })) };
    const points = await refused(
      banli,
      target.id,
      () => banli.send(target.id, { ...toItem, mergedLetters: [pointless] }, { actor: actors.lead }),
      'TRANSITION_REFUSED',
    );
    expect(points).toMatchObject({ reason: { code: 'followUp.mergedLetterPoints', source: 'S17' } });
    expect(points.messages['zh-CN']).toContain('未答复：x1');

    const result = await banli.send(
      target.id,
      { ...toItem, mergedLetters: [second(letterTo(item, 'A', policy))] },
      { actor: actors.lead },
    );
    expect(await stateOf(banli, target.id)).toContain('closed');
    expect(result.emitted).toContainEqual(
      expect.objectContaining({ type: 'followUp.replied', mergedItemIds: [item.id], commitmentsOpen: 0 }),
    );
    // The merged item's proposers read their second reply now, the latest letter they got; the item's own stays.
    const secondLetter = await banli.letter(item.id, caseId);
    expect(secondLetter).toContain('示住建函〔2024〕89号');
    expect(secondLetter).not.toBe(firstLetter);
    expect(await banli.letter(item.id, caseId, 'html')).toContain('示住建函〔2024〕89号');
    const stats = await banli.statistics({ from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' });
    expect(stats.totals.commitments).toMatchObject({ made: 1, fulfilled: 1, open: 0 });
    expect(seen).toHaveLength(1);
  });

  it('4b: with no feedback, closing after the feedback period is refused while the merged item’s commitment is open; the committee’s override closes it', async () => {
    const { banli, target, item, caseId } = await repliedWithMerged([preset, kind, channel], 'A', 'B');
    const close = { type: 'case.close', at: '2024-09-30', caseId };
    const error = await refused(
      banli,
      target.id,
      () => banli.send(target.id, close, { actor: actors.office }),
      'TRANSITION_REFUSED',
    );
    expect(error).toMatchObject({ reason: { code: 'commitment.open', source: 'S10' } });
    expect(error.messages['zh-CN']).toContain(item.id);

    const override = { type: 'case.overrideClose', at: '2024-12-20', caseId, reason: '规划调整，项目取消' };
    await refused(banli, target.id, () => banli.send(target.id, override, { actor: actors.office }), 'PERMISSION');
    const result = await banli.send(target.id, override, { actor: actors.committee });
    expect(result.emitted).toContainEqual(
      expect.objectContaining({ type: 'case.closeOverridden', reason: '规划调整，项目取消' }),
    );
    expect(await stateOf(banli, target.id)).toContain('closed');
    const stats = await banli.statistics({ from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' });
    expect(stats.totals.commitments).toMatchObject({ made: 1, fulfilled: 0, overridden: 1, open: 0 });
  });

  it('4c: the item’s own and the merged item’s commitments are answered one by one; the case closes with the last', async () => {
    const { banli, policy, target, item, caseId } = await repliedWithMerged([preset, kind, channel], 'B', 'B');
    await rateEveryone(banli, target, { first: 'satisfied', cosigner: 'satisfied', merged: 'satisfied' });
    const own = { type: 'followUp.reply', at: '2024-10-08', caseId, letter: followUpLetter(target.id, kind, policy) };
    const first = await banli.send(target.id, own, { actor: actors.lead });
    expect(first.emitted).toContainEqual(
      expect.objectContaining({ type: 'followUp.replied', mergedItemIds: [], commitmentsOpen: 1 }),
    );
    // The merged item's commitment is still owed: the case stays in follow-up and may not be closed.
    expect(await stateOf(banli, target.id)).toContain('followUp');
    const close = { type: 'case.close', at: '2024-10-09', caseId };
    const error = await refused(
      banli,
      target.id,
      () => banli.send(target.id, close, { actor: actors.committee }),
      'TRANSITION_REFUSED',
    );
    expect(error.messages['zh-CN']).toContain(`给并入提案（建议）${item.id}的B类答复`);
    expect(error.messages['zh-CN']).not.toContain('、');
    // The item's own proposers got their second reply already.
    const again = await refused(
      banli,
      target.id,
      () => banli.send(target.id, { ...own, at: '2024-10-10' }, { actor: actors.lead }),
      'TRANSITION_REFUSED',
    );
    expect(again).toMatchObject({ reason: { code: 'followUp.notCommitted' } });

    const toItem = {
      type: 'followUp.reply',
      at: '2024-11-08',
      caseId,
      mergedLetters: [second(letterTo(item, 'A', policy))],
    };
    await banli.send(target.id, toItem, { actor: actors.lead });
    expect(await stateOf(banli, target.id)).toContain('closed');
    const stats = await banli.statistics({ from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' });
    // Two commitments, the item's own and the merged item's, each fulfilled by its own second reply (落实率).
    expect(stats.totals.commitments).toMatchObject({ made: 2, fulfilled: 2, open: 0, rate: 1 });
  });
});
