import type { Policy } from '@banli/core';
import { describe, expect, it } from 'vitest';
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
