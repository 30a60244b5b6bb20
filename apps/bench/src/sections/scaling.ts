import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fmt, fmtStat, median, stat } from '../harness.js';
import type { Section } from '../report.js';
import { type SimulationResult, simulate } from '../simulate.js';

const run = promisify(execFile);

/** Options of the scaling runs. */
export interface ScalingOptions {
  /** Proposal counts and how many runs each. */
  sizes: { n: number; runs: number }[];
  /** Run each simulation in a fresh `node --expose-gc` process of this script (else in this process). */
  script?: string;
}

async function once(n: number, script: string | undefined): Promise<SimulationResult> {
  if (!script) return simulate(n, 20);
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=12288', script, '--child=simulate', `--n=${n}`],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string) as SimulationResult;
}

const MB = 1024 * 1024;

/** Simulation scaling: N proposals through the whole lifecycle, time, peak memory and per-proposal cost. */
export async function scaling(o: ScalingOptions): Promise<Section> {
  const results = new Map<number, SimulationResult[]>(o.sizes.map((s) => [s.n, []]));
  const maxRuns = Math.max(...o.sizes.map((s) => s.runs));
  // Sizes interleaved run by run, so drift hits each N alike.
  for (let r = 0; r < maxRuns; r++) {
    for (const s of o.sizes) if (r < s.runs) results.get(s.n)?.push(await once(s.n, o.script));
  }
  // CPU time, not wall time: a long run on a shared machine would otherwise be charged for other processes' load.
  const perProposal = (xs: SimulationResult[]) => xs.map((x) => (x.cpuMs * 1000) / x.proposals);
  const first = o.sizes[0] as { n: number };
  const last = o.sizes[o.sizes.length - 1] as { n: number };
  const base = perProposal(results.get(first.n) ?? []);
  const rows = o.sizes.map(({ n }) => {
    const xs = results.get(n) ?? [];
    const us = perProposal(xs);
    const ratio = us.map((u, i) => u / (base[i] ?? median(base)));
    return [
      fmt(n),
      String(xs.length),
      fmtStat(stat(xs.map((x) => x.ms / 1000)), 2, ' s'),
      fmtStat(stat(xs.map((x) => x.cpuMs / 1000)), 2, ' s'),
      fmtStat(stat(us), 0, ' µs'),
      fmtStat(stat(ratio), 2, '×'),
      fmt(median(xs.map((x) => x.commands / (x.ms / 1000)))),
      `${fmt(median(xs.map((x) => x.peakRss / MB)))} MB`,
      `${fmt(median(xs.map((x) => x.retainedHeap / MB)))} MB`,
    ];
  });
  const lastUs = perProposal(results.get(last.n) ?? []);
  const growth = stat(lastUs.map((u, i) => u / (base[i] ?? median(base))));
  return {
    title: '2. Simulation scaling',
    intro:
      'N proposals through the whole lifecycle with the SDK on its in-memory store (13 commands each; all N in flight, ' +
      'advanced phase by phase), one fresh `node --expose-gc` process per run after a 200-lifecycle warm-up; sizes ' +
      'interleaved run by run; the per-proposal cost is CPU time of the process (user + system, all threads, GC included) ' +
      '÷ N, and its ratio is paired with the same run of the smallest N. Peak RSS is the ' +
      "process's maximum resident set; retained heap is what the store keeps after a full GC (every event, snapshot, " +
      'summary and deadline index entry of all N proposals).',
    header: [
      'proposals',
      'runs',
      'wall time',
      'CPU time',
      'CPU per proposal',
      `÷ per proposal @${fmt(first.n)}`,
      'commands/s',
      'peak RSS',
      'retained heap',
    ],
    rows,
    targets: [
      {
        name: `per-proposal cost @${fmt(last.n)} ÷ @${fmt(first.n)}`,
        measured: `${fmtStat(growth, 2)}×`,
        target: '≤ 1.2× (linear)',
        met: growth.median <= 1.2,
      },
    ],
  };
}
