// Issue 13 item 13: citations say what is sourced and what is analogy; a key reply is signed by the principal (S23).
import { type Policy, presets, SOURCES } from '@banli/core';
import type { Unit } from '@banli/schemas';
import { fixtures, seedAssignment132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { TransitionRefusedError } from '../src/index.js';
import { banliOn, itemOf } from './support/deadlineScenario.js';
import { seedActors } from './support/seedBanli.js';

const all = Object.entries(presets) as [string, Policy][];

describe('rule 13: citations', () => {
  it('13a: nationalNpc never presents the provincial S9 as a national source', () => {
    for (const [key, c] of Object.entries(presets.nationalNpc.citations ?? {})) {
      if (c.source === 'S9') expect(c.basis, key).toBe('analogy');
    }
    expect(presets.nationalNpc.replyPeriods.every((p) => p.citation?.basis === 'analogy')).toBe(true);
    expect(presets.nationalNpc.notes).toContain('No national text setting handling periods is held');
  });

  it('13b: guangdongCity marks S9 as analogy and its label names its source', () => {
    expect(presets.guangdongCity.citations?.rehandling).toMatchObject({ source: 'S9', basis: 'analogy' });
    expect(presets.guangdongCity.label['zh-CN']).toContain('S22');
  });

  for (const [name, policy] of all) {
    it(`13c: ${name} cites every period, maximum and scheme, each cited source among its sources`, () => {
      const keys = [...Object.keys(policy.periods), 'maxReply', 'classScheme', 'keyReplySigner', 'coverage'];
      for (const key of keys) expect(policy.citations?.[key], `${name}.${key}`).toBeDefined();
      const cited = [
        ...Object.values(policy.citations ?? {}).map((c) => c.source),
        ...policy.replyPeriods.map((p) => p.citation?.source),
      ].filter((s): s is string => s !== undefined);
      const urls = new Set(policy.sources);
      for (const s of cited) expect(urls.has(SOURCES_BY_NUMBER[s] ?? ''), `${name} cites ${s}`).toBe(true);
    });
  }
});

const SOURCES_BY_NUMBER: Record<string, string> = SOURCES;

/** A key proposal of the seed case, assigned to 市商务局 as `leadUnit` says, drafted and waiting for sign-off. */
async function keyReplyAtSignOff(leadUnit: Unit) {
  const banli = banliOn(presets.guangdongCity);
  const item = itemOf({ kind: 'proposal', channel: 'session' });
  const caseId = `${item.id}/zs-commerce`;
  const assignment = { ...seedAssignment132402, leadUnit };
  const { committee, office, lead } = seedActors;
  await banli.submit(item, { actor: seedActors.proposer, at: '2023-02-20' });
  await banli.send(item.id, { type: 'review.start', at: '2023-02-21' }, { actor: committee });
  await banli.send(
    item.id,
    { type: 'review.register', at: '2023-03-01', key: true, supervisingLeader: '副市长' },
    { actor: committee },
  );
  await banli.send(item.id, { type: 'assignment.assign', at: '2023-03-15', assignment }, { actor: office });
  await banli.send(item.id, { type: 'case.accept', at: '2023-03-16', caseId }, { actor: lead });
  for (const unit of assignment.coUnits) {
    const opinion = { fromUnit: unit, toUnit: leadUnit, text: '会办意见', date: '2023-04-10' };
    await banli.send(
      item.id,
      { type: 'coUnit.submitOpinion', at: '2023-04-10', caseId, opinion },
      { actor: { role: 'coUnit', id: `${unit.id}-clerk`, unitId: unit.id } },
    );
  }
  await banli.send(item.id, { type: 'case.startDrafting', at: '2023-06-01', caseId }, { actor: lead });
  await banli.send(
    item.id,
    { type: 'reply.submitDraft', at: '2023-06-20', caseId, letter: seedReplyLetter132402 },
    { actor: lead },
  );
  const signOff = (signer: string, principal?: boolean) =>
    banli.send(
      item.id,
      { type: 'signOff.approve', at: '2023-06-21', caseId, signer, ...(principal === undefined ? {} : { principal }) },
      { actor: seedActors.leader },
    );
  const refusal = (signer: string, principal?: boolean) =>
    signOff(signer, principal).then(
      () => undefined,
      (e: unknown) => e as TransitionRefusedError,
    );
  return { banli, item, caseId, signOff, refusal };
}

const commerce = fixtures.seedUnits.zsCommerce;
const withPrincipal: Unit = { ...commerce, principal: { title: '局长', name: '陈某' } };

describe('rule 13: a key reply is signed by the unit’s principal leader (S23)', () => {
  it('13d: a key proposal’s reply signed by a deputy head is refused; by the principal, accepted', async () => {
    const { banli, item, caseId, signOff, refusal } = await keyReplyAtSignOff(withPrincipal);
    const error = await refusal('副局长');
    expect(error).toBeInstanceOf(TransitionRefusedError);
    expect(error?.reason).toMatchObject({ code: 'signOff.keyNeedsPrincipal', source: 'S23' });
    expect(error?.messages['zh-CN']).toBe(
      '重点提案（建议）的答复须由单位主要负责人签发：中山市商务局登记的主要负责人是局长陈某，签发人“副局长”不是',
    );
    await signOff('陈某');
    expect((await banli.get(item.id)).state.cases[caseId]).toMatchObject({ lifecycle: 'supervisorReview' });
  });

  it('13e: the signer’s own word is not enough: a deputy head saying `principal: true` is refused', async () => {
    const { refusal } = await keyReplyAtSignOff(withPrincipal);
    expect((await refusal('副局长', true))?.reason).toMatchObject({ code: 'signOff.keyNeedsPrincipal' });
  });

  it('13f: with no principal in the unit’s data a key reply cannot be signed, whatever the signer says', async () => {
    const { refusal } = await keyReplyAtSignOff(commerce);
    const error = await refusal('局长', true);
    expect(error?.reason).toMatchObject({ code: 'signOff.principalNotRecorded', source: 'S23' });
    expect(error?.messages.en).toBe(
      "A key item's reply must be signed by the unit's principal leader, and 中山市商务局 has no principal on record",
    );
  });

  it('13g: the principal is matched by post with the unit’s short name (市商务局局长) as signers write it', async () => {
    const { banli, item, caseId, signOff } = await keyReplyAtSignOff(withPrincipal);
    await signOff(`${commerce.shortName}局长`);
    expect((await banli.get(item.id)).state.cases[caseId]).toMatchObject({ lifecycle: 'supervisorReview' });
  });
});
