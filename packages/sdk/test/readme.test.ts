import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { caseMachine } from '@banli/core';
import * as fixtures from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { runExample, tsBlocks } from '../../schemas/test/support/readmeExample.js';
import * as sdk from '../src/index.js';
import { createBanli, formatRoleTable, systemFactory } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const rootReadme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const modules = { '@banli/sdk': sdk, '@banli/schemas/fixtures': fixtures };

describe('README', () => {
  it('should print the role table generated from ROLE_MATRIX', () => {
    const table = readme.split('<!-- role-table:start -->\n')[1]?.split('\n<!-- role-table:end -->')[0];
    expect(table).toBe(formatRoleTable());
  });

  it("should run the root README's example as written, its dates in order", async () => {
    const [code = ''] = tsBlocks(rootReadme, '## Example');
    const dates = [...code.matchAll(/at: '(\d{4}-\d{2}-\d{2})'/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThanOrEqual(5);
    expect(dates).toEqual([...dates].sort());
    const run = await runExample(code, { modules });
    expect(run.printed.map((line) => line.split(' ')[0])).toContain('reply');
  });

  it('should show what stats() returns in its engine example', async () => {
    const [code = ''] = tsBlocks(readme, '## Engine');
    const run = await runExample(code, { modules, globals: { createBanli, systemFactory, caseMachine } });
    expect(run.values.map((v) => v.code)).toEqual(['banli.stats()']);
    for (const v of run.values) expect(v.actual).toEqual(v.shown);
  });

  it('should run its embedding example as written', async () => {
    const [code = ''] = tsBlocks(readme, '## Example');
    const run = await runExample(code, { modules });
    expect(run.printed.map((line) => line.split(' ')[0])).toContain('reply');
    expect(run.printed.some((line) => line.startsWith('['))).toBe(true); // the query's items
  });
});

describe('the docs', () => {
  const root = new URL('../../../', import.meta.url);
  const docs = [
    'README.md',
    ...readdirSync(new URL('docs/', root)).map((f) => `docs/${f}`),
    ...['packages', 'apps'].flatMap((dir) => readdirSync(new URL(`${dir}/`, root)).map((p) => `${dir}/${p}/README.md`)),
  ].filter((f) => f.endsWith('.md') && existsSync(new URL(f, root)));

  it("should name every SDK error by its class's name, not a deprecated short name", () => {
    const exported = sdk as Record<string, unknown>;
    const isSdkError = (c: unknown) => typeof c === 'function' && c.prototype instanceof sdk.BanliError;
    const found: string[] = [];
    for (const file of docs) {
      const lines = readFileSync(new URL(file, root), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/deprecated/i.test(line)) return; // the sentence that lists the aliases as deprecated
        for (const [, name = ''] of line.matchAll(/`([A-Z][A-Za-z]+)`/g))
          if (isSdkError(exported[`${name}Error`])) found.push(`${file}:${i + 1} ${name}`);
      });
    }
    expect(docs.length).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });
});
