import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/index.js';
import { runAttacks } from './support/attack.js';

// The standing attack suite (issue 16) on the in-memory store; store-postgres runs it on PGlite and PostgreSQL.
describe('attack suite on the memory store', () => {
  it('should refuse every hostile command with a typed error, write nothing on refusal, and replay to the stored state', async () => {
    const counts = await runAttacks(async () => createMemoryStore({ isolate: true }), { runs: 100 });
    console.info(`[attack] memory store: ${JSON.stringify(counts)}`);
    expect(counts.tried).toBeGreaterThan(100);
    expect(counts.accepted).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  });
});
