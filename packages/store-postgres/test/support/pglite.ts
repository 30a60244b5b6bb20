import type { Store } from '@banli/sdk';
import type { PGlite } from '@electric-sql/pglite';
import { createPgliteStore } from '../../src/index.js';
import { uniqueSchema } from './server.js';

/**
 * A store factory over one lazily opened PGlite: starting PGlite costs seconds, so each test gets a fresh schema in
 * the shared database instead, dropped when its store closes.
 */
export function schemaPerTest(open: () => Promise<PGlite>) {
  let db: Promise<PGlite> | undefined;
  const factory = async (): Promise<Store> => {
    db ??= open();
    const pglite = await db;
    const schema = uniqueSchema();
    const store = await createPgliteStore({ pglite, schema });
    return {
      ...store,
      async close() {
        await store.close?.();
        await pglite.exec(`drop schema "${schema}" cascade`);
      },
    };
  };
  const closeAll = async (): Promise<void> => {
    if (db) await (await db).close();
  };
  return { factory, closeAll };
}
