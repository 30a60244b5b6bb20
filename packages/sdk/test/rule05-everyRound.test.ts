// Issue 13 item 5 (S9–S14): the reply period with its extensions stays under the policy's maximum in every round —
// a re-handling round's period is capped from its own start, as the first round's is.
import { type Policy, presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { actors, caseOf, rate, refused, reply, ruleBanli, ruleItem, toHandling } from './support/rules.js';

async function inRehandling(policy: Policy) {
  const { banli } = ruleBanli('nationalNpc', policy);
  const item = ruleItem('suggestion');
  const caseId = caseOf(item.id);
  await toHandling(banli, item);
  await reply(banli, item, 'A');
  await rate(banli, item, 'dissatisfied');
  await banli.send(item.id, { type: 'rehandling.start', at: '2024-05-06', caseId }, { actor: actors.office });
  return { banli, id: item.id, caseId };
}

const rehandlingDue = async (banli: Awaited<ReturnType<typeof inRehandling>>['banli'], id: string) =>
  (await banli.deadlines(id)).filter((d) => d.kind === 'rehandling' && d.status === 'open').map((d) => d.due);

describe('rule 5: the extension cap holds in every round', () => {
  it('5e: a 12-month extension of a re-handling round is refused, counted from the round’s start', async () => {
    const { banli, id, caseId } = await inRehandling(presets.nationalNpc);
    expect(await rehandlingDue(banli, id)).toEqual(['2024-06-06']);
    const request = {
      type: 'case.requestExtension',
      at: '2024-05-20',
      caseId,
      reason: '情况复杂',
      rule: { kind: 'months', months: 12 },
    };
    const error = await refused(banli, id, () => banli.send(id, request, { actor: actors.lead }), 'TRANSITION_REFUSED');
    expect(error).toMatchObject({ reason: { code: 'extension.overMaximum', source: 'S9' } });
    expect(error.messages['zh-CN']).toBe('答复期限连同延期不得超过 6 个月（自 2024年5月6日 起，至迟 2024年11月6日）');
  });

  it('5f: the default extension of a long re-handling period stops at the maximum from the round’s start', async () => {
    const npc = presets.nationalNpc;
    const policy: Policy = {
      ...npc,
      periods: { ...npc.periods, rehandling: { kind: 'months', months: 5, rollForward: true } },
    };
    const { banli, id, caseId } = await inRehandling(policy);
    expect(await rehandlingDue(banli, id)).toEqual(['2024-10-08']);
    await banli.send(
      id,
      { type: 'case.requestExtension', at: '2024-09-20', caseId, reason: '情况复杂' },
      { actor: actors.lead },
    );
    await banli.send(id, { type: 'extension.approve', at: '2024-09-23', caseId }, { actor: actors.office });
    // 5 months + 3 would be 2025-01-06; the 6-month maximum from 2024-05-06 ends on 2024-11-06.
    expect(await rehandlingDue(banli, id)).toEqual(['2024-11-06']);
  });
});
