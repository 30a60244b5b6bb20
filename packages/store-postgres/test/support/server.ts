import { randomBytes } from 'node:crypto';
import type { Store } from '@banli/sdk';
import pg from 'pg';
import { describe, it } from 'vitest';
import { createPostgresStore, type PostgresStoreOptions } from '../../src/index.js';

/** The PostgreSQL server the tests use, from `BANLI_PG_URL`. */
export const pgUrl = process.env.BANLI_PG_URL;
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';

/**
 * Describes tests that need the server: skipped with a visible warning when `BANLI_PG_URL` is absent on a developer
 * machine, and a failing test in CI, where the server must be there.
 */
export function describeWithServer(name: string, fn: () => void): void {
  if (!pgUrl) {
    if (inCi) {
      describe(name, () => {
        it('should find BANLI_PG_URL in CI', () => {
          throw new Error('BANLI_PG_URL is not set: CI must start PostgreSQL and export its URL');
        });
      });
      return;
    }
    console.warn(`[store-postgres] BANLI_PG_URL is not set: skipping "${name}" (PostgreSQL server tests)`);
  }
  describe.skipIf(!pgUrl)(name, fn);
}

/** A schema name no other test run or file uses. */
export const uniqueSchema = (): string => `banli_test_${randomBytes(6).toString('hex')}`;

/** Drops a test schema with everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** A server store in a fresh schema that is dropped when the store closes. */
export async function serverStore(options: Partial<PostgresStoreOptions> = {}): Promise<Store> {
  const schema = options.schema ?? uniqueSchema();
  const store = await createPostgresStore({
    connectionString: pgUrl ?? '',
    ...options,
    schema,
  } as PostgresStoreOptions);
  return {
    ...store,
    async close() {
      await store.close?.();
      await dropSchema(schema);
    },
  };
}
