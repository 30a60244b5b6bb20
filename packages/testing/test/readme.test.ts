import { readFileSync } from 'node:fs';
import * as fixtures from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { runExample, tsBlocks } from '../../schemas/test/support/readmeExample.js';
import * as testing from '../src/index.js';
import { createTestHarness } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('should use no `await using` statement in its examples (a SyntaxError on Node 20)', () => {
    const code = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').join('\n');
    const statements = code.split('\n').filter((line) => /^\s*await using\b/.test(line));
    expect(statements).toEqual([]);
    expect(readme).not.toContain('Harness: `await using');
  });

  it('should run its first example as written, printing what it shows', async () => {
    const [code = ''] = tsBlocks(readme, '## Example');
    const run = await runExample(code, { modules: { '@banli/schemas/fixtures': fixtures, '@banli/testing': testing } });
    expect(run.prints).toHaveLength(2);
    for (const p of run.prints) expect(p.actual).toBe(p.shown);
  });

  it('should run its harness example as written for Node 20, giving the day it shows', async () => {
    const [, code = ''] = tsBlocks(readme, '## Example');
    const run = await runExample(code, { modules: {}, globals: { createTestHarness } });
    expect(run.values.map((v) => v.code)).toEqual(['h.advanceWorkingDays(1)']);
    for (const v of run.values) expect(v.actual).toEqual(v.shown);
  });
});
