// The console's server: @banli/server's app (dev actors: the console names who it acts as) plus the built console
// under /console/, on PGlite by default, loaded with the seed case and a simulated year when the store is empty.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBanli } from '@banli/sdk';
import { createApp, devActorResolver, openStore } from '@banli/server';
import { createTestHarness, runScenario, seedCase132402, simulate } from '@banli/testing';
import { serve } from '@hono/node-server';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The built console (vite build output). */
export const defaultDist = fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * Loads the seed case (submission to archive) and a seeded simulated year into an empty store.
 *
 * @param {import('@banli/sdk').Store} store
 * @param {{ proposals: number; seed: number; year?: number; seedCase?: boolean }} options (`seedCase: false`
 *   leaves the seed case out, e.g. to submit it through the console)
 * @returns {Promise<boolean>} whether anything was loaded
 */
export async function loadDemoData(store, options) {
  if (options.seedCase === false) {
    if (options.proposals > 0 && (await store.queryStreams({ limit: 1 })).length === 0)
      await simulate({
        proposals: options.proposals,
        seed: options.seed,
        year: options.year ?? 2025,
        banli: { store },
      });
    return options.proposals > 0;
  }
  if (await store.getSummary(seedCase132402.proposal.id)) return false;
  const run = await runScenario(seedCase132402, { harness: createTestHarness({ store, start: '2023-02-20' }) });
  if (run.failures.length > 0) throw new Error(`the seed case failed: ${JSON.stringify(run.failures[0])}`);
  if (options.proposals > 0)
    await simulate({ proposals: options.proposals, seed: options.seed, year: options.year ?? 2025, banli: { store } });
  return true;
}

/**
 * Starts the console: the HTTP API and the console pages on one port.
 *
 * @param {{ port?: number; hostname?: string; dataDir?: string; store?: import('@banli/sdk').Store;
 *   proposals?: number; seed?: number; seedCase?: boolean; dist?: string; clock?: import('@banli/sdk').Clock }} [options]
 * @returns {Promise<{ url: string; banli: import('@banli/sdk').Banli; loaded: boolean; close(): Promise<void> }>}
 */
export async function startConsole(options = {}) {
  const store = options.store ?? (await openStore({ dataDir: options.dataDir ?? './banli-console-data' }));
  const loaded = await loadDemoData(store, {
    proposals: options.proposals ?? 500,
    seed: options.seed ?? 7,
    ...(options.seedCase === false ? { seedCase: false } : {}),
  });
  const banli = createBanli({ store, ...(options.clock ? { clock: options.clock } : {}) });
  const app = createApp({ banli, resolveActor: devActorResolver, notifications: banli });
  const dist = options.dist ?? defaultDist;
  app.get('/console', (c) => c.redirect('/console/'));
  app.get('/console/*', async (c) => {
    const rel = decodeURIComponent(c.req.path.slice('/console/'.length)) || 'index.html';
    let file = normalize(join(dist, rel));
    if (!file.startsWith(normalize(dist) + (normalize(dist).endsWith(sep) ? '' : sep))) file = join(dist, 'index.html');
    const found = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!found) file = join(dist, 'index.html');
    const body = await readFile(file);
    return c.body(body, 200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  });
  const hostname = options.hostname ?? '127.0.0.1';
  const server = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8788, hostname }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://${hostname}:${port}/console/`,
    banli,
    loaded,
    async close() {
      await new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      });
      await store.close?.();
    },
  };
}
