// Issue 13 items 5 and 10 (S9–S14), audit: every preset and kind it covers, through `createBanli` — an extension is
// asked before the due date, stays under the 6-month maximum, never erases a miss, the proposers are told; and the
// proposal is overdue while its case is (item 10). The rule tests prove these under one or two presets only.
import type { Policy } from '@banli/core';
import { describe, expect, it } from 'vitest';
import type { BanliNotification } from '../src/index.js';
import {
  actors,
  caseOf,
  kindsOf,
  PRESET_NAMES,
  refused,
  replyLetter,
  ruleBanli,
  ruleItem,
  toHandling,
} from './support/rules.js';

const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(PRESET_NAMES)('issue 13.5 / 13.10 audit under %s', (preset) => {
  describe.each(kindsOf(preset))('for a %s', (kind) => {
    const item = ruleItem(kind);
    const caseId = caseOf(item.id);

    it('refuses a late or over-long extension; a granted one keeps the miss, tells the proposers', async () => {
      const { banli, policy } = ruleBanli(preset);
      const seen: BanliNotification[] = [];
      banli.subscribe((n) => {
        seen.push(n);
      });
      await toHandling(banli, item);
      const due = (await banli.deadlines(item.id)).find((d) => d.kind === 'reply')?.due as string;
      const ask =
        (at: string, extra: Record<string, unknown> = {}) =>
        () =>
          banli.send(
            item.id,
            { type: 'case.requestExtension', at, caseId, reason: '情况复杂', ...extra },
            { actor: actors.lead },
          );
      const late = await refused(banli, item.id, ask(shift(due, 1)), 'TRANSITION_REFUSED');
      expect(late).toMatchObject({ reason: { code: 'extension.afterDue' } });
      const long = await refused(
        banli,
        item.id,
        ask(shift(due, -10), { rule: { kind: 'months', months: 12 } }),
        'TRANSITION_REFUSED',
      );
      expect(long).toMatchObject({ reason: { code: 'extension.overMaximum' } });
      expect(long.messages['zh-CN']).toContain('不得超过 6 个月');

      await ask(shift(due, -2))();
      await banli.tick(shift(due, 1));
      const view = await banli.get(item.id);
      expect(view.state.cases[caseId]).toMatchObject({ timeliness: 'overdue' });
      expect(view.state.proposal).toMatchObject({ timeliness: 'overdue' });
      await banli.send(item.id, { type: 'extension.approve', at: shift(due, 2), caseId }, { actor: actors.office });
      const reply = (await banli.deadlines(item.id)).filter((d) => d.kind === 'reply');
      expect(reply.some((d) => d.status === 'missed')).toBe(true);
      expect(reply.some((d) => d.status === 'open')).toBe(true);
      const told = seen.filter((n) => n.type === 'extension.requested' || n.type === 'extension.decided');
      expect(told.map((n) => n.type)).toEqual(['extension.requested', 'extension.decided']);
      for (const n of told)
        expect(n.payload.notify).toEqual(expect.arrayContaining([actors.first.id, actors.cosigner.id]));

      // Replied within the extension: still not on time.
      const at = shift(due, 5);
      const send = (event: Record<string, unknown>, actor: (typeof actors)[keyof typeof actors]) =>
        banli.send(item.id, { caseId, ...event }, { actor });
      await send({ type: 'case.startDrafting', at }, actors.lead);
      await send(
        { type: 'reply.submitDraft', at, letter: replyLetter(item.id, 'A', [], kind, policy as Policy) },
        actors.lead,
      );
      await send({ type: 'signOff.approve', at, signer: '局长' }, actors.leader);
      if (
        (await banli.get(item.id)).state.cases[caseId] &&
        JSON.stringify((await banli.get(item.id)).state.cases[caseId]).includes('supervisorReview')
      )
        await send({ type: 'supervisor.approve', at }, actors.supervisor);
      const stats = await banli.statistics({ from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' });
      expect(stats.totals.repliedLate).toBe(1);
      expect(stats.totals.repliedOnTime).toBe(0);
    });
  });
});
