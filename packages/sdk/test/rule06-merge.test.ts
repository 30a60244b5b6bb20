// Issue 13 item 6 (并案, S20, S11, S17): merged items are handled together but replied to separately. The merged
// item's proposers get their own letter through the target's case and give their own feedback; a merge into an id
// that does not exist, into itself, into an item already replied, or of an item already replied is refused.
import type { Policy } from '@banli/core';
import type { Proposal } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import type { Actor, Banli, BanliNotification } from '../src/index.js';
import { PRESET_KINDS } from './support/letterRules.js';
import { letterTo, similarItem, targetAndItem, xProposer } from './support/mergedItems.js';
import {
  actors,
  caseOf,
  caseState,
  ONE_PRESET_PER_KIND,
  rate,
  refused,
  reply,
  replyLetter,
  ruleBanli,
  ruleItem,
  toHandling,
} from './support/rules.js';

const merge = (banli: Banli, id: string, into: string, at = '2024-03-06') =>
  banli.send(id, { type: 'review.merge', at, into }, { actor: actors.committee });

/** Signs off, with the supervisor's review where the policy or the key flag asks for it. */
async function signAndIssue(banli: Banli, target: Proposal) {
  const caseId = caseOf(target.id);
  await banli.send(
    target.id,
    { type: 'signOff.approve', at: '2024-04-15', caseId, signer: '局长' },
    {
      actor: actors.leader,
    },
  );
  if (JSON.stringify((await banli.get(target.id)).state.cases[caseId]).includes('supervisorReview')) {
    await banli.send(target.id, { type: 'supervisor.approve', at: '2024-04-16', caseId }, { actor: actors.supervisor });
  }
}

describe.each(ONE_PRESET_PER_KIND)('rule 6: 并案 under %s for a %s', (preset, kind) => {
  it('6a: the merged item’s proposers get their own letter through the target’s case and give their own feedback', async () => {
    const { banli } = ruleBanli(preset);
    const seen: BanliNotification[] = [];
    banli.subscribe((n) => void seen.push(n), ['mergedReply.issued', 'proposal.itemMerged']);
    const { target, item } = await targetAndItem(banli, kind);
    const caseId = caseOf(target.id);
    await merge(banli, item.id, target.id);
    expect((await banli.get(item.id)).state.proposal).toMatchObject({ lifecycle: 'merged' });
    expect(seen.map((n) => n.type)).toEqual(['proposal.itemMerged']);

    await banli.send(target.id, { type: 'case.startDrafting', at: '2024-04-08', caseId }, { actor: actors.lead });
    // A draft answering only the target's proposers is refused: the merged item is replied to separately.
    const policy = banli.policy as Policy;
    const draft = {
      type: 'reply.submitDraft',
      at: '2024-04-10',
      caseId,
      letter: replyLetter(target.id, 'A', [], kind, policy),
    };
    const error = await refused(
      banli,
      target.id,
      () => banli.send(target.id, draft, { actor: actors.lead }),
      'TRANSITION_REFUSED',
    );
    expect(error).toMatchObject({ reason: { code: 'draft.mergedLetterMissing', source: 'S20' } });
    expect(error.messages['zh-CN']).toBe(
      // A suggestion merged in is named 并入建议, a proposal 并入提案 (issue 13.11: wording by kind).
      `并案办理、分别答复：答复稿须另附给并入${kind === 'suggestion' ? '建议' : '提案'} ${item.id}（${item.title}）提出者的答复函一件`,
    );
    const redraft = { ...draft, at: '2024-04-15', mergedLetters: [letterTo(item, 'A', policy)] };
    await banli.send(target.id, redraft, { actor: actors.lead });
    await signAndIssue(banli, target);

    const issued = seen.find((n) => n.type === 'mergedReply.issued');
    expect(issued?.payload).toMatchObject({ mergedItemId: item.id, notify: [xProposer.id], class: 'A' });
    // The merged item's own letter, reached from the merged item, answers its own point.
    const text = await banli.letter(item.id, caseId);
    expect(text).toContain('丙');
    expect(text).not.toBe(await banli.letter(target.id, caseId));

    // The target's proposers rate; the case still waits for the merged item's proposer, who rates on their own.
    await rate(banli, target, 'satisfied', 'satisfied');
    expect(JSON.stringify((await banli.get(target.id)).state.cases[caseId])).toContain('awaitingFeedback');
    const feedback = { proposerId: xProposer.id, level: 'satisfied', date: '2024-04-22' };
    await banli.send(target.id, { type: 'feedback.submit', at: '2024-04-22', caseId, feedback }, { actor: xProposer });
    expect(JSON.stringify((await banli.get(target.id)).state.cases[caseId])).toContain('closed');
  });

  it('6b: a merge into an id that does not exist is refused, naming the rule; nothing is written', async () => {
    const { banli } = ruleBanli(preset);
    const { item } = await targetAndItem(banli, kind);
    const error = await refused(banli, item.id, () => merge(banli, item.id, 'no-such-item'), 'TRANSITION_REFUSED');
    expect(error).toMatchObject({ reason: { code: 'merge.targetNotFound', source: 'S20' } });
    expect(error.messages).toEqual({
      'zh-CN': '并案须并入已有的提案（建议）：no-such-item 不存在',
      en: 'An item is merged into an existing item: no-such-item does not exist',
    });
  });

  it('6c: a merge into the item itself is refused', async () => {
    const { banli } = ruleBanli(preset);
    const { item } = await targetAndItem(banli, kind);
    const error = await refused(banli, item.id, () => merge(banli, item.id, item.id), 'TRANSITION_REFUSED');
    expect(error).toMatchObject({ reason: { code: 'merge.intoItself', source: 'S20' } });
    expect(error.messages.en).toBe(`An item is merged into another item, never into itself (${item.id})`);
  });

  it('6d: a merge into an item already replied is refused, and the target is left as it was', async () => {
    const { banli } = ruleBanli(preset);
    const { target, item } = await targetAndItem(banli, kind);
    await reply(banli, target, 'A');
    const targetVersion = (await banli.get(target.id)).version;
    const error = await refused(
      banli,
      item.id,
      () => merge(banli, item.id, target.id, '2024-04-20'),
      'TRANSITION_REFUSED',
    );
    expect(error).toMatchObject({ reason: { code: 'merge.targetReplied', source: 'S20' } });
    expect(error.messages['zh-CN']).toContain(`须在主办件答复前并入：${target.id} 已经答复`);
    expect((await banli.get(target.id)).version).toBe(targetVersion);
  });

  it('6e: an item already replied cannot be merged', async () => {
    const { banli } = ruleBanli(preset);
    const target = ruleItem(kind);
    const other = { ...ruleItem(kind, `item-${kind}-y`, 103) };
    await toHandling(banli, target);
    await toHandling(banli, other);
    await reply(banli, other, 'A');
    const error = await refused(
      banli,
      other.id,
      () => merge(banli, other.id, target.id, '2024-04-20'),
      'TRANSITION_REFUSED',
    );
    expect(error).toMatchObject({ reason: { code: 'merge.itemReplied', source: 'S20' } });
    expect(error.messages['zh-CN']).toBe(`并案须在答复前决定：${other.id} 已经答复，不能再并案`);
  });
});

