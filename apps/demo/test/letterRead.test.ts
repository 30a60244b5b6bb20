import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/errors.js';
import { loadCommands } from '../src/cli/load.js';
import { parseCommandLine } from '../src/cli/parse.js';
import letterRead, { printReadLetter } from '../src/commands/letterRead.js';
import { cli } from './support.js';

// A published letter collected for issue 15 (湖南省临湘市忠防镇, source address in the fixture's header); the text
// below the header's `---` line is the page as stored.
const fixture = readFileSync(
  new URL('../../../packages/schemas/test/fixtures/letters/hunan-linxiang-zhongfang-town-34.txt', import.meta.url),
  'utf8',
);
const letterText = fixture.split('\n---\n')[1] ?? '';
const commands = await loadCommands(new URL('../src/commands/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'banli-demo-letter-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(text: string, lang: 'zh-CN' | 'en', json = false) {
  const lines: string[] = [];
  const code = printReadLetter(text, lang, (t) => lines.push(t), json);
  return { code, lines };
}

describe('banli-demo letter read', () => {
  it('should parse the command with its file and --json', () => {
    expect(parseCommandLine(['letter', 'read', 'reply.txt', '--json', '--lang', 'en'], commands)).toMatchObject({
      kind: 'run',
      lang: 'en',
      positionals: ['reply.txt'],
      options: { json: true },
    });
  });

  it('should print the fields read, labelled in zh-CN, and say there are no warnings', () => {
    const { code, lines } = run(letterText, 'zh-CN');
    expect(code).toBe(0);
    expect(lines).toContain('发文字号：忠字〔2020〕1号');
    expect(lines).toContain('办理结果分类：B');
    expect(lines).toContain('分类标注：“B类”（发文字号行）');
    expect(lines).toContain('签署人：承办负责人：胡军勇');
    expect(lines).toContain('    承办人及联系电话：戴 彬');
    expect(lines).toContain('联系方式：联系人：戴 彬，电话：18692882965');
    expect(lines).toContain('公开属性：“同意公开” → 主动公开');
    expect(lines).toContain('主送对象：马志龙代表');
    expect(lines).toContain('答复事项：市十七届人大五次会议第34号建议（人大代表建议，第17届，第5次会议，第34号）');
    expect(lines).toContain('成文日期：2020-10-23');
    expect(lines[lines.indexOf('正文：') + 1]).toMatch(/^ {4}近年来,忠防镇党委/u);
    expect(lines.at(-1)).toBe('提示（0）');
  });

  it('should print a telephone the site masked as printed, labelled as masked (嵩明, session 16)', () => {
    const masked = [
      '张*代表:',
      '您的建议收悉,现答复如下:',
      '正文。',
      '联系人及电话:李*兴 1582****162',
      '某园区管理委员会',
      '2018年6月11日',
    ];
    expect(run(masked.join('\n'), 'zh-CN').lines).toContain('联系方式：联系人：李*兴，电话（部分隐去）：1582****162');
    expect(run(masked.join('\n'), 'en').lines).toContain('Contacts: person: 李*兴, phone (masked): 1582****162');
  });

  it('should print the same fields with English labels and list warnings with their codes', () => {
    const { lines } = run(`${letterText}\n网页底部的一行杂项`, 'en');
    expect(lines).toContain('Addressees: 马志龙代表');
    expect(lines).toContain('Class mark: “B类” (On the document-number line)');
    expect(lines).toContain('Body:');
    expect(lines).toContain(
      "Item answered: 市十七届人大五次会议第34号建议 (Deputies' suggestion, term 17, session 5, no. 34)",
    );
    expect(lines).toContain('Warnings (1):');
    expect(lines.at(-1)).toBe('    [line_unplaced] A line after the date was not placed: 网页底部的一行杂项');
  });

  it('should print { letter, warnings } as JSON with --json', () => {
    const { code, lines } = run(letterText, 'en', true);
    expect(code).toBe(0);
    const parsed = JSON.parse(lines.join('\n')) as { letter: { docNumber: string }; warnings: unknown[] };
    expect(parsed.letter.docNumber).toBe('忠字〔2020〕1号');
    expect(parsed.warnings).toEqual([]);
  });

  it('should exit 1 with the reader’s warning when nothing can be read', () => {
    const zh = run('   \n', 'zh-CN');
    expect(zh).toEqual({ code: 1, lines: ['未能读出答复函。', '提示（1）：', '    [text_empty] 没有可读的文字'] });
    expect(run('', 'en').lines).toEqual([
      'No letter could be read.',
      'Warnings (1):',
      '    [text_empty] There is no text to read',
    ]);
  });

  it('should refuse a file it cannot read with a CliError in both languages', async () => {
    const missing = join(tmp, 'missing.txt');
    const error = await Promise.resolve(
      letterRead.run({
        lang: 'en',
        options: { json: false },
        positionals: [missing],
        out: () => {},
        err: process.stderr,
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).messages).toEqual({
      'zh-CN': `无法读取文件 ${missing}`,
      en: `cannot read the file ${missing}`,
    });
  });

  it('should run as a process: fields on stdout, exit 0', () => {
    const file = join(tmp, 'reply.txt');
    writeFileSync(file, letterText);
    const r = cli('letter', 'read', file, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Document number: 忠字〔2020〕1号');
    expect(r.stderr).toBe('');
  });
});
