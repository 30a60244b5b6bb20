import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteStore, DEFAULT_SCHEMA, migrations } from '../src/index.js';
import { banliOn, seedAccepted, seedAssigned } from './support/seed.js';

describe('createPgliteStore (file-backed)', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'banli-reopen-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('should keep every case and deadline when closed and reopened from its directory', async () => {
    const first = await createPgliteStore({ dataDir });
    const banli = banliOn(first);
    await seedAccepted(banli, 'keep-1');
    await seedAssigned(banli, 'keep-2');
    const ids = ['keep-1', 'keep-2'];
    const views = await Promise.all(ids.map((id) => banli.get(id)));
    const logs = await Promise.all(ids.map((id) => banli.history(id)));
    const deadlines = await Promise.all(ids.map((id) => first.listDeadlines(id)));
    const due = await first.deadlinesDueBetween('2023-01-01', '2023-12-31');
    const summaries = await first.queryStreams();
    expect(deadlines.flat().length).toBeGreaterThan(0);
    await first.close?.();

    const second = await createPgliteStore({ dataDir });
    const again = banliOn(second);
    expect(await Promise.all(ids.map((id) => again.get(id)))).toEqual(views);
    expect(await Promise.all(ids.map((id) => again.history(id)))).toEqual(logs);
    expect(await Promise.all(ids.map((id) => second.listDeadlines(id)))).toEqual(deadlines);
    expect(await second.deadlinesDueBetween('2023-01-01', '2023-12-31')).toEqual(due);
    expect(await second.queryStreams()).toEqual(summaries);
    const report = await again.tick('2023-06-01');
    expect(report.fired.length).toBeGreaterThan(0);
    await second.close?.();

    const third = await createPgliteStore({ dataDir });
    for (const key of report.fired) expect(await third.hasFired(key)).toBe(true);
    expect((await banliOn(third).tick('2023-06-01')).fired).toEqual([]);
    await third.close?.();
  });

  it('should migrate once: reopening applies no migration twice', async () => {
    const pglite = await PGlite.create(dataDir);
    try {
      const { rows } = await pglite.query<{ version: number }>(
        `select version from "${DEFAULT_SCHEMA}".banli_migrations order by version`,
      );
      expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    } finally {
      await pglite.close();
    }
  });
});
