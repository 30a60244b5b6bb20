import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fixtures from '@banli/schemas/fixtures';
import * as sdk from '@banli/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { runExample, tsBlocks } from '../../schemas/test/support/readmeExample.js';
import * as storePostgres from '../src/index.js';
import { describeWithServer, dropSchema, pgUrl, uniqueSchema } from './support/server.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const modules = { '@banli/sdk': sdk, '@banli/schemas/fixtures': fixtures, '@banli/store-postgres': storePostgres };
const [embedded, server, groupCommit, ...rest] = tsBlocks(readme);
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const dataDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'banli-readme-'));
  dirs.push(dir);
  return dir;
};

describe('README examples', () => {
  it('should have its three examples, each run below', () => {
    expect([embedded, server, groupCommit].every((b) => b !== undefined)).toBe(true);
    expect(rest).toEqual([]);
  });

  it('should run the PGlite example as written, printing what it shows', async () => {
    const dir = await dataDir();
    const run = await runExample(embedded ?? '', { modules, replace: [["'./banli-data'", JSON.stringify(dir)]] });
    expect(run.prints.length).toBeGreaterThan(0);
    for (const p of run.prints) expect(p.actual).toBe(p.shown);
  });
});

describeWithServer('README examples on a PostgreSQL server', () => {
  it('should run the server example and the group-commit settings as written', async () => {
    const schema = uniqueSchema();
    try {
      await runExample(server ?? '', {
        modules,
        replace: [
          ["process.env.DATABASE_URL ?? ''", JSON.stringify(pgUrl)],
          ["schema: 'banli'", `schema: ${JSON.stringify(schema)}`],
        ],
      });
      await runExample(groupCommit ?? '', {
        modules,
        globals: { ...storePostgres, connectionString: pgUrl, dataDir: await dataDir() },
      });
    } finally {
      await dropSchema(schema);
    }
  });
});
