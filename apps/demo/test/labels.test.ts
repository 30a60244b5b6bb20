import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n.js';
import { actorText } from '../src/ui/labels.js';

// Issue 13 item 11: the demo names roles in the item's words and says 办件, not 案件.
describe('actorText by kind', () => {
  it('13.11 names the proposer and the committee of a suggestion 代表 and 人大选联工委, of a proposal 提案人 and 政协提案委', () => {
    const deputy = { role: 'proposer', id: 'p1' } as const;
    const committee = { role: 'committee', id: 'office' } as const;
    expect(actorText(deputy, 'zh-CN', { p1: '王五' }, 'suggestion')).toBe('代表·王五');
    expect(actorText(committee, 'zh-CN', {}, 'suggestion')).toBe('人大选联工委');
    expect(actorText(deputy, 'zh-CN', { p1: '王五' }, 'proposal')).toBe('提案人·王五');
    expect(actorText(committee, 'zh-CN', {}, 'proposal')).toBe('政协提案委');
    expect(actorText(deputy, 'en', { p1: 'Wang' }, 'suggestion')).toBe('deputy·Wang');
  });

  it('13.11 says 办件 where it said 案件', () => {
    const zh = Object.values(messages['zh-CN'] as Record<string, unknown>).filter((v) => typeof v === 'string');
    expect(zh.filter((v) => (v as string).includes('案件'))).toEqual([]);
    expect(messages['zh-CN'].cases).toBe('办件数');
  });
});
