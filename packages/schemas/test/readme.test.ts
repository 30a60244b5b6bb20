import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as fixtures from '../src/fixtures/index.js';
import * as schemas from '../src/index.js';
import { runExample, tsBlocks } from './support/readmeExample.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const modules = { '@banli/schemas': schemas, '@banli/schemas/fixtures': fixtures };

describe('README examples', () => {
  const blocks = tsBlocks(readme);

  it('should have its examples, each run below', () => {
    expect(blocks).toHaveLength(5);
  });

  it.each(blocks.map((code, i) => [i, code]))(
    'should run example %i as written and show what it gives',
    async (_, code) => {
      const run = await runExample(code as string, { modules });
      for (const v of run.values) expect(v.actual, v.code).toEqual(v.shown);
      for (const p of run.prints) expect(p.actual).toBe(p.shown);
      expect(run.values.length + run.prints.length).toBeGreaterThan(0);
    },
  );
});
