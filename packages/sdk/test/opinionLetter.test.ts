import { fixtures } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { NotFoundError, renderOpinion, ValidationError } from '../src/index.js';
import { seedAccepted, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

// Issue 15 item 2: a co-unit's opinion letter (会办意见函) carries the item's reference, its own number, sign-off and
// contacts, travels on `coUnit.submitOpinion`, and renders like a reply letter.
const opinion = fixtures.sampleCoHandlingOpinion;

describe('renderOpinion', () => {
  it('should lay an opinion letter out as a 函 to the lead unit, in print order', () => {
    const lines = renderOpinion(opinion, 'text')
      .split('\n\n')
      .map((l) => l.trim());
    expect(lines).toEqual([
      '示住建会函〔2024〕3号',
      '示例市住房和城乡建设局关于市政协九届四次会议第20号提案的会办意见',
      '示例市自然资源局：',
      '我局对该提案无不同意见，建议在控制性详细规划修编时统筹考虑。',
      '轨道交通站点周边的停车需求，我局将配合提供住房项目配建停车位数据。',
      '特此函告。',
      '示例市住房和城乡建设局',
      '2024年5月6日',
      '签发人：示例（占位）',
      '（联系人：联系人（占位），电话：0760-88880000）',
    ]);
  });

  it('should print nothing an opinion lacks', () => {
    const bare = { fromUnit: opinion.fromUnit, toUnit: opinion.toUnit, text: '同意。', date: '2024-05-06' };
    expect(
      renderOpinion(bare, 'text')
        .split('\n\n')
        .map((l) => l.trim()),
    ).toEqual(['示例市自然资源局：', '同意。', '示例市住房和城乡建设局', '2024年5月6日']);
  });

  it('should escape every field in Markdown and HTML', () => {
    const hostile = { ...opinion, text: '<script>x</script>\n# 标题', closing: '[链接](http://e.x)' };
    const html = renderOpinion(hostile, 'html');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    const md = renderOpinion(hostile, 'markdown');
    expect(md).toContain('\\# 标题');
    expect(md).toContain('\\[链接\\]');
    expect(md).not.toMatch(/\]\(http/u);
  });
});

describe('banli.opinion', () => {
  // The seed case: 中山市商务局 leads, 市教育体育局 is one of its six co-units.
  const { zsCommerce: leadUnit, zsEducation: co } = fixtures.seedUnits;
  const actor = { role: 'coUnit', id: `${co.id}-clerk`, unitId: co.id } as const;

  it('should carry the letter on coUnit.submitOpinion and render the one the co-unit sent', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    const letter = {
      fromUnit: co,
      toUnit: leadUnit,
      title: `${co.name}关于市政协十三届二次会议第132402号提案的会办意见`,
      reference: {
        kind: 'proposal',
        printed: '市政协十三届二次会议第132402号提案',
        term: 13,
        session: 2,
        number: '132402',
      },
      text: '同意主办单位的办理意见。',
      date: '2023-04-10',
      signatories: [{ role: 'handler', label: '经办人', name: '甲' }],
      contacts: [{ person: '甲', phone: '0760-88880001', postcode: '528400' }],
    };
    await banli.send(
      seedId,
      { type: 'coUnit.submitOpinion', at: '2023-04-10', caseId: seedCaseId, opinion: letter },
      { actor },
    );
    const text = await banli.opinion(seedId, seedCaseId, co.id);
    expect(text).toContain(`${leadUnit.name}：`);
    expect(text).toContain('经办人：甲');
    expect(text).toContain('（联系人：甲，电话：0760-88880001，邮编：528400）');
    expect(await banli.opinion(seedId, seedCaseId, co.id, 'html')).toContain('<p class="banli-signatory"');
    await expect(banli.opinion(seedId, seedCaseId, 'zs-nobody')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('should refuse an opinion letter with a contact naming nobody, in both languages, and write nothing', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    const before = (await banli.history(seedId)).length;
    const bad = {
      fromUnit: co,
      toUnit: leadUnit,
      text: '同意。',
      date: '2023-04-10',
      contacts: [{ address: '某路1号' }],
    };
    const error = await banli
      .send(seedId, { type: 'coUnit.submitOpinion', at: '2023-04-10', caseId: seedCaseId, opinion: bad }, { actor })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const messages = (error as ValidationError).messages;
    expect(messages['zh-CN']).toContain('联系');
    expect(messages.en).toMatch(/contact/iu);
    expect((await banli.history(seedId)).length).toBe(before);
  });
});
