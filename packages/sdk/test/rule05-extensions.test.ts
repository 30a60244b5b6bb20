// Issue 13 item 5 (S9–S14): extensions are asked in time, stay under the policy's maximum, never erase a miss, and
// the proposers are told.
import { presets } from '@banli/core';
import { seedAssignment132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { type BanliNotification, TransitionRefusedError } from '../src/index.js';
import { assignItem } from './support/deadlineScenario.js';
import { seedLetterAsSuggestion } from './support/letters.js';
import { seedActors } from './support/seedBanli.js';

const npc = presets.nationalNpc;
const suggestion = { kind: 'suggestion', channel: 'session' } as const;

async function accepted(policy = npc, shape: Parameters<typeof assignItem>[1] = suggestion, at = '2024-03-04') {
  const { banli, item } = await assignItem(policy, shape, at);
  const caseId = `${item.id}/zs-commerce`;
  await banli.send(item.id, { type: 'case.accept', at, caseId }, { actor: seedActors.lead });
  return { banli, id: item.id, caseId };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as TransitionRefusedError,
  );

describe('rule 5: extensions (S9–S14)', () => {
  it('5a: an extension asked after the due date is refused, naming the due date', async () => {
    const { banli, id, caseId } = await accepted();
    const error = await refusal(
      banli.send(
        id,
        { type: 'case.requestExtension', at: '2024-06-05', caseId, reason: '情况复杂' },
        {
          actor: seedActors.lead,
        },
      ),
    );
    expect(error).toBeInstanceOf(TransitionRefusedError);
    expect(error?.reason.code).toBe('extension.afterDue');
    expect(error?.messages['zh-CN']).toBe('延期须在答复期限届满前申请（答复期限为 2024年6月4日）');
  });

  it('5b: a 12-month extension is refused: the reply period with extensions may not pass 6 months', async () => {
    const { banli, id, caseId } = await accepted();
    const rule = { kind: 'months', months: 12 };
    const error = await refusal(
      banli.send(
        id,
        { type: 'case.requestExtension', at: '2024-05-20', caseId, reason: '情况复杂', rule },
        {
          actor: seedActors.lead,
        },
      ),
    );
    expect(error?.reason.code).toBe('extension.overMaximum');
    expect(error?.reason.source).toBe('S9');
    expect(error?.messages['zh-CN']).toBe('答复期限连同延期不得超过 6 个月（自 2024年3月4日 起，至迟 2024年9月4日）');
  });

  it('5c: Sichuan’s default extension of a 5-month proposal stops at the 6-month maximum', async () => {
    const { banli, id, caseId } = await accepted(presets.sichuan2024, { kind: 'proposal', channel: 'session' });
    const office = seedActors.office;
    await banli.send(
      id,
      { type: 'case.requestExtension', at: '2024-07-20', caseId, reason: '情况复杂' },
      {
        actor: seedActors.lead,
      },
    );
    await banli.send(id, { type: 'extension.approve', at: '2024-07-22', caseId }, { actor: office });
    const reply = (await banli.deadlines(id)).filter((d) => d.kind === 'reply' && d.status === 'open');
    expect(reply.map((d) => d.due)).toEqual(['2024-09-04']);
  });

  it('5d: an extension approved after the miss keeps the miss: the reply is not on time; proposers are told', async () => {
    const { banli, id, caseId } = await accepted();
    const seen: BanliNotification[] = [];
    banli.subscribe((n) => {
      seen.push(n);
    });
    await banli.send(
      id,
      { type: 'case.requestExtension', at: '2024-06-03', caseId, reason: '情况复杂' },
      {
        actor: seedActors.lead,
      },
    );
    await banli.tick('2024-06-05');
    expect((await banli.deadlines(id)).find((d) => d.kind === 'reply')?.status).toBe('missed');
    await banli.send(id, { type: 'extension.approve', at: '2024-06-06', caseId }, { actor: seedActors.office });
    const open = (await banli.deadlines(id)).filter((d) => d.kind === 'reply' && d.status === 'open');
    expect(open.map((d) => d.due)).toEqual(['2024-09-04']);
    expect((await banli.deadlines(id)).some((d) => d.kind === 'reply' && d.status === 'missed')).toBe(true);

    const told = seen.filter((n) => n.type === 'extension.requested' || n.type === 'extension.decided');
    expect(told.map((n) => n.type)).toEqual(['extension.requested', 'extension.decided']);
    for (const n of told) expect(n.payload.notify).toContain('member-liang-xiaoheng');

    for (const unit of seedAssignment132402.coUnits) {
      const opinion = { fromUnit: unit, toUnit: seedAssignment132402.leadUnit, text: '会办意见', date: '2024-06-10' };
      await banli.send(
        id,
        { type: 'coUnit.submitOpinion', at: '2024-06-10', caseId, opinion },
        { actor: { role: 'coUnit', id: `${unit.id}-clerk`, unitId: unit.id } },
      );
    }
    await banli.send(id, { type: 'case.startDrafting', at: '2024-06-11', caseId }, { actor: seedActors.lead });
    await banli.send(
      id,
      { type: 'reply.submitDraft', at: '2024-06-20', caseId, letter: seedLetterAsSuggestion(npc) },
      { actor: seedActors.lead },
    );
    await banli.send(
      id,
      { type: 'signOff.approve', at: '2024-06-21', caseId, signer: '局长' },
      {
        actor: seedActors.leader,
      },
    );
    const stats = await banli.statistics({ from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' });
    expect(stats.totals.repliedOnTime).toBe(0);
    expect(stats.totals.onTimeRate).toBe(0);
  });
});
