// A child process for the multi-worker tick test: one scheduler on a shared PostgreSQL schema. Prints one JSON line
// with what it fired and skipped and the notifications it published, then exits.

import { presets } from '@banli/core';
import { type BanliNotification, createBanli, createManualClock } from '@banli/sdk';
import { createPostgresStore } from '../../../src/index.js';

const [url, schema, claimant, now] = process.argv.slice(2) as [string, string, string, string];
const store = await createPostgresStore({ connectionString: url, schema, max: 2 });
const banli = createBanli({
  store,
  clock: createManualClock('2023-03-15'),
  policy: presets.guangdongCity,
  maxRetries: 0,
  cache: false,
});
const published: string[] = [];
banli.subscribe((n: BanliNotification) => {
  published.push(`${n.type}|${n.key}`);
});
// Start together: every worker waits for SIGUSR2 from the parent once all are ready (listening before saying so).
const go = new Promise<void>((resolve) => process.once('SIGUSR2', () => resolve()));
process.stdout.write('ready\n');
await go;
const report = await banli.tick(now, { claimant, batchSize: 1 });
process.stdout.write(`${JSON.stringify({ fired: report.fired, skipped: report.skipped, published })}\n`);
await store.close?.();
process.exit(0);
