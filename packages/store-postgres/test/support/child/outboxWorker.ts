// A child process for the multi-worker outbox test: one delivery worker for consumer `sms` on a shared PostgreSQL
// schema. Prints `k <key>` for every notification its handler received, as it receives it; on SIGUSR2 it finishes
// the pass in hand and exits.

import { presets } from '@banli/core';
import { createBanli } from '@banli/sdk';
import { createPostgresStore } from '../../../src/index.js';

const [url, schema, claimant] = process.argv.slice(2) as [string, string, string];
const store = await createPostgresStore({ connectionString: url, schema, max: 2 });
const banli = createBanli({ store, policy: presets.guangdongCity, cache: false });
let stopping = false;
process.once('SIGUSR2', () => {
  stopping = true;
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
process.stdout.write('ready\n');
while (!stopping) {
  await banli.outbox.deliver(
    'sms',
    async (n) => {
      process.stdout.write(`k ${n.key}\n`);
      // A handler that takes a little time, so the other workers find the lease held.
      await sleep(Math.random() * 3);
    },
    { claimant, leaseMs: 30_000, batchSize: 7 },
  );
  await sleep(10 + Math.random() * 20);
}
await store.close?.();
process.exit(0);
