import type { Policy } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { repliedWithMerged, SHAPES } from '../support/mergedItems.js';
import {
  actors,
  caseOf,
  followUpLetter,
  kindsOf,
  PRESET_NAMES,
  rate,
  reply,
  replyLetter,
  ruleBanli,
  ruleItem,
  toHandling,
} from '../support/rules.js';

// Issue 13 item 12: 见面率, 采纳率 and 落实率 (domain.md §metrics, S22, S67, S68), through the SDK.

const year = { from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' };

describe.each(PRESET_NAMES)('13.12 statistics under %s', (preset) => {
  it.each(kindsOf(preset))('13.12 reports 见面率, 采纳率 and 落实率 for %s items', async (kind) => {
    const { banli } = ruleBanli(preset);
    const met = ruleItem(kind, `${kind}-met`, 1);
    const phoned = ruleItem(kind, `${kind}-phoned`, 2);
    const unreplied = ruleItem(kind, `${kind}-unreplied`, 3);
    for (const item of [met, phoned, unreplied]) await toHandling(banli, item);
    const contact = (item: typeof met, method: string) =>
      banli.send(
        item.id,
        { type: 'case.recordContact', at: '2024-03-20', caseId: caseOf(item.id), proposerId: actors.first.id, method },
        { actor: actors.lead },
      );
    await contact(met, 'visit');
    await contact(phoned, 'phone');
    await contact(unreplied, 'meeting');
    await reply(banli, met, 'B', replyLetter(met.id, 'B', ['adopted', 'partlyAdopted'], kind, banli.policy as Policy));
    await reply(banli, phoned, 'B', replyLetter(phoned.id, 'B', ['adopted', 'planned'], kind, banli.policy as Policy));
    await rate(banli, met, 'satisfied');
    await rate(banli, phoned, 'satisfied');
    const second = {
      type: 'followUp.reply',
      at: '2024-10-08',
      caseId: caseOf(met.id),
      letter: followUpLetter(met.id, kind, banli.policy as Policy),
    };
    await banli.send(met.id, second, { actor: actors.lead });
    const override = { type: 'case.overrideClose', at: '2024-12-20', caseId: caseOf(phoned.id), reason: '规划调整' };
    await banli.send(phoned.id, override, { actor: actors.committee });

    const { totals } = await banli.statistics(year);
    // 见面率: 1 of the 2 replied items had its proposers met face to face (the unreplied one does not count).
    expect(totals.meetings).toEqual({ replied: 2, met: 1, rate: 0.5 });
    // 采纳率: 2 of 4 points answered adopted; partly adopted (1 of 4) reported beside it.
    expect(totals.adoption).toEqual({
      answered: 4,
      adopted: 2,
      partlyAdopted: 1,
      rate: 0.5,
      partlyRate: 0.25,
      notItemized: 0,
    });
    // 落实率: 2 B commitments, 1 fulfilled by its second reply, 1 closed by the committee's override.
    expect(totals.commitments).toEqual({ made: 2, fulfilled: 1, overridden: 1, open: 0, rate: 0.5 });
  });
});

// 落实率 after 并案 (S10, S74, S84 with S20): a merged item's commitment is counted apart from the item's own, one per
// addressee, in the totals and for the unit; each is fulfilled by its own second reply or closed by the override.
const onePerKind = SHAPES.filter(([p, k], i) => SHAPES.findIndex(([p2, k2]) => p2 === p && k2 === k) === i);

describe.each(onePerKind)('13.12 落实率 after 并案 under %s for a %s', (preset, kind, channel) => {
  it('13.12 counts the merged item’s B commitment beside the item’s own, each fulfilled by its own second reply', async () => {
    const { banli, policy, target, item, caseId } = await repliedWithMerged([preset, kind, channel], 'B', 'B');
    const commitments = async () => {
      const stats = await banli.statistics(year);
      expect(stats.units.map((u) => u.commitments)).toEqual([stats.totals.commitments]);
      return stats.totals.commitments;
    };
    // Two addressees, two B letters: two commitments, both open.
    expect(await commitments()).toEqual({ made: 2, fulfilled: 0, overridden: 0, open: 2, rate: 0 });
    const facts = (await banli.get(target.id)).facts.cases[caseId];
    expect(facts?.commitment).toMatchObject({ class: 'B' });
    expect(facts?.mergedCommitments).toEqual([{ mergedItemId: item.id, class: 'B', madeAt: '2024-04-15' }]);

    // The item's own second reply fulfils the own commitment only.
    const own = { type: 'followUp.reply', at: '2024-10-08', caseId, letter: followUpLetter(target.id, kind, policy) };
    await banli.send(target.id, own, { actor: actors.lead });
    expect(await commitments()).toEqual({ made: 2, fulfilled: 1, overridden: 0, open: 1, rate: 0.5 });

    // The committee closes the merged item's commitment by override: counted as overridden, not fulfilled.
    const override = { type: 'case.overrideClose', at: '2024-12-20', caseId, reason: '规划调整' };
    await banli.send(target.id, override, { actor: actors.committee });
    expect(await commitments()).toEqual({ made: 2, fulfilled: 1, overridden: 1, open: 0, rate: 0.5 });
  });

  it('13.12 counts a merged item’s commitment alone when the item’s own reply is of a class not followed up', async () => {
    const { banli, target, item, caseId } = await repliedWithMerged([preset, kind, channel], 'A', 'B');
    const facts = (await banli.get(target.id)).facts.cases[caseId];
    // No commitment to the item's own proposers, whose reply is A; one to the merged item's.
    expect(facts?.commitment).toBeUndefined();
    expect(facts?.mergedCommitments).toEqual([{ mergedItemId: item.id, class: 'B', madeAt: '2024-04-15' }]);
    expect((await banli.statistics(year)).totals.commitments).toEqual({
      made: 1,
      fulfilled: 0,
      overridden: 0,
      open: 1,
      rate: 0,
    });
  });
});
