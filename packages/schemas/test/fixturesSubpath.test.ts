import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as root from '../src/index.js';

// Issue 18: the sample data is published under `@banli/schemas/fixtures`, not as part of the schemas' API. The root's
// names stay for now as deprecated aliases of the very same objects.

const NAMES = [
  'fixtures',
  'sampleCoHandlingOpinion',
  'sampleNpcAssignment',
  'sampleNpcFeedback',
  'sampleNpcReplyLetter',
  'sampleNpcSuggestion',
  'samplePartyFeedback',
  'samplePartyProposal',
  'sampleSplitAssignment',
  'sampleWithheldReplyLetter',
  'seedAssignment132402',
  'seedProposal132402',
  'seedReplyLetter132402',
] as const;

/** Fixtures added since: only under the subpath, never at the root. */
const SUBPATH_ONLY = ['seedLifecycle132402', 'seedLifecycleActors132402', 'seedSoleAssignment132402'] as const;

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('@banli/schemas/fixtures', () => {
  it('should be a subpath export built from src/fixtures, for ESM and CommonJS with types', () => {
    expect(pkg.exports['./fixtures']).toEqual({
      '@banli/source': './src/fixtures/index.ts',
      import: { types: './dist/fixtures.d.ts', default: './dist/fixtures.js' },
      require: { types: './dist/fixtures.d.cts', default: './dist/fixtures.cjs' },
    });
    expect(readFileSync(new URL('../tsup.config.ts', import.meta.url), 'utf8')).toContain(
      "fixtures: 'src/fixtures/index.ts'",
    );
  });

  it('should export every fixture, and the root only deprecated aliases of the same objects', async () => {
    const sub: Record<string, unknown> = await import(
      new URL(`../${pkg.exports['./fixtures']['@banli/source']}`, import.meta.url).href
    );
    expect(Object.keys(sub).sort()).toEqual([...NAMES, ...SUBPATH_ONLY].sort());
    for (const name of NAMES) expect((root as Record<string, unknown>)[name], name).toBe(sub[name]);
    for (const name of SUBPATH_ONLY) expect(root, name).not.toHaveProperty(name);
    const source = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
    for (const name of NAMES)
      expect(source, name).toContain(`/** @deprecated Import \`${name}\` from \`@banli/schemas/fixtures\`. */`);
  });
});
