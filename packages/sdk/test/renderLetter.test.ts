import { readFileSync } from 'node:fs';
import { fixtures, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, formatChineseDate, renderLetter } from '../src/index.js';

const seedPath = new URL('../../schemas/test/fixtures/zhongshan-commerce-reply-132402.txt', import.meta.url);
const seed = readFileSync(seedPath, 'utf8');
const squash = (s: string) => s.replace(/\s+/g, '');

describe('renderLetter', () => {
  it('should reproduce the seed letter text once whitespace is normalised', () => {
    expect(squash(renderLetter(seedReplyLetter132402, 'text'))).toBe(squash(seed));
  });

  it('should emit every non-empty line in the seed order', () => {
    const lines = renderLetter(seedReplyLetter132402, 'text')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const haystack = squash(seed);
    let cursor = 0;
    for (const line of lines) {
      const at = haystack.indexOf(squash(line), cursor);
      expect(at, line).toBeGreaterThanOrEqual(cursor);
      cursor = at + squash(line).length;
    }
    expect(cursor).toBe(haystack.length);
    expect(lines.slice(0, 5).map((l) => l.trim())).toEqual([
      '(A类)',
      '中山市商务局',
      '中商务电函〔2023〕12号',
      '中山市商务局关于市政协十三届二次会议 第132402号提案答复的函',
      '梁晓珩等委员：',
    ]);
  });

  it('should lay the head out like a printed letter: class mark right, issuer centred, paragraphs indented', () => {
    const lines = renderLetter(seedReplyLetter132402, 'text').split('\n\n');
    const lead = (l: string | undefined) => l?.match(/^\u3000*/)?.[0].length ?? 0;
    // (A类) is 2.5 characters wide (ASCII counts half) on a 28-character line.
    expect(lead(lines[0])).toBe(25);
    expect(lead(lines[1])).toBe(11);
    expect(lines[4]).toBe('梁晓珩等委员：');
    expect(lines[5]?.startsWith('\u3000\u3000你们提出的')).toBe(true);
  });

  it('should write copies, the separator and a withheld reason when the letter has them', () => {
    const letter = fixtures.sampleWithheldReplyLetter;
    const text = renderLetter(
      {
        ...letter,
        copyTo: { separator: '，', recipients: [{ name: '市人大常委会办公厅', copies: 2 }, { name: '市政府办公室' }] },
      },
      'text',
    );
    expect(text).toContain('抄送：市人大常委会办公厅（2份），市政府办公室。');
    expect(text).toContain(`公开方式：不予公开（${letter.disclosure?.reason}）`);
  });

  it('should print nothing a letter lacks (issue 15)', () => {
    // A township letter as published: no class mark, document number, contact, disclosure, 版记 or 抄送.
    const bare = {
      title: '对县十六届人大一次会议第3号建议的答复',
      addressees: ['王孝友代表'],
      body: ['你提出的建议收悉。现答复如下：', '感谢你对我县水利工作的关心和支持。'],
    };
    const text = renderLetter(bare, 'text');
    expect(text).not.toMatch(/类）|公开方式|抄送|印发|联系人|〔/u);
    expect(text.split('\n\n').map((l) => l.trim())).toEqual([
      '对县十六届人大一次会议第3号建议的答复',
      '王孝友代表：',
      '你提出的建议收悉。现答复如下：',
      '感谢你对我县水利工作的关心和支持。',
    ]);
    expect(renderLetter(bare, 'html')).not.toContain('banli-classMark');
    expect(renderLetter(bare, 'markdown')).not.toContain('---');
  });

  it('should print a greeting paragraph between the addressee and the opening (issue 15, 河东区)', () => {
    // http://hedong.gov.cn/info/10636/132645.htm: “您好,首先感谢…” stands alone before the acknowledgement.
    const letter = {
      addressees: ['尊敬的王相国等代表'],
      greeting: ['您好,首先感谢您对河东区道路建设的关注。'],
      opening: '关于您在临沂市河东区人大会议上所提建议《关于进一步做好道路建设的建议》已收悉,现答复如下:',
      body: ['最后,对您提出的宝贵意见和建议,再次表示感谢。'],
      closing: '此复',
    };
    expect(
      renderLetter(letter, 'text')
        .split('\n\n')
        .map((l) => l.trim()),
    ).toEqual([
      '尊敬的王相国等代表：',
      '您好,首先感谢您对河东区道路建设的关注。',
      '关于您在临沂市河东区人大会议上所提建议《关于进一步做好道路建设的建议》已收悉,现答复如下:',
      '最后,对您提出的宝贵意见和建议,再次表示感谢。',
      '此复',
    ]);
  });

  it('should print signatories, two contacts with a postcode, 报 and 抄送 separately, and the printed date text', () => {
    const letter = {
      ...fixtures.sampleNpcReplyLetter,
      dateText: '二〇二四年五月二十八日',
      signatories: [
        { role: 'signer' as const, label: '签发人', name: '张三' },
        { role: 'handler' as const, label: '经办人', name: '李四' },
      ],
      contacts: [
        { person: '王五', phone: '0760-88888888', postcode: '528400' },
        { person: '赵六', phone: '13800000000' },
      ],
      reportTo: { recipients: [{ name: '市人民政府' }] },
    };
    const lines = renderLetter(letter, 'text')
      .split('\n\n')
      .map((l) => l.trim());
    expect(lines).toContain('签发人：张三');
    expect(lines).toContain('经办人：李四');
    expect(lines).toContain('（联系人：王五，电话：0760-88888888，邮编：528400）');
    expect(lines).toContain('（联系人：赵六，电话：13800000000）');
    expect(lines).toContain('二〇二四年五月二十八日');
    expect(lines.indexOf('报：市人民政府。')).toBeLessThan(lines.findIndex((l) => l.startsWith('抄送：')));
  });

  it('should print a contact’s fax after its telephone', () => {
    const letter = {
      ...fixtures.sampleNpcReplyLetter,
      contacts: [{ person: '王五', phone: '0571-87808443', fax: '0571-87813834', postcode: '310009' }],
    };
    expect(renderLetter(letter, 'text')).toContain(
      '（联系人：王五，电话：0571-87808443，传真：0571-87813834，邮编：310009）',
    );
  });

  it('should print a telephone a site masked as printed, where the telephone goes (嵩明, session 16)', () => {
    const letter = { ...fixtures.sampleNpcReplyLetter, contacts: [{ person: '李*兴', maskedPhone: '1582****162' }] };
    expect(renderLetter(letter, 'text')).toContain('（联系人：李*兴，电话：1582****162）');
  });

  it('should print the effective class: a mark restated after a supervisor change, in its printed place', () => {
    const seedLetter = seedReplyLetter132402;
    const changed = renderLetter({ ...seedLetter, class: 'B' }, 'text')
      .split('\n\n')[0]
      ?.trim();
    expect(changed).toBe('(B类)');
    const onNumberLine = renderLetter(
      { ...seedLetter, classMark: { text: '(B类)', position: 'docNumberLine' }, class: 'B' },
      'text',
    ).split('\n\n');
    expect(onNumberLine[0]?.trim()).toBe('中山市商务局');
    expect(onNumberLine[1]?.trim()).toBe('中商务电函〔2023〕12号(B类)');
  });

  it('should render Markdown with headings and escape Markdown syntax in fields', () => {
    const md = renderLetter({ ...seedReplyLetter132402, title: '关于*加粗*与[链接](x)的函' }, 'markdown');
    expect(md).toContain('# 关于\\*加粗\\*与\\[链接\\](x)的函');
    expect(md).toContain('## 一、关于摸清底数，明确方向，加快直播电商集聚发展的建议');
    expect(md).toContain('**吸收采纳该建议。**');
  });

  it('should escape every field in HTML', () => {
    const hostile = '<script>alert("x")</script>&\'';
    const letter = {
      ...seedReplyLetter132402,
      title: hostile,
      addressees: [hostile],
      closing: hostile,
      contacts: [{ ...seedReplyLetter132402.contacts?.[0], person: hostile }],
      copyTo: { recipients: [{ name: hostile }] },
      imprint: { printedBy: hostile },
    };
    const html = renderLetter(letter, 'html');
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      '<h1 class="banli-title" style="text-align:center">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</h1>',
    );
    expect(html.match(/&lt;script&gt;/g)?.length).toBe(6);
  });
});

