// Issue 13 item 5 with issue 14: a retracted miss has one representation, the deadline's status. A correction that
// reopens a miss and a second miss of the same deadline leave it missed, and statistics count it as missed.
import { chinaMainland, extendCalendar } from '@banli/calendar';
import { isCountedMiss, presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { actors, caseOf, replyLetter, ruleBanli, ruleItem, toHandling } from './support/rules.js';

const closure = extendCalendar(chinaMainland, {
  id: 'cn-mainland+closure',
  version: '2024.closure',
  extraHolidays: [
    { name: 'closure', label: { 'zh-CN': '闭馆', en: 'Closure' }, start: '2024-06-04', end: '2024-06-07' },
  ],
});

describe('rule 5: one model for corrections', () => {
  it('5g: a miss reopened by a calendar correction and missed again counts as a miss; a later extension keeps it', async () => {
    const { banli, clock } = ruleBanli('nationalNpc', presets.nationalNpc);
    const item = ruleItem('suggestion');
    const caseId = caseOf(item.id);
    const send = (event: Record<string, unknown>, actor: (typeof actors)[keyof typeof actors]) =>
      banli.send(item.id, { caseId, ...event }, { actor });
    const reply = async () => (await banli.deadlines(item.id)).filter((d) => d.kind === 'reply');
    await toHandling(banli, item); // assigned 2024-03-04: the reply is due 2024-06-04
    await send({ type: 'case.requestExtension', at: '2024-06-03', reason: '情况复杂' }, actors.lead);
    clock.set('2024-06-05');
    await banli.tick('2024-06-05');
    expect((await reply()).map((d) => d.status)).toEqual(['missed']);

    clock.set('2024-06-06');
    const report = await banli.recomputeDeadlines(closure);
    expect(report.moved.find((m) => m.kind === 'reply')).toMatchObject({ outcome: 'reopened', newDue: '2024-06-11' });
    const reopened = (await reply())[0];
    expect(reopened).toMatchObject({ status: 'open', due: '2024-06-11' });
    expect(reopened && isCountedMiss(reopened)).toBe(false);

    clock.set('2024-06-12');
    await banli.tick('2024-06-12');
    const missedAgain = (await reply())[0];
    expect(missedAgain).toMatchObject({ status: 'missed', due: '2024-06-11' });
    // The status is the one representation: nothing left over from the earlier correction says otherwise.
    expect(missedAgain && isCountedMiss(missedAgain)).toBe(true);
    expect(missedAgain).not.toHaveProperty('retractedBy');

    await send({ type: 'extension.approve', at: '2024-06-13' }, actors.office);
    await send({ type: 'case.startDrafting', at: '2024-06-14' }, actors.lead);
    await send(
      {
        type: 'reply.submitDraft',
        at: '2024-06-17',
        letter: replyLetter(item.id, 'A', [], 'suggestion', presets.nationalNpc),
      },
      actors.lead,
    );
    await send({ type: 'signOff.approve', at: '2024-06-18', signer: '局长' }, actors.leader);
    const stats = await banli.statistics({ from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' });
    expect(stats.totals).toMatchObject({ repliedOnTime: 0, repliedLate: 1 });
  });
});
