import { probe } from './probe.js';
import { actorRun, coreRun, prepare, reducerRun, SDK_MODES, type SdkMode, scopeRun, sdkRun } from './variants.js';

/**
 * Runs throughput variants in this one process, interleaved, for a profile of a missed target:
 * `node [--cpu-prof] dist/profile.js <sdk|sdk-novalidation|…|core|actor|scope|reducer>[,…] [lifecycles] [runs]`.
 * Prints each variant's events per wall-clock second per run (and the median per CPU second of the process) and, with
 * several variants, each one's median ratio to the first. Not the report's method (variants share a process here, so
 * JIT state leaks between them): it exists so one variant can be profiled without the rest of the suite.
 */
const names = (process.argv[2] ?? 'sdk').split(',');
const n = Number(process.argv[3] ?? 300);
const runs = Number(process.argv[4] ?? 5);
type Run = (w: ReturnType<typeof prepare>) => number | Promise<number>;
const variants: Record<string, Run> = {
  ...Object.fromEntries(SDK_MODES.map((m) => [m, (w: ReturnType<typeof prepare>) => sdkRun(w, m as SdkMode)])),
  core: coreRun,
  actor: actorRun,
  scope: scopeRun,
  reducer: reducerRun,
};
for (const name of names)
  if (!variants[name]) throw new Error(`unknown variant ${name}; one of ${Object.keys(variants)}`);
const rates = new Map<string, { wall: number; cpu: number }[]>(names.map((name) => [name, []]));
for (let i = -1; i < runs; i++) {
  for (const name of names) {
    const work = prepare(i < 0 ? 50 : n, (i + 1) * n);
    const { result: events, usage } = await probe(() => (variants[name] as Run)(work));
    if (i >= 0) rates.get(name)?.push({ wall: (events / usage.wallMs) * 1000, cpu: (events / usage.cpuMs) * 1000 });
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const first = (rates.get(names[0] as string) ?? []).map((r) => r.wall);
for (const [name, all] of rates) {
  const xs = all.map((r) => r.wall);
  const ratio = median(xs.map((x, i) => x / (first[i] as number)));
  const cpu = median(all.map((r) => r.cpu));
  process.stdout.write(
    `${name}: ${xs.map((r) => Math.round(r)).join(', ')} events/s; median ${Math.round(median(xs))} ` +
      `(${Math.round(cpu)} per CPU s); ÷ ${names[0]} ${ratio.toFixed(2)}\n`,
  );
}
