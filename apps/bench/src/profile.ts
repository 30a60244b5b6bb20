import { actorRun, prepare, reducerRun, scopeRun, sdkRun } from './variants.js';

/**
 * Runs one throughput variant alone, for `node --cpu-prof dist/profile.js <sdk|actor|scope|reducer> [lifecycles]`.
 * Not part of the report: it exists so a missed target can be profiled without the rest of the suite.
 */
const variant = process.argv[2] ?? 'sdk';
const n = Number(process.argv[3] ?? 300);
const runs: Record<string, (w: ReturnType<typeof prepare>) => number | Promise<number>> = {
  sdk: sdkRun,
  actor: actorRun,
  scope: scopeRun,
  reducer: reducerRun,
};
const run = runs[variant];
if (!run) throw new Error(`unknown variant ${variant}; one of ${Object.keys(runs).join(', ')}`);
await run(prepare(50, 1_000_000));
const rates: number[] = [];
for (let i = 0; i < 3; i++) rates.push(await run(prepare(n, i * n)));
process.stdout.write(`${variant}: ${rates.map((r) => Math.round(r)).join(', ')} events/s\n`);
