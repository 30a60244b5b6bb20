// Issue 13 item 10: the proposal's timeliness reflects its cases (not 未逾期 while a case's reply is overdue).
import { presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { assignItem } from './support/deadlineScenario.js';
import { seedActors } from './support/seedBanli.js';

describe('rule 10: the proposal is overdue while one of its cases is', () => {
  it('10a: a reply missed on the lead case makes the proposal overdue, and queryable as such', async () => {
    const { banli, item } = await assignItem(
      presets.guangdongCity,
      { kind: 'proposal', channel: 'session' },
      '2023-03-15',
    );
    const caseId = `${item.id}/zs-commerce`;
    await banli.send(item.id, { type: 'case.accept', at: '2023-03-16', caseId }, { actor: seedActors.lead });
    expect((await banli.get(item.id)).state.proposal).toMatchObject({ timeliness: 'onTime' });
    await banli.tick('2023-07-03');
    const view = await banli.get(item.id);
    expect(view.state.cases[caseId]).toMatchObject({ timeliness: 'overdue' });
    expect(view.state.proposal).toMatchObject({ timeliness: 'overdue' });
    expect((await banli.query({ tag: 'overdue' })).map((s) => s.streamId)).toContain(item.id);
  });
});
