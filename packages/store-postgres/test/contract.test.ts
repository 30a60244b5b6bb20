import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineStoreContract, type Store } from '@banli/sdk';
import { describe, expect, it } from 'vitest';
import { createPgliteStore } from '../src/index.js';
import { describeWithServer, serverStore } from './support/server.js';

const api = { describe, it, expect };

defineStoreContract('PGlite in memory', () => createPgliteStore(), api);

defineStoreContract(
  'PGlite on a file',
  async (): Promise<Store> => {
    const dataDir = await mkdtemp(join(tmpdir(), 'banli-pglite-'));
    const store = await createPgliteStore({ dataDir });
    return {
      ...store,
      async close() {
        await store.close?.();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
  api,
);

describeWithServer('PostgreSQL server', () => {
  defineStoreContract('PostgreSQL', () => serverStore(), api);
});
