import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 18: one definition per concept. A text in zh-CN and en is `Bilingual` (src/label.ts); no package or app
// restates it as an inline `{ 'zh-CN': string; en: string }` type (about 20 did, beside the named one).

const root = new URL('../../../', import.meta.url);
const inline = /'zh-CN'\??\s*:\s*string\s*[;,]\s*en\??\s*:\s*string/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' || d.name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(d.name) ? [path] : [];
  });
}

/** Lines of code (comments aside) that write the bilingual type out, as `file:line`. */
function inlineBilingualTypes(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      const code = line.trim();
      if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return [];
      return inline.test(code) ? [`${file.slice(root.pathname.length)}:${i + 1}`] : [];
    });
}

describe('one bilingual text type', () => {
  const trees = ['packages', 'apps'].flatMap((group) =>
    readdirSync(new URL(group, root)).map((name) => join(root.pathname, group, name, 'src')),
  );
  const files = trees.flatMap((tree) => {
    try {
      return sourceFiles(tree);
    } catch {
      return [];
    }
  });

  it('should find the sources it checks', () => {
    expect(files.some((f) => f.endsWith('packages/schemas/src/label.ts'))).toBe(true);
    expect(files.some((f) => f.includes('/apps/console/src/'))).toBe(true);
  });

  it('should not write { zh-CN: string; en: string } out anywhere: every source uses Bilingual', () => {
    expect(files.flatMap(inlineBilingualTypes)).toEqual([]);
  });

  it('should see an inline bilingual type when one is written', () => {
    expect(inline.test("label: { 'zh-CN': string; en: string };")).toBe(true);
    expect(inline.test("label?: { 'zh-CN'?: string, en?: string }")).toBe(true);
    expect(inline.test("label: { 'zh-CN': '提案', en: 'Proposal' }")).toBe(false);
  });
});
