import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineStoreContract } from '@banli/sdk/store-contract';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaPerTest } from './support/pglite.js';
import { describeWithServer, serverStore } from './support/server.js';

const api = { describe, it, expect };

const inMemory = schemaPerTest(async () => new PGlite());
afterAll(inMemory.closeAll);
defineStoreContract('PGlite in memory', inMemory.factory, api);

let dataDir = '';
const onFile = schemaPerTest(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'banli-pglite-'));
  return PGlite.create(dataDir);
});
afterAll(async () => {
  await onFile.closeAll();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});
defineStoreContract('PGlite on a file', onFile.factory, api);

describeWithServer('PostgreSQL server', () => {
  defineStoreContract('PostgreSQL', () => serverStore(), api);
});
