import { presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { actors, kindsOf, PRESET_NAMES, ruleBanli, ruleItem, toHandling } from '../support/rules.js';

// Issue 13 item 11: suggestions speak their own language.

describe.each(PRESET_NAMES)('13.11 wording under %s', (preset) => {
  it('13.11 accepts a suggestion filed by a 代表团 and refuses a 代表团 proposal', async () => {
    const { banli } = ruleBanli(preset);
    const delegation = { id: actors.first.id, type: 'delegation', name: '示例代表团', first: true };
    const suggestion = { ...ruleItem('suggestion'), proposers: [delegation] };
    const result = await banli.submit(suggestion, { actor: actors.first, at: '2024-01-20' });
    expect(result.emitted.map((n) => n.type)).toContain('proposal.submitted');
    const proposal = { ...ruleItem('proposal'), proposers: [delegation] };
    const error = await banli.submit(proposal, { actor: actors.first, at: '2024-01-20' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION' });
  });

  it.each(kindsOf(preset))('13.11 labels the deadlines of a %s in its own words', async (kind) => {
    const base = presets[preset];
    const { banli } = ruleBanli(preset, {
      ...base,
      periods: { ...base.periods, firstContact: { kind: 'workingDays', days: 15 } },
    });
    const item = ruleItem(kind);
    await toHandling(banli, item);
    const first = (await banli.deadlines(item.id)).find((d) => d.kind === 'firstContact');
    const zh = first?.label['zh-CN'] ?? '';
    if (kind === 'suggestion') {
      expect(zh).toBe('首次联系代表期限');
      expect(zh).not.toContain('提案');
    } else {
      expect(zh).toBe('首次联系提案者期限');
    }
  });
});
