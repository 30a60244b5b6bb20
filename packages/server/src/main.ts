import { parseArgs } from 'node:util';
import { createJwtActorResolver, devActorResolver, firstActor, type ResolveActor } from './actors.js';
import { startServer } from './serve.js';

/**
 * `banli-server`: the HTTP service from the command line. Settings by flag or environment:
 * `--port`/`PORT` (8787), `--host`/`HOST` (127.0.0.1), `DATABASE_URL` (PostgreSQL; else PGlite in
 * `--data-dir`/`BANLI_DATA_DIR`, ./banli-data), `BANLI_JWT_SECRET` (HS256) or `BANLI_JWT_PUBLIC_KEY` (RS256 PEM)
 * with `BANLI_JWT_ROLE_MAP`/`BANLI_JWT_UNIT_MAP` (JSON), `--dev`/`BANLI_DEV=1` (X-Banli-Actor header; never in
 * production), `--tick-interval`/`BANLI_TICK_INTERVAL_MS` (60000; 0 off).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      dev: { type: 'boolean' },
      'tick-interval': { type: 'string' },
    },
    strict: true,
  });
  const env = process.env;
  const resolvers: ResolveActor[] = [];
  if (env.BANLI_JWT_SECRET || env.BANLI_JWT_PUBLIC_KEY)
    resolvers.push(
      createJwtActorResolver({
        algorithm: env.BANLI_JWT_PUBLIC_KEY ? 'RS256' : 'HS256',
        ...(env.BANLI_JWT_SECRET ? { secret: env.BANLI_JWT_SECRET } : {}),
        ...(env.BANLI_JWT_PUBLIC_KEY ? { publicKey: env.BANLI_JWT_PUBLIC_KEY } : {}),
        ...(env.BANLI_JWT_ISSUER ? { issuer: env.BANLI_JWT_ISSUER } : {}),
        ...(env.BANLI_JWT_AUDIENCE ? { audience: env.BANLI_JWT_AUDIENCE } : {}),
        ...(env.BANLI_JWT_ROLE_MAP ? { roleMap: JSON.parse(env.BANLI_JWT_ROLE_MAP) } : {}),
        ...(env.BANLI_JWT_UNIT_MAP ? { unitMap: JSON.parse(env.BANLI_JWT_UNIT_MAP) } : {}),
      }),
    );
  const dev = values.dev === true || env.BANLI_DEV === '1';
  if (dev) resolvers.push(devActorResolver);
  if (resolvers.length === 0)
    console.error(
      'banli-server: no way to authenticate callers: set BANLI_JWT_SECRET (or BANLI_JWT_PUBLIC_KEY), or pass --dev for local development. Every /v1 request will get 401.',
    );
  const server = await startServer({
    port: Number(values.port ?? env.PORT ?? 8787),
    hostname: values.host ?? env.HOST ?? '127.0.0.1',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir: values['data-dir'] ?? env.BANLI_DATA_DIR ?? './banli-data',
    resolveActor: firstActor(...resolvers),
    tickIntervalMs: Number(values['tick-interval'] ?? env.BANLI_TICK_INTERVAL_MS ?? 60_000),
  });
  const where = env.DATABASE_URL
    ? 'PostgreSQL (DATABASE_URL)'
    : `PGlite in ${values['data-dir'] ?? env.BANLI_DATA_DIR ?? './banli-data'}`;
  console.log(`banli server listening on ${server.url} (store: ${where})`);
  console.log(`API reference: ${server.url}/reference   OpenAPI: ${server.url}/openapi.json`);
  if (dev)
    console.log('dev mode: callers name themselves with X-Banli-Actor: role:id[:unitId] (do not use in production)');
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