// The letter requirements of the preset (issue 15) apply to every letter the reply sends, a merged item's as much as
// the target's own: a merged letter without its class mark (分类标注, required by all four presets) is flagged when
// the draft is submitted and refused at sign-off, naming the merged item; completed, it is signed.
describe.each(PRESET_KINDS)('rule 6: 并案 letters at sign-off under %s for a %s', (preset, kind) => {
  it('6f: a merged item’s letter that lacks what the preset requires is refused at sign-off, naming the item', async () => {
    const { banli } = ruleBanli(preset);
    const seen: BanliNotification[] = [];
    banli.subscribe((n) => void seen.push(n), ['reply.draftFlagged']);
    const { target, item } = await targetAndItem(banli, kind);
    const caseId = caseOf(target.id);
    await merge(banli, item.id, target.id);
    await banli.send(target.id, { type: 'case.startDrafting', at: '2024-04-08', caseId }, { actor: actors.lead });
    const policy = banli.policy as Policy;
    const { classMark: _dropped, ...unmarked } = letterTo(item, 'A', policy);
    const letter = replyLetter(target.id, 'A', [], kind, policy);
    const draft = { type: 'reply.submitDraft', at: '2024-04-10', caseId, letter, mergedLetters: [unmarked] };
    await banli.send(target.id, draft, { actor: actors.lead });
    expect(JSON.stringify(seen.map((n) => n.payload))).toContain(`给并入提案（建议）${item.id}的答复函`);

    const signOff = { type: 'signOff.approve', at: '2024-04-15', caseId, signer: '局长' };
    const error = await refused(
      banli,
      target.id,
      () => banli.send(target.id, signOff, { actor: actors.leader }),
      'TRANSITION_REFUSED',
    );
    expect(error).toMatchObject({ reason: { code: 'signOff.letterIncomplete' } });
    expect(error.messages['zh-CN']).toContain(`给并入提案（建议）${item.id}的答复函：`);
    expect(error.messages.en).toContain(`the letter to merged item ${item.id}: `);

    // Returned, completed and submitted again, the reply is signed off and the merged item's letter goes out.
    await banli.send(
      target.id,
      { type: 'signOff.return', at: '2024-04-15', caseId, note: '补分类标注' },
      {
        actor: actors.leader,
      },
    );
    const redraft = { ...draft, at: '2024-04-15', mergedLetters: [letterTo(item, 'A', policy)] };
    await banli.send(target.id, redraft, { actor: actors.lead });
    await signAndIssue(banli, target);
    expect(await banli.letter(item.id, caseId)).toContain('丙');
  });
});

