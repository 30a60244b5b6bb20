// Issue 15 item 3, audit through the SDK: the effective class (after the supervisor's change, S25) is what the
// issued letter prints, in its printed place, under a preset with 督办审核 (sichuan2024), for both kinds.
import type { Policy } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { actors, caseOf, kindsOf, replyLetter, ruleBanli, ruleItem, toHandling } from './support/rules.js';

describe.each(kindsOf('sichuan2024'))('issue 15.3 audit: a supervisor’s class change, for a %s', (kind) => {
  it('prints the supervisor’s class on the issued letter, never the draft’s', async () => {
    const { banli, policy } = ruleBanli('sichuan2024');
    const item = ruleItem(kind);
    const caseId = caseOf(item.id);
    await toHandling(banli, item);
    const send = (event: Record<string, unknown>, actor: (typeof actors)[keyof typeof actors]) =>
      banli.send(item.id, { caseId, ...event }, { actor });
    const draft = replyLetter(item.id, 'A', [], kind, policy as Policy);
    expect(draft.classMark?.text).toContain('A');
    await send({ type: 'case.startDrafting', at: '2024-04-08' }, actors.lead);
    await send({ type: 'reply.submitDraft', at: '2024-04-10', letter: draft }, actors.lead);
    await send({ type: 'signOff.approve', at: '2024-04-15', signer: '局长' }, actors.leader);
    await send({ type: 'supervisor.approve', at: '2024-04-16', class: 'B' }, actors.supervisor);

    const text = await banli.letter(item.id, caseId, 'text');
    const head = text.split('\n\n')[0] ?? '';
    expect(head).toContain((draft.classMark?.text ?? '').replace('A', 'B'));
    expect(text).not.toContain(draft.classMark?.text ?? '');
    const stats = await banli.statistics({ from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' });
    expect(stats.totals.classes).toMatchObject({ B: 1 });
    expect(stats.totals.classes.A ?? 0).toBe(0);
  });
});
