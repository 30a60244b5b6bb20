import { fmt, fmtStat, gc, type Stat, stat } from '../harness.js';
import { probe, type Usage } from '../probe.js';
import type { Section } from '../report.js';
import { pairedStat, runRounds } from '../runner.js';
import { sample } from '../sample.js';
import { actorRun, coreRun, prepare, reducerRun, scopeRun, sdkRun } from '../variants.js';
import { COMMANDS_PER_LIFECYCLE } from '../workload.js';

/** Options of the throughput comparison. */
export interface ThroughputOptions {
  /** Timed lifecycles per sample (after as many untimed warm-up ones in the same process). */
  lifecycles: number;
  /** Rounds: each round runs every variant once, each in a fresh process, in an order rotated round by round. */
  runs: number;
  /** Warm-up lifecycles in each process before the timed ones. */
  warmup: number;
  /** The script that measures one variant in a fresh process (dist/main.js); without it, in this process (tests). */
  script?: string | undefined;
}

/** The throughput variants, each measured in a process of its own. */
const THROUGHPUT_VARIANTS = ['sdk', 'core', 'actor', 'scope', 'reducer'] as const;
/** One throughput variant. */
type ThroughputVariant = (typeof THROUGHPUT_VARIANTS)[number];

const RUNS: Record<ThroughputVariant, (work: ReturnType<typeof prepare>) => number | Promise<number>> = {
  sdk: (w) => sdkRun(w),
  core: coreRun,
  actor: actorRun,
  scope: scopeRun,
  reducer: reducerRun,
};

/** One variant measured once in one process: user events sent and what they cost. */
export interface ThroughputSample {
  variant: ThroughputVariant;
  events: number;
  usage: Usage;
}

/** Parameters of one throughput sample (what the child process is given). */
export interface ThroughputParams {
  variant: ThroughputVariant;
  lifecycles: number;
  warmup: number;
}

/** Measures one variant in this process: `warmup` lifecycles untimed, then `lifecycles` timed (the child's work). */
export async function measureThroughput(p: ThroughputParams): Promise<ThroughputSample> {
  const run = RUNS[p.variant];
  if (!run) throw new Error(`unknown throughput variant ${p.variant}`);
  if (p.warmup > 0) await run(prepare(p.warmup, 5_000_000));
  const work = prepare(p.lifecycles);
  gc();
  const { result: events, usage } = await probe(() => run(work));
  return { variant: p.variant, events, usage };
}

/** Per-event figures of samples: wall and CPU microseconds, GC pause microseconds, and events per wall second. */
function perEvent(samples: readonly ThroughputSample[]) {
  const per = (f: (s: ThroughputSample) => number | undefined) =>
    samples.map((s) => ((f(s) ?? Number.NaN) * 1000) / s.events);
  return {
    rate: samples.map((s) => (s.events / s.usage.wallMs) * 1000),
    wallUs: per((s) => s.usage.wallMs),
    cpuUs: per((s) => s.usage.cpuMs),
    mainUs: per((s) => s.usage.mainCpuMs),
    gcUs: per((s) => s.usage.gcMs),
  };
}

const maybe = (s: Stat, digits: number) => (Number.isNaN(s.median) ? '–' : fmtStat(s, digits));

/** Event throughput: SDK send vs bare actor.send vs machine.transition (reused scope) vs a hand-written reducer. */
export async function throughput(o: ThroughputOptions): Promise<Section> {
  const samples = await runRounds(THROUGHPUT_VARIANTS, o.runs, (variant) =>
    sample<ThroughputParams, ThroughputSample>(
      o.script,
      'throughput',
      { variant, lifecycles: o.lifecycles, warmup: o.warmup },
      measureThroughput,
    ),
  );
  const f = Object.fromEntries(THROUGHPUT_VARIANTS.map((v) => [v, perEvent(samples[v])])) as Record<
    ThroughputVariant,
    ReturnType<typeof perEvent>
  >;
  // Ratios of rates paired round by round: wall-clock, and CPU of the process (other load on the machine cancels).
  const vsActor = (v: ThroughputVariant) => pairedStat(f[v].rate, f.actor.rate);
  const cpuVsActor = (v: ThroughputVariant) => pairedStat(f.actor.cpuUs, f[v].cpuUs);
  const row = (name: string, v: ThroughputVariant) => [
    name,
    fmtStat(stat(f[v].rate)),
    fmtStat(stat(f[v].wallUs), 1),
    fmtStat(stat(f[v].cpuUs), 1),
    maybe(stat(f[v].mainUs), 1),
    fmtStat(stat(f[v].gcUs), 1),
    fmtStat(vsActor(v), 3),
    fmtStat(cpuVsActor(v), 3),
  ];
  const sdkVsActor = vsActor('sdk');
  const reducerVsSdk = pairedStat(f.reducer.rate, f.sdk.rate);
  return {
    title: '1. Event throughput',
    intro:
      `${fmt(o.lifecycles)} whole lifecycles of ${COMMANDS_PER_LIFECYCLE} commands each (create, submit, review, register, ` +
      'assign, accept, draft, submit the seed reply letter 132402, sign off, three proposers\u2019 feedback, archive), the ' +
      'same events through each variant. **Each variant runs in a fresh `node --expose-gc` process of its own** ' +
      `(${fmt(o.warmup)} untimed warm-up lifecycles, then the timed ones), so no variant inherits another's JIT state; ` +
      `${o.runs} round(s), each running every variant once in an order rotated round by round. Ratios are the median of ` +
      'the ratios paired round by round (min–max). Rates are user events (commands) per wall-clock second; internal ' +
      'events the machines trigger (case.accepted, case.replied, …) are not counted. CPU µs/event is CPU time of the ' +
      'process (user + system, every thread: parallel GC and the optimising compiler included); main-thread CPU is the ' +
      "main thread's own (Linux per-thread scheduler statistics); GC µs/event is the wall-clock duration of the main " +
      "thread's GC pauses (`perf_hooks` gc entries).",
    header: [
      'variant',
      'events/s median (min–max)',
      'µs/event',
      'CPU µs/event (process)',
      'CPU µs/event (main thread)',
      'GC pauses µs/event (wall)',
      '× bare actor.send (wall)',
      '× bare actor.send (process CPU)',
    ],
    rows: [
      row('`banli.send` (SDK, in-memory store: validate, authorise, load, send, persist, log, index)', 'sdk'),
      row('`createHandlingSystem().send` (@banli/core coordinator alone: JSON state in, JSON state out)', 'core'),
      row('bare xstate `createActor(proposalMachine/caseMachine).send` (live actors, emissions forwarded)', 'actor'),
      row('`machine.transition(snapshot, event, reusedScope)` (pure, same coordination)', 'scope'),
      row('hand-written reducer (switch, immutable spreads, same due dates)', 'reducer'),
    ],
    targets: [
      {
        name: 'SDK send ÷ bare actor.send (one variant per process)',
        measured: `${fmtStat(sdkVsActor, 3)}×`,
        target: '≥ 1.0×',
        met: sdkVsActor.median >= 1,
      },
      {
        name: 'hand-written reducer ÷ SDK (whole lifecycle)',
        measured: `${fmtStat(reducerVsSdk, 1)}×`,
        target: '≤ 10×',
        met: reducerVsSdk.median <= 10,
      },
    ],
    data: samples,
  };
}