// Re-handling (重新办理) after 不满意 answers again only the item whose proposers were dissatisfied (S8, S9; 并案 replies
// to each item separately, S20): a merged item whose proposers were satisfied gets no second letter and is not asked
// to rate again; the dissatisfied merged item must get its new letter.
describe.each(PRESET_KINDS)('rule 6: 并案 and re-handling under %s for a %s', (preset, kind) => {
  it('6g: the re-handled reply carries a letter to the dissatisfied merged item only, and only its proposers rate again', async () => {
    const { banli } = ruleBanli(preset);
    const { target, item } = await targetAndItem(banli, kind);
    const yProposer = { role: 'proposer', id: 'p-y' } as const satisfies Actor;
    const other: Proposal = {
      ...similarItem(kind),
      id: `item-${kind}-y`,
      number: 103,
      proposers: [{ id: yProposer.id, type: 'member', name: '丁', placeholder: true }],
    };
    await banli.submit(other, { actor: yProposer, at: '2024-02-10' });
    await banli.send(other.id, { type: 'review.start', at: '2024-02-12' }, { actor: actors.committee });
    await merge(banli, item.id, target.id);
    await merge(banli, other.id, target.id);
    const caseId = caseOf(target.id);
    const policy = banli.policy as Policy;
    const lead = (event: Record<string, unknown>) =>
      banli.send(target.id, { caseId, ...event }, { actor: actors.lead });
    const toX = letterTo(item, 'A', policy);
    const toY = { ...letterTo(other, 'A', policy), addressees: ['丁'] };
    await lead({ type: 'case.startDrafting', at: '2024-04-08' });
    const letter = replyLetter(target.id, 'A', [], kind, policy);
    await lead({ type: 'reply.submitDraft', at: '2024-04-10', letter, mergedLetters: [toX, toY] });
    await signAndIssue(banli, target);
    // The target's proposers and 丁 are satisfied; 丙 (item X) is not.
    await rate(banli, target, 'satisfied', 'satisfied');
    const feedback = (actor: Actor, level: string, at: string) =>
      banli.send(
        target.id,
        {
          type: 'feedback.submit',
          at,
          caseId,
          feedback: {
            proposerId: actor.id,
            level,
            date: at,
            ...(level === 'dissatisfied' ? { comment: '未解决' } : {}),
          },
        },
        { actor },
      );
    await feedback(yProposer, 'satisfied', '2024-04-21');
    await feedback(xProposer, 'dissatisfied', '2024-04-22');
    await banli.send(target.id, { type: 'rehandling.start', at: '2024-05-06', caseId }, { actor: actors.office });
    await lead({ type: 'case.startDrafting', at: '2024-05-10' });

    // A letter to 丁's item again is refused: its proposers were satisfied.
    const redraft = { type: 'reply.submitDraft', at: '2024-05-20', letter };
    const again = await refused(
      banli,
      target.id,
      () => lead({ ...redraft, mergedLetters: [toX, toY] }),
      'TRANSITION_REFUSED',
    );
    expect(again).toMatchObject({ reason: { code: 'draft.mergedLetterNotRehandled', source: 'S8' } });
    expect(again.messages['zh-CN']).toContain(`并入${kind === 'suggestion' ? '建议' : '提案'} ${other.id}`);
    expect(again.messages.en).toContain(`merged item ${other.id}`);
    // Leaving out 丙's item is refused: it is the one re-handled.
    const missing = await refused(
      banli,
      target.id,
      () => lead({ ...redraft, mergedLetters: [] }),
      'TRANSITION_REFUSED',
    );
    expect(missing).toMatchObject({ reason: { code: 'draft.mergedLetterMissing' } });
    expect(missing.messages['zh-CN']).toContain(item.id);

    await lead({ ...redraft, mergedLetters: [toX] });
    const signOff = { type: 'signOff.approve', at: '2024-05-25', caseId, signer: '局长' };
    await banli.send(target.id, signOff, { actor: actors.leader });
    if ((await caseState(banli, target.id)).includes('supervisorReview')) {
      const approve = { type: 'supervisor.approve', at: '2024-05-26', caseId };
      await banli.send(target.id, approve, { actor: actors.supervisor });
    }
    // 丁 is not asked to rate the re-handled reply; the target's proposers and 丙 are.
    const notAsked = await refused(
      banli,
      target.id,
      () => feedback(yProposer, 'satisfied', '2024-06-01'),
      'TRANSITION_REFUSED',
    );
    expect(notAsked).toMatchObject({ reason: { code: 'feedback.notAnsweredThisRound' } });
    await rate(banli, target, 'satisfied', 'satisfied', '2024-06-01');
    expect(await caseState(banli, target.id)).toContain('awaitingFeedback');
    await feedback(xProposer, 'satisfied', '2024-06-02');
    expect(await caseState(banli, target.id)).toContain('closed');
  });
});
