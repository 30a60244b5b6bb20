// Issue 15, bad input: the readers never throw, whatever a page wraps a letter in. The collected letters (real pages)
// are mixed with the noise real pages carry — navigation and share widgets, repeated titles, page numbers, a mirror's
// traditional characters with pinyin, cut pages, stray control characters — and read by both readers.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoHandlingOpinionSchema, parseCoHandlingOpinion, parseReplyLetter, ReplyLetterSchema } from '../src/index.js';
import { collectedLetters } from './support/readerAccuracy.js';

const opinionDir = new URL('./fixtures/opinions/', import.meta.url);
const pages = [
  ...collectedLetters().map((l) => l.text),
  ...readdirSync(opinionDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(new URL(f, opinionDir), 'utf8').split('\n---\n')[1] ?? ''),
];

/** Site chrome as the stored pages print it (from the fixtures' headers and footers, in general form). */
const FURNITURE = [
  '当前位置:首页 > 政务公开 > 建议提案答复',
  '首页 > 互动交流 > 提案办理 > 正文',
  '【字体: 打印',
  '分享 微信',
  '头条',
  '微博 空间 qq',
  '扫一扫在手机打开当前页',
  '用微信扫描二维码分享至好友和朋友圈',
  '来源:某县人民政府办公室',
  '浏览次数:1024',
  '上一篇:关于某事的通知',
  '下一篇:关于某事的公告',
  '责任编辑:某某',
  '【 打印本页 】',
  '网站地图',
  '版权所有:某县人民政府 技术支持:某公司 备案号:某ICP备12345678号',
  '— 2 —',
  '第1页 共2页',
];

// The traditional forms (with their pinyin) a mirror prints, for the characters the reader's patterns look for.
const MIRROR: Record<string, string> = {
  号: '號(hào)',
  复: '復(fù)',
  议: '議(yì)',
  会: '會(huì)',
  届: '屆(jiè)',
  关: '關(guān)',
  办: '辦(bàn)',
  见: '見(jiàn)',
  员: '員(yuán)',
  县: '縣(xiàn)',
  区: '區(qū)',
  电: '電(diàn)',
  话: '話(huà)',
};
const mirrored = (text: string, every: number) => {
  let n = 0;
  return text.replace(/[号复议会届关办见员县区电话]/gu, (c) => (n++ % every === 0 ? (MIRROR[c] ?? c) : c));
};

type Edit =
  | { kind: 'insert'; at: number; line: string }
  | { kind: 'repeat'; from: number; at: number }
  | { kind: 'cut'; at: number }
  | { kind: 'mirror'; every: number }
  | { kind: 'endings'; with: string }
  | { kind: 'spaces'; at: number; with: string };

const noise = fc.oneof(
  fc.constantFrom(...FURNITURE),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.string({ maxLength: 12, unit: 'grapheme' }),
  fc.constantFrom(
    '\u0000',
    '\u200b',
    '\ufeff',
    '\u3000\u3000',
    '｜',
    '　：',
    '：',
    '2024425',
    '〔〕号',
    '（A类）B1类',
    '报：',
    '抄送：（2份）',
  ),
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: noise }),
  fc.record({ kind: fc.constant('repeat' as const), from: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('mirror' as const), every: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('endings' as const), with: fc.constantFrom('\r\n', '\r', '\n\n', '\n \n') }),
  fc.record({
    kind: fc.constant('spaces' as const),
    at: fc.nat(),
    with: fc.constantFrom('\u3000', '\u00a0', '  ', '\t'),
  }),
);

function apply(text: string, edits: Edit[]): string {
  let lines = text.split('\n');
  for (const e of edits) {
    const at = (n: number) => (lines.length === 0 ? 0 : n % (lines.length + 1));
    if (e.kind === 'insert') lines.splice(at(e.at), 0, e.line);
    else if (e.kind === 'repeat') lines.splice(at(e.at), 0, lines[e.from % Math.max(lines.length, 1)] ?? '');
    else if (e.kind === 'cut') {
      const joined = lines.join('\n');
      lines = joined.slice(0, e.at % (joined.length + 1)).split('\n');
    } else if (e.kind === 'mirror') lines = mirrored(lines.join('\n'), e.every).split('\n');
    else if (e.kind === 'endings') lines = lines.join(e.with).split('\n');
    else {
      const i = e.at % Math.max(lines.length, 1);
      lines[i] = `${e.with}${lines[i] ?? ''}${e.with}`;
    }
  }
  return lines.join('\n');
}

const page = fc.record({ text: fc.constantFrom(...pages), edits: fc.array(edit, { maxLength: 6 }) });

describe('the readers on real pages with real-page noise (issue 15: never a throw)', () => {
  it('should read a letter that fits the schema, or none, with bilingual warnings, and never throw', () => {
    fc.assert(
      fc.property(page, ({ text, edits }) => {
        const r = parseReplyLetter(apply(text, edits));
        expect(Array.isArray(r.warnings)).toBe(true);
        for (const w of r.warnings) {
          expect(w.code).toMatch(/^[a-z_]+$/u);
          expect(w.messages['zh-CN'] && w.messages.en).toBeTruthy();
        }
        if (r.letter) expect(ReplyLetterSchema.safeParse(r.letter).error?.issues ?? []).toEqual([]);
        else expect(r.warnings.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('should read an opinion that fits the opinion schema, or none with the reason, and never throw', () => {
    fc.assert(
      fc.property(page, ({ text, edits }) => {
        const r = parseCoHandlingOpinion(apply(text, edits));
        if (!r.opinion) {
          expect(r.warnings.length).toBeGreaterThan(0);
          return;
        }
        const withIds = {
          ...r.opinion,
          fromUnit: { id: 'co', name: r.opinion.fromUnit.name },
          toUnit: { id: 'lead', name: r.opinion.toUnit.name },
        };
        expect(CoHandlingOpinionSchema.safeParse(withIds).error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('should read the same letter whatever site chrome the page puts above it or at its end', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...pages),
        fc.array(fc.constantFrom(...FURNITURE), { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom(...FURNITURE), { maxLength: 3 }),
        (text, above, below) => {
          const plain = parseReplyLetter(text);
          const wrapped = parseReplyLetter([...above, text, ...below].join('\n'));
          expect(wrapped.letter).toEqual(plain.letter);
        },
      ),
      { numRuns: 200 },
    );
  });
});
