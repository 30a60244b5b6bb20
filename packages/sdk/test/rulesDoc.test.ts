import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { provedBy, rulesMarkdown } from './support/rulesTable.js';

const path = new URL('../../../docs/rules.md', import.meta.url);

describe('docs/rules.md', () => {
  it('should be the table generated from the presets (BANLI_WRITE_RULES=1 rewrites it)', () => {
    const generated = rulesMarkdown();
    if (process.env.BANLI_WRITE_RULES === '1') writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8')).toBe(generated);
  });
});

/** `3a–3c` → 3a, 3b, 3c; `p4` → p4. */
function expandId(id: string): string[] {
  const range = /^(\d*|p)([a-z]|\d+)–\1([a-z]|\d+)$/.exec(id);
  if (!range) return [id];
  const [, prefix, from, to] = range as unknown as [string, string, string, string];
  const out: string[] = [];
  const numeric = /^\d+$/.test(from);
  const [a, b] = numeric ? [Number(from), Number(to)] : [from.charCodeAt(0), to.charCodeAt(0)];
  for (let c = a; c <= b; c++) out.push(`${prefix}${numeric ? c : String.fromCharCode(c)}`);
  return out;
}

/** A "Proved by" cell as [file prefix, test id] pairs: `rule01 1a, 1c; rule02 2a` → rule01 1a, rule01 1c, rule02 2a. */
function citedTests(cell: string): [string, string][] {
  const out: [string, string][] = [];
  let prefix = '';
  for (const token of cell.split(/[;,]/).map((t) => t.trim())) {
    const [head, id] = token.includes(' ') ? (token.split(/\s+/) as [string, string]) : [prefix, token];
    prefix = head;
    for (const each of expandId(id)) out.push([prefix, each]);
  }
  return out;
}

describe('docs/rules.md "Proved by"', () => {
  const dir = new URL('./', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
  it('should name only tests that exist: a test file of each prefix has each test id', () => {
    // Every rule of every preset is proved by a scenario: no row is left at "—".
    expect(provedBy().filter((cell) => cell === '—')).toEqual([]);
    const cited = provedBy().flatMap(citedTests);
    expect(cited.length).toBeGreaterThan(20);
    for (const [prefix, id] of cited) {
      const matching = files.filter((f) => f === `${prefix}.test.ts` || f.startsWith(`${prefix}-`));
      expect(matching, `${prefix} ${id}`).not.toEqual([]);
      const texts = matching.map((f) => readFileSync(new URL(f, dir), 'utf8'));
      const test = new RegExp(`[\`'"]${id}:`);
      expect(
        texts.some((t) => test.test(t)),
        `${prefix} ${id}`,
      ).toBe(true);
    }
  });
});
