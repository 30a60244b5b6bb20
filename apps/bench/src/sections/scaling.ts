import { fmt, fmtStat, median, type Stat, stat } from '../harness.js';
import type { Section } from '../report.js';
import { pairedStat, runChild } from '../runner.js';
import { type SimulationResult, simulate } from '../simulate.js';

/** Options of the scaling runs. */
export interface ScalingOptions {
  /** Proposal counts and how many runs each; the first is the baseline every other size is divided by. */
  sizes: { n: number; runs: number }[];
  /** Run each simulation in a fresh `node --expose-gc` process of this script (else in this process, for tests). */
  script?: string | undefined;
}

async function once(n: number, script: string | undefined): Promise<SimulationResult> {
  if (!script) return simulate(n, 20);
  return runChild<SimulationResult>({ script, nodeArgs: ['--expose-gc', '--max-old-space-size=12288'] }, 'simulate', {
    n,
  });
}

const MB = 1024 * 1024;
const maybe = (s: Stat, digits: number, unit: string) => (Number.isNaN(s.median) ? '–' : fmtStat(s, digits, unit));

/** Per-proposal figures of runs, in µs: process CPU, main-thread CPU, main-thread GC pauses (all, and major). */
function perProposal(xs: readonly SimulationResult[]) {
  const per = (f: (x: SimulationResult) => number | undefined) =>
    xs.map((x) => ((f(x) ?? Number.NaN) * 1000) / x.proposals);
  return {
    cpu: per((x) => x.usage.cpuMs),
    main: per((x) => x.usage.mainCpuMs),
    gc: per((x) => x.usage.gcMs),
    major: per((x) => x.usage.gcMajorMs),
  };
}

/** Ratios of `a` to the baseline, paired run by run (the baseline's median where it had fewer runs). */
function toBaseline(a: readonly number[], base: readonly number[]): Stat {
  const b = a.map((_, i) => base[i] ?? median(base));
  return pairedStat(a, b);
}

/** Simulation scaling: N proposals through the whole lifecycle, time, peak memory and per-proposal cost. */
export async function scaling(o: ScalingOptions): Promise<Section> {
  const results = new Map<number, SimulationResult[]>(o.sizes.map((s) => [s.n, []]));
  const maxRuns = Math.max(...o.sizes.map((s) => s.runs));
  // Sizes interleaved run by run, the order rotated, so drift hits each N alike.
  for (let r = 0; r < maxRuns; r++) {
    const order = o.sizes.map((_, i) => o.sizes[(i + r) % o.sizes.length] as { n: number; runs: number });
    for (const s of order) if (r < s.runs) results.get(s.n)?.push(await once(s.n, o.script));
  }
  const first = o.sizes[0] as { n: number };
  const last = o.sizes[o.sizes.length - 1] as { n: number };
  const base = perProposal(results.get(first.n) ?? []);
  const hasMain = !base.main.some(Number.isNaN);
  const rows = o.sizes.map(({ n }) => {
    const xs = results.get(n) ?? [];
    const p = perProposal(xs);
    return [
      fmt(n),
      String(xs.length),
      fmtStat(stat(xs.map((x) => x.usage.wallMs / 1000)), 2, ' s'),
      fmtStat(stat(p.cpu), 0, ' µs'),
      fmtStat(toBaseline(p.cpu, base.cpu), 2, '×'),
      maybe(stat(p.main), 0, ' µs'),
      hasMain ? fmtStat(toBaseline(p.main, base.main), 2, '×') : '–',
      fmtStat(stat(p.gc), 0, ' µs'),
      maybe(stat(p.major), 0, ' µs'),
      fmt(median(xs.map((x) => x.usage.gcMajorCount))),
      fmt(median(xs.map((x) => x.commands / (x.usage.wallMs / 1000)))),
      `${fmt(median(xs.map((x) => x.peakRss / MB)))} MB`,
      `${fmt(median(xs.map((x) => x.retainedHeap / MB)))} MB`,
    ];
  });
  const lastP = perProposal(results.get(last.n) ?? []);
  const growth = hasMain ? toBaseline(lastP.main, base.main) : toBaseline(lastP.cpu, base.cpu);
  const growthCpu = toBaseline(lastP.cpu, base.cpu);
  const gcBeside = `GC pauses per proposal ${fmt(median(base.gc))} µs @${fmt(first.n)}, ${fmt(median(lastP.gc))} µs @${fmt(last.n)} (major ${fmt(median(base.major))} → ${fmt(median(lastP.major))} µs)`;
  return {
    title: '2. Simulation scaling',
    intro:
      'N proposals through the whole lifecycle with the SDK on its in-memory store (13 commands each; all N in flight, ' +
      'advanced phase by phase), one fresh `node --expose-gc` process per run after a 200-lifecycle warm-up; sizes ' +
      `interleaved run by run. The baseline is ${fmt(first.n)}: below about 10,000 the per-proposal cost is inflated by ` +
      "the optimising compiler's and the GC's background threads still catching up. Per-proposal costs: CPU time of the " +
      'process (user + system, every thread) ÷ N; CPU time of the main thread alone (Linux per-thread scheduler ' +
      'statistics, `/proc/self/task/<pid>/schedstat`; Node 20 itself has no per-thread CPU clock) ÷ N; and the main ' +
      "thread's GC pauses (`perf_hooks` gc entries, their wall-clock duration: on a loaded machine a pause also counts " +
      'the time the paused thread waited for a core) ÷ N, and the part of them that is major GC (mark-compact and ' +
      'incremental marking, which mark the whole heap: the part that grows with N) with the count of mark-compacts. Ratios are paired run by run with the baseline. Peak RSS is ' +
      "the process's maximum resident set; retained heap is what the store keeps after a full GC.",
    header: [
      'proposals',
      'runs',
      'wall time',
      'process CPU per proposal',
      `÷ @${fmt(first.n)}`,
      'main-thread CPU per proposal',
      `÷ @${fmt(first.n)}`,
      'GC pauses per proposal (wall)',
      'of which major GC',
      'mark-compacts',
      'commands/s',
      'peak RSS',
      'retained heap',
    ],
    rows,
    targets: [
      {
        name: `per-proposal CPU cost @${fmt(last.n)} ÷ @${fmt(first.n)} (${hasMain ? 'main thread' : 'process'})`,
        measured: `${fmtStat(growth, 2)}× (process CPU ${fmtStat(growthCpu, 2)}×; ${gcBeside})`,
        target: '≤ 1.1×',
        met: growth.median <= 1.1,
      },
    ],
    data: Object.fromEntries(results),
  };
}
