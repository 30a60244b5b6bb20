import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { runAttacks } from '../../sdk/test/support/attack.js';
import { schemaPerTest } from './support/pglite.js';
import { describeWithServer, serverStore } from './support/server.js';

// The standing attack suite of issue 16 (see packages/sdk/test/support/attack.ts) on PGlite and PostgreSQL: the same
// hostile commands must be refused with the same typed errors as on the memory store, never a raw SQLSTATE.

describe('attack suite on PGlite', () => {
  const pglite = schemaPerTest(() => PGlite.create());
  afterAll(() => pglite.closeAll());

  it('should refuse every hostile command with a typed error, write nothing on refusal, and replay to the stored state', async () => {
    const counts = await runAttacks(pglite.factory, { runs: 25 });
    console.info(`[attack] PGlite: ${JSON.stringify(counts)}`);
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.accepted).toBeGreaterThan(0);
  });
});

describeWithServer('attack suite on PostgreSQL', () => {
  it('should refuse every hostile command with a typed error, write nothing on refusal, and replay to the stored state', async () => {
    const counts = await runAttacks(() => serverStore(), { runs: 25 });
    console.info(`[attack] PostgreSQL: ${JSON.stringify(counts)}`);
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.accepted).toBeGreaterThan(0);
  });
});
