// The root `pnpm console` script: builds the console and the packages it uses (turbo, cached after the first run),
// then starts the server on PGlite with the seed case and a simulated year of 500 items, and prints the URL.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8788' },
    'data-dir': { type: 'string', default: process.env.BANLI_DATA_DIR ?? './banli-console-data' },
    proposals: { type: 'string', default: '500' },
    seed: { type: 'string', default: '7' },
  },
});
console.error('banli console: building the console and the packages it uses (turbo; cached after the first run)…');
execFileSync('npx', ['turbo', 'run', 'build', '--filter=@banli/console...', '--output-logs=errors-only'], {
  cwd: root,
  stdio: 'inherit',
});
console.error(`banli console: loading the seed case and ${values.proposals} simulated items on first start…`);
const { startConsole } = await import('../server/start.mjs');
const started = await startConsole({
  port: Number(values.port),
  dataDir: values['data-dir'],
  proposals: Number(values.proposals),
  seed: Number(values.seed),
});
console.log(
  `banli console: ${started.url}  (store: PGlite in ${values['data-dir']}${started.loaded ? ', loaded now' : ''})`,
);
console.log(`API reference: ${started.url.replace(/console\/$/, 'reference')}`);
const stop = async () => {
  await started.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
