import type { AddressInfo } from 'node:net';
import { type Banli, type BanliOptions, createBanli, type Store } from '@banli/sdk';
import { serve } from '@hono/node-server';
import type { ResolveActor } from './actors.js';
import { createApp } from './app.js';
import { outboxFeed } from './notifications.js';
import { startTickScheduler, type TickScheduler } from './scheduler.js';

/** Options of `startServer`. */
export interface ServerOptions {
  /** Port to listen on (0 picks a free one). @defaultValue 8787 */
  port?: number;
  /** Host to bind. @defaultValue `127.0.0.1` */
  hostname?: string;
  /** PostgreSQL connection string; when absent, PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data directory (created if missing). @defaultValue `./banli-data` */
  dataDir?: string;
  /** A ready store instead of `databaseUrl`/`dataDir` (closed by `close()` all the same). */
  store?: Store;
  /** Who the caller is. */
  resolveActor: ResolveActor;
  /** Milliseconds between built-in ticks; 0 turns the scheduler off. @defaultValue 60000 */
  tickIntervalMs?: number;
  /** Largest request body in bytes. @defaultValue 1 MiB */
  maxBodyBytes?: number;
  /** Extra `createBanli` options (policy, calendar, clock, alerts). */
  banli?: Omit<BanliOptions, 'store'>;
}

/** A running server. */
export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** The SDK instance behind it. */
  banli: Banli;
  /** Stops the scheduler, the HTTP server and the store. */
  close(): Promise<void>;
}

/** Opens the store: PostgreSQL when a URL is given, otherwise PGlite in the data directory. */
export async function openStore(options: { databaseUrl?: string; dataDir?: string }): Promise<Store> {
  const { createPgliteStore, createPostgresStore } = await import('@banli/store-postgres');
  if (options.databaseUrl) return createPostgresStore({ connectionString: options.databaseUrl });
  const { mkdir } = await import('node:fs/promises');
  const dataDir = options.dataDir ?? './banli-data';
  await mkdir(dataDir, { recursive: true });
  return createPgliteStore({ dataDir });
}

/**
 * Starts the HTTP service: opens the store, builds the SDK and the app, listens, and runs the tick scheduler.
 *
 * @example
 * ```ts
 * const server = await startServer({ port: 0, dataDir: './banli-data', resolveActor: devActorResolver });
 * console.log(`${server.url}/reference`);
 * await server.close();
 * ```
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = options.store ?? (await openStore(options));
  const banli = createBanli({ ...options.banli, store });
  const app = createApp({
    banli,
    resolveActor: options.resolveActor,
    // From the store's outbox, so every process's notifications reach every client; in-process for a store without one.
    notifications: store.readOutbox ? outboxFeed(banli) : banli,
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  });
  const hostname = options.hostname ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const interval = options.tickIntervalMs ?? 60_000;
  const scheduler: TickScheduler | undefined =
    interval > 0 ? startTickScheduler(banli, { intervalMs: interval }) : undefined;
  return {
    url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`,
    banli,
    async close() {
      await scheduler?.stop();
      await new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      });
      await store.close?.();
    },
  };
}