describe('formatChineseDate', () => {
  it('should drop leading zeros of month and day', () => {
    expect(formatChineseDate('2023-06-03')).toBe('2023年6月3日');
  });
});

describe('escapeMarkdown', () => {
  it('should escape list markers at the start of a line', () => {
    expect(escapeMarkdown('1. 一')).toBe('1\\. 一');
    expect(escapeMarkdown('- 一')).toBe('\\- 一');
  });
  // Issue 16 item 7: newlines in any field produced lists, headings, code blocks and quotes; bare URLs became links.
  it('should escape every line, not only the first', () => {
    expect(escapeMarkdown('一\n- 二\n+ 三\n2. 四\n3) 五')).toBe('一\\\n\\- 二\\\n\\+ 三\\\n2\\. 四\\\n3\\) 五');
  });

  it('should keep setext underlines, quotes, fences and thematic breaks from forming blocks', () => {
    expect(escapeMarkdown('标题\n===')).toBe('标题\\\n\\===');
    expect(escapeMarkdown('标题\n---')).toBe('标题\\\n\\---');
    expect(escapeMarkdown('> 引用')).toBe('\\> 引用');
    expect(escapeMarkdown('```\ncode\n```')).toBe('\\`\\`\\`\\\ncode\\\n\\`\\`\\`');
    expect(escapeMarkdown('***')).toBe('\\*\\*\\*');
    expect(escapeMarkdown('~~~')).toBe('\\~\\~\\~');
    expect(escapeMarkdown('| a | b |')).toBe('\\| a \\| b \\|');
  });

  it('should turn indentation into character references and blank lines into non-blank ones', () => {
    expect(escapeMarkdown('    code')).toBe('&#32;&#32;&#32;&#32;code');
    expect(escapeMarkdown('\tcode')).toBe('&#9;code');
    expect(escapeMarkdown('段一\n\n# 段二')).toBe('段一\\\n&#32;\\\n\\# 段二');
  });

  it('should render bare URLs and e-mail addresses as code spans, never links', () => {
    expect(escapeMarkdown('见 https://evil.example/a_b 与 www.evil.example')).toBe(
      '见 `https://evil.example/a_b` 与 `www.evil.example`',
    );
    expect(escapeMarkdown('邮箱 a.b@evil.example')).toBe('邮箱 `a.b@evil.example`');
    expect(escapeMarkdown('[x](https://evil.example)')).toBe('\\[x\\](`https://evil.example)`');
    expect(escapeMarkdown('&amp; &#60;')).toBe('\\&amp; \\&\\#60;');
    expect(escapeMarkdown('![img](x)')).toBe('\\!\\[img\\](x)');
  });

  it('should keep a multi-line field inside its block in a rendered letter', () => {
    const md = renderLetter({ ...seedReplyLetter132402, closing: '此复。\n# 伪造标题\n- 伪造列表' }, 'markdown');
    expect(md).toContain('此复。\\\n\\# 伪造标题\\\n\\- 伪造列表');
    expect(md).not.toMatch(/^# 伪造/m);
    expect(md).not.toMatch(/^- 伪造/m);
  });
});

describe('escapeHtml', () => {
  it('should escape the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
