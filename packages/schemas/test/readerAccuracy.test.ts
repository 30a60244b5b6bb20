import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReplyLetter, ReplyLetterSchema } from '../src/index.js';
import { accuracyTable, collectedLetters, measureReader } from './support/readerAccuracy.js';

const readme = new URL('../README.md', import.meta.url);
const START = '<!-- reader-accuracy:start -->';
const END = '<!-- reader-accuracy:end -->';

describe('collected letters (issue 15)', () => {
  const letters = collectedLetters();

  it('should hold 20 or more letters from several provinces, every level and both kinds (issue 15)', () => {
    expect(letters.length).toBeGreaterThanOrEqual(20);
    const province = (p: string) => /^(.+?(?:省|自治区|市))/u.exec(p)?.[1];
    expect(new Set(letters.map((l) => province(l.place))).size).toBeGreaterThanOrEqual(8);
    const levels = new Set(letters.map((l) => /（(.+?)）/u.exec(l.place)?.[1]));
    expect([...levels].filter((x) => x === '地级市' || x === '县级' || x === '乡镇级').sort()).toEqual([
      '乡镇级',
      '县级',
      '地级市',
    ]);
    expect(new Set(letters.map((l) => /，(.+)$/u.exec(l.place)?.[1]))).toEqual(new Set(['人大建议', '政协提案']));
  });

  it('should measure the 报 list and the class printed after the number on real letters (session 7)', () => {
    expect(letters.filter((l) => l.expected.reportTo).length).toBeGreaterThanOrEqual(2);
    expect(letters.filter((l) => l.expected.classMark?.position === 'docNumberLine').length).toBeGreaterThanOrEqual(5);
  });

  it('should carry a source address for every letter', () => {
    for (const l of letters) expect(l.source, l.name).toMatch(/^(https?:\/\/|shared\/seed\/)/u);
  });

  it.each(letters.map((l) => [l.name, l] as const))('should fit %s as printed, with no placeholders', (_n, l) => {
    expect(ReplyLetterSchema.safeParse(l.expected).error?.issues ?? []).toEqual([]);
    expect(JSON.stringify(l.expected)).not.toMatch(/占位|placeholder/iu);
  });

  it('should parse every letter with the schema and never throw', () => {
    for (const l of letters) {
      const { letter } = parseReplyLetter(l.text);
      expect(letter, l.name).toBeDefined();
      expect(ReplyLetterSchema.safeParse(letter).success, l.name).toBe(true);
    }
  });

  it('should count a field right whatever the order of keys in its hand label (the seed letter lists 抄送 separator first)', () => {
    const seed = letters.filter((l) => l.name === 'guangdong-zhongshan-commerce-132402');
    expect(Object.keys(seed[0]?.expected.copyTo ?? {})[0]).toBe('separator');
    expect(measureReader(seed).find((s) => s.field === '抄送')).toEqual({
      field: '抄送',
      right: 1,
      missing: 0,
      wrong: 0,
    });
  });

  it('should keep the accuracy table in the README current (regenerate: pnpm readme:reader)', () => {
    const table = accuracyTable(measureReader(letters), letters.length);
    const text = readFileSync(readme, 'utf8');
    const block = `${START}\n${table}\n${END}`;
    if (process.env.UPDATE_README) {
      const at = text.indexOf(START);
      const next =
        at < 0
          ? `${text.trimEnd()}\n\n${block}\n`
          : text.slice(0, at) + block + text.slice(text.indexOf(END) + END.length);
      writeFileSync(readme, next);
    }
    expect(readFileSync(readme, 'utf8')).toContain(block);
  });
});
