import type { Rate } from './harness.js';
import { actorRun, coreRun, prepare, reducerRun, scopeRun, sdkRun } from './variants.js';

/**
 * Runs throughput variants alone, interleaved, for a quick paired look or a profile:
 * `node [--cpu-prof] dist/profile.js <sdk|core|actor|scope|reducer>[,…] [lifecycles] [runs]`.
 * Prints each variant's events per wall-clock second per run (and the median per CPU second) and, with several variants, each one's median ratio to the first.
 * Not part of the report: it exists so a missed target can be profiled without the rest of the suite.
 */
const names = (process.argv[2] ?? 'sdk').split(',');
const n = Number(process.argv[3] ?? 300);
const runs = Number(process.argv[4] ?? 5);
const variants: Record<string, (w: ReturnType<typeof prepare>) => Rate | Promise<Rate>> = {
  sdk: sdkRun,
  core: coreRun,
  actor: actorRun,
  scope: scopeRun,
  reducer: reducerRun,
};
for (const name of names)
  if (!variants[name]) throw new Error(`unknown variant ${name}; one of ${Object.keys(variants)}`);
const rates = new Map<string, Rate[]>(names.map((name) => [name, []]));
for (let i = -1; i < runs; i++) {
  for (const name of names) {
    const rate = await (variants[name] as (w: ReturnType<typeof prepare>) => Rate | Promise<Rate>)(
      prepare(i < 0 ? 50 : n, (i + 1) * n),
    );
    if (i >= 0) rates.get(name)?.push(rate);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const first = (rates.get(names[0] as string) as Rate[]).map((r) => r.wall);
for (const [name, all] of rates) {
  const xs = all.map((r) => r.wall);
  const ratio = median(xs.map((x, i) => x / (first[i] as number)));
  const cpu = median(all.map((r) => r.cpu));
  process.stdout.write(
    `${name}: ${xs.map((r) => Math.round(r)).join(', ')} events/s; median ${Math.round(median(xs))} ` +
      `(${Math.round(cpu)} per CPU s); ÷ ${names[0]} ${ratio.toFixed(2)}\n`,
  );
}
