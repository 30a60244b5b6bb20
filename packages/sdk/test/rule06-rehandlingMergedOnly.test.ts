// Issue 13 item 6 with re-handling (重新办理, S8, S9; 并案 replied to separately, S20): when only a merged item's
// proposers rated the reply 不满意, the re-handled reply answers that item alone. The draft needs no letter to the
// item's own proposers (they were satisfied and are not asked to rate again); when one of them was dissatisfied too,
// their letter is required (`draft.ownLetterMissing`).
import { describe, expect, it } from 'vitest';
import {
  issueWithMerged,
  letterTo,
  rateAs,
  rateEveryone,
  repliedWithMerged,
  SHAPES,
  stateOf,
  xProposer,
} from './support/mergedItems.js';
import { actors, refused } from './support/rules.js';

describe.each(SHAPES)('rule 6: 并案 re-handling under %s for a %s filed %s', (preset, kind, channel) => {
  it('6h: only the merged item’s proposer was dissatisfied: the re-handled reply answers that item alone', async () => {
    const { banli, policy, target, item, caseId } = await repliedWithMerged([preset, kind, channel], 'A', 'A');
    await rateEveryone(banli, target, { first: 'satisfied', cosigner: 'satisfied', merged: 'dissatisfied' });
    const ownBefore = await banli.letter(target.id, caseId);
    await banli.send(target.id, { type: 'rehandling.start', at: '2024-05-06', caseId }, { actor: actors.office });

    // No letter to 甲 and 乙, who were satisfied: the draft carries the merged item's new letter only.
    await issueWithMerged(banli, target, undefined, [letterTo(item, 'A', policy)], {
      draft: '2024-05-20',
      sign: '2024-05-25',
    });
    expect(await stateOf(banli, target.id)).toContain('awaitingFeedback');
    // 甲 got nothing new and is not asked to rate; 丙 rates the new letter and the case closes.
    const notAsked = await refused(
      banli,
      target.id,
      () => rateAs(banli, target, actors.first, 'satisfied', '2024-06-01'),
      'TRANSITION_REFUSED',
    );
    expect(notAsked).toMatchObject({ reason: { code: 'feedback.notAnsweredThisRound', source: 'S8' } });
    expect(notAsked.messages['zh-CN']).toContain(`${actors.first.id} 无需再评价`);
    await rateAs(banli, target, xProposer, 'satisfied', '2024-06-02');
    expect(await stateOf(banli, target.id)).toContain('closed');
    // The merged item's proposers read the re-handled letter; the item's own reply stays the first one.
    expect(await banli.letter(item.id, caseId)).toContain('丙');
    expect(await banli.letter(target.id, caseId)).toBe(ownBefore);
  });

  it('6i: when one of the item’s own proposers was dissatisfied too, a re-handled draft without their letter is refused', async () => {
    const { banli, policy, target, item, caseId } = await repliedWithMerged([preset, kind, channel], 'A', 'A');
    await rateEveryone(banli, target, { first: 'satisfied', cosigner: 'dissatisfied', merged: 'dissatisfied' });
    await banli.send(target.id, { type: 'rehandling.start', at: '2024-05-06', caseId }, { actor: actors.office });
    await banli.send(target.id, { type: 'case.startDrafting', at: '2024-05-10', caseId }, { actor: actors.lead });
    const draft = { type: 'reply.submitDraft', at: '2024-05-20', caseId, mergedLetters: [letterTo(item, 'A', policy)] };
    const error = await refused(
      banli,
      target.id,
      () => banli.send(target.id, draft, { actor: actors.lead }),
      'TRANSITION_REFUSED',
    );
    expect(error).toMatchObject({ reason: { code: 'draft.ownLetterMissing', source: 'S8' } });
    expect(error.messages).toEqual({
      'zh-CN': '答复稿须附给本件提出者的答复函：本件提出者对上次答复不满意，须重新答复',
      en: "The draft needs the letter to the item's own proposers: they were dissatisfied with the last reply and are answered again",
    });
  });
});
