import { type Policy, presets } from '@banli/core';
import type { Proposal, ReplyLetter } from '@banli/schemas';
import type { Actor, Banli } from '../../src/index.js';
import {
  actors,
  caseOf,
  type Kind,
  PRESET_NAMES,
  type PresetName,
  replyLetter,
  ruleBanli,
  ruleItem,
  toHandling,
} from './rules.js';

// Shared set-up of the 并案 follow-up and re-handling tests (issue 13): a target item in handling under a preset, with
// a similar item filed by someone else merged into it, both of one kind and channel.

/** A channel: filed at the session or between sessions. */
export type Channel = 'session' | 'interSession';

/** One run: a preset and an item shape it covers. */
export type Shape = readonly [PresetName, Kind, Channel];

/** Every preset × kind × channel the preset covers (others are refused at submission, rule 13.1). */
export const SHAPES: Shape[] = PRESET_NAMES.flatMap((preset) =>
  (['proposal', 'suggestion'] as const).flatMap((kind) =>
    (['session', 'interSession'] as const)
      .filter((channel) =>
        presets[preset].coverage.some((c) => c.kind === kind && (c.channel === undefined || c.channel === channel)),
      )
      .map((channel) => [preset, kind, channel] as const),
  ),
);

/** The merged item's proposer (丙). */
export const xProposer = { role: 'proposer', id: 'p-x' } as const satisfies Actor;

/** The target item of the shape: two proposers (甲 first, 乙), two points. */
const targetOf = (kind: Kind, channel: Channel): Proposal => ({ ...ruleItem(kind), channel });

/** A second item on a similar subject, filed by 丙 (through `channel` when given), with one point of its own. */
export function similarItem(kind: Kind, channel?: Channel): Proposal {
  return {
    ...ruleItem(kind, `item-${kind}-x`, 102),
    ...(channel === undefined ? {} : { channel }),
    title: '关于老旧小区加装电梯资金筹措的建议',
    suggestions: [{ id: 'x1', title: '设立加装电梯专项资金' }],
    proposers: [{ id: xProposer.id, type: 'member', name: '丙', placeholder: true }],
  };
}

/** A letter of `cls` to the merged item's proposer, answering its one point, worded for its kind. */
export function letterTo(item: Proposal, cls: string, policy: Policy): ReplyLetter {
  const base = replyLetter(item.id, cls, [], item.kind, policy);
  const first = (base.responses ?? [])[0];
  return {
    ...base,
    proposalId: item.id,
    addressees: ['丙'],
    responses: first ? [{ ...first, suggestionIds: ['x1'] }] : [],
  };
}

/**
 * The target in handling (assigned 2024-03-04, accepted 03-05) and the similar item filed by 丙 (02-10) under review
 * (02-12), both through `channel` when given.
 */
export async function targetAndItem(banli: Banli, kind: Kind, channel?: Channel) {
  const target = channel === undefined ? ruleItem(kind) : targetOf(kind, channel);
  const item = similarItem(kind, channel);
  await toHandling(banli, target);
  await banli.submit(item, { actor: xProposer, at: '2024-02-10' });
  await banli.send(item.id, { type: 'review.start', at: '2024-02-12' }, { actor: actors.committee });
  return { target, item };
}

/** {@link targetAndItem}, with the similar item merged into the target on 03-06. */
export async function targetWithMerged(banli: Banli, kind: Kind, channel: Channel) {
  const { target, item } = await targetAndItem(banli, kind, channel);
  await banli.send(item.id, { type: 'review.merge', at: '2024-03-06', into: target.id }, { actor: actors.committee });
  return { target, item, caseId: caseOf(target.id) };
}

/** The case's lifecycle state as JSON. */
export async function stateOf(banli: Banli, id: string): Promise<string> {
  return JSON.stringify((await banli.get(id)).state.cases[caseOf(id)]);
}

/**
 * Drafts (on `at`), signs off and issues a reply whose own letter is of `own` (none when `own` is undefined) with
 * the given merged letters; the supervisor reviews where the policy or the key flag asks.
 */
export async function issueWithMerged(
  banli: Banli,
  target: Proposal,
  own: string | undefined,
  mergedLetters: ReplyLetter[],
  at: { draft: string; sign: string } = { draft: '2024-04-10', sign: '2024-04-15' },
) {
  const caseId = caseOf(target.id);
  const policy = banli.policy as Policy;
  const send = (event: Record<string, unknown>, actor: Actor) => banli.send(target.id, { caseId, ...event }, { actor });
  await send({ type: 'case.startDrafting', at: at.draft }, actors.lead);
  const letter = own === undefined ? {} : { letter: replyLetter(target.id, own, [], target.kind, policy) };
  await send({ type: 'reply.submitDraft', at: at.draft, ...letter, mergedLetters }, actors.lead);
  await send({ type: 'signOff.approve', at: at.sign, signer: '局长' }, actors.leader);
  if ((await stateOf(banli, target.id)).includes('supervisorReview')) {
    await send({ type: 'supervisor.approve', at: at.sign }, actors.supervisor);
  }
}

/** One proposer's rating of the case's current round, on `at`. */
export function rateAs(banli: Banli, target: Proposal, actor: Actor, level: string, at: string) {
  const feedback = {
    proposerId: actor.id,
    level,
    date: at,
    ...(level === 'dissatisfied' ? { comment: '未解决' } : {}),
  };
  return banli.send(target.id, { type: 'feedback.submit', at, caseId: caseOf(target.id), feedback }, { actor });
}

/**
 * A banli under the shape's preset with its target in handling, the similar item merged into it and the reply issued
 * (drafted 04-10, signed 04-15): the letter to the item's own proposers of class `own`, the one to the merged item's of
 * class `merged`.
 */
export async function repliedWithMerged([preset, kind, channel]: Shape, own: string, merged: string) {
  const { banli } = ruleBanli(preset);
  const policy = banli.policy as Policy;
  const setup = await targetWithMerged(banli, kind, channel);
  await issueWithMerged(banli, setup.target, own, [letterTo(setup.item, merged, policy)]);
  return { banli, policy, ...setup };
}

/** How each proposer rates the reply: 甲 (the first), 乙 (the co-signer) and 丙 (the merged item's). */
interface Ratings {
  first: string;
  cosigner: string;
  merged: string;
}

/** Every proposer rates the reply: 甲 and 乙 on 04-20, 丙 on 04-22. */
export async function rateEveryone(banli: Banli, target: Proposal, levels: Ratings) {
  await rateAs(banli, target, actors.first, levels.first, '2024-04-20');
  await rateAs(banli, target, actors.cosigner, levels.cosigner, '2024-04-20');
  await rateAs(banli, target, xProposer, levels.merged, '2024-04-22');
}
