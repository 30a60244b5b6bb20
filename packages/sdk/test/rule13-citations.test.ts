// Issue 13 item 13: citations say what is sourced and what is analogy; a key reply is signed by the principal (S23).
import { type Policy, presets, SOURCES } from '@banli/core';
import { seedAssignment132402, seedReplyLetter132402 } from '@banli/schemas';
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

describe('rule 13: a key reply is signed by the unit’s principal leader (S23)', () => {
  it('13d: a key proposal’s reply signed by a deputy head is refused; by the principal, accepted', async () => {
    const banli = banliOn(presets.guangdongCity);
    const item = itemOf({ kind: 'proposal', channel: 'session' });
    const caseId = `${item.id}/zs-commerce`;
    const { committee, office, lead, leader } = seedActors;
    await banli.submit(item, { actor: seedActors.proposer, at: '2023-02-20' });
    await banli.send(item.id, { type: 'review.start', at: '2023-02-21' }, { actor: committee });
    await banli.send(
      item.id,
      { type: 'review.register', at: '2023-03-01', key: true, supervisingLeader: '副市长' },
      { actor: committee },
    );
    await banli.send(
      item.id,
      { type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment132402 },
      { actor: office },
    );
    await banli.send(item.id, { type: 'case.accept', at: '2023-03-16', caseId }, { actor: lead });
    for (const unit of seedAssignment132402.coUnits) {
      const opinion = { fromUnit: unit, toUnit: seedAssignment132402.leadUnit, text: '会办意见', date: '2023-04-10' };
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
    const error = await banli
      .send(item.id, { type: 'signOff.approve', at: '2023-06-21', caseId, signer: '副局长' }, { actor: leader })
      .then(
        () => undefined,
        (e: unknown) => e as TransitionRefusedError,
      );
    expect(error).toBeInstanceOf(TransitionRefusedError);
    expect(error?.reason).toMatchObject({ code: 'signOff.keyNeedsPrincipal', source: 'S23' });
    await banli.send(
      item.id,
      { type: 'signOff.approve', at: '2023-06-21', caseId, signer: '局长', principal: true },
      { actor: leader },
    );
    expect((await banli.get(item.id)).state.cases[caseId]).toMatchObject({ lifecycle: 'supervisorReview' });
  });
});
