import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { environment } from './environment.js';
import { mergeReport, type RunMeta, renderSection, renderTargets, type Section } from './report.js';
import { childParams } from './runner.js';
import { calendar } from './sections/calendar.js';
import { letters, measureLetterParams } from './sections/letters.js';
import { persistence } from './sections/persistence.js';
import { scaling } from './sections/scaling.js';
import { stores } from './sections/stores.js';
import { measureThroughput, throughput } from './sections/throughput.js';
import { measureShare, validation } from './sections/validation.js';
import { simulate } from './simulate.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Parses `1000:3,10000:3` into proposal counts with their runs. */
function sizesFrom(spec: string): { n: number; runs: number }[] {
  return spec.split(',').map((part) => {
    const [n, runs] = part.split(':');
    return { n: Number(n), runs: Number(runs ?? 1) };
  });
}

/** Sizes of every benchmark; `quick` is for a fast look (is the runner working?), the default for the published figures. */
function config(quick: boolean) {
  const script = resolve(here, 'main.js') as string | undefined;
  return {
    throughput: { lifecycles: quick ? 20 : 300, runs: quick ? 2 : 7, warmup: quick ? 10 : 300, script },
    scaling: {
      sizes: sizesFrom(process.env.BENCH_SCALING ?? (quick ? '1000:1,3000:1' : '10000:3,50000:3')),
      script,
    },
    validation: {
      lifecycles: quick ? 20 : 300,
      runs: quick ? 2 : 5,
      warmup: quick ? 10 : 300,
      warmedWarmup: quick ? 20 : 3_000,
      script,
    },
    persistence: { lifecycles: quick ? 100 : 1_000, runs: quick ? 3 : 7, warmups: 1 },
    stores: {
      lifecycles: quick ? 16 : 32,
      concurrency: 16,
      rawMs: quick ? 1_000 : 2_000,
      pglite: 'disk' as 'disk' | 'memory' | 'skip',
      // 4 lifecycles (52 commands) left the JIT warming up in the first timed runs: after 16 lifecycles a command
      // still cost about 1.2× the CPU it cost after 60 (PostgreSQL, 16 callers: one run against the median of eight,
      // under load; helper A, session 9).
      warmupLifecycles: quick ? 2 : 32,
      runs: quick ? 1 : 3,
      // The 16-caller ratio's range spanned 0.43–0.61 over 3 rounds: 7 rounds for its median.
      pgRounds: quick ? 1 : 7,
      openCases: quick ? 2_000 : 100_000,
      // Seeding goes through the store, one append per case: 20,000 keep the full run within its 15 minutes.
      sqlOpenCases: Number(process.env.BENCH_SQL_OPEN_CASES ?? (quick ? 500 : 20_000)),
      pgUrl: process.env.BANLI_PG_URL,
    },
    calendar: { runs: quick ? 3 : 7, ms: quick ? 200 : 1_000 },
    letters: {
      // Seven runs, not five: with five the in-place shares spanned −28% to +49% (issue 15).
      runs: quick ? 2 : 7,
      calls: quick ? 100 : 500,
      commands: quick ? 50 : 200,
      bytes: 20 * 1024,
      // The last row's process first parses this many letter events (a long-running server's parsers, optimised).
      warmLetters: 4_000,
      script: resolve(here, 'main.js') as string | undefined,
    },
  };
}

/** Where a run writes: markdown reports to merge the run's sections into, and the JSON of the run. */
export interface Outputs {
  /** Reports to update: each keeps the sections this run did not measure. */
  reports: string[];
  /** The run's figures as JSON (raw samples included). */
  json?: string | undefined;
}

/** The report files a command line asks for: the untracked results file, and docs/benchmarks.md with `--write-docs`. */
export function outputsFor(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Outputs {
  const results = resolve(here, '../results');
  const reports = [env.BENCH_OUT ?? join(results, 'latest.md')];
  if (argv.includes('--write-docs')) reports.push(resolve(here, '../../../docs/benchmarks.md'));
  return { reports, json: env.BENCH_OUT ? undefined : join(results, 'latest.json') };
}

/** Merges the measured sections into every report of `outputs` and writes the run's JSON. */
function write(outputs: Outputs, measured: Section[], env: ReturnType<typeof environment>, meta: RunMeta): void {
  for (const out of outputs.reports) {
    const existing = existsSync(out) ? readFileSync(out, 'utf8') : undefined;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, mergeReport(existing, measured, meta, env));
  }
  if (outputs.json) {
    mkdirSync(dirname(outputs.json), { recursive: true });
    writeFileSync(outputs.json, `${JSON.stringify({ env, meta, sections: measured }, null, 1)}\n`);
  }
}

/** The suite's sizes. */
export type SuiteConfig = ReturnType<typeof config>;

/** The sections `--only` may name, in the order a run measures them. */
const SECTION_NAMES = ['throughput', 'validation', 'persistence', 'stores', 'calendar', 'letters', 'scaling'] as const;

/** Runs the chosen sections and merges them into the reports of `outputs`; returns the sections. */
export async function runSuite(
  c: SuiteConfig,
  outputs: Outputs,
  quick: boolean,
  only?: readonly string[],
): Promise<Section[]> {
  for (const name of only ?? []) {
    if (!(SECTION_NAMES as readonly string[]).includes(name)) {
      throw new Error(`bench: unknown section ${name}; one of ${SECTION_NAMES.join(', ')}`);
    }
  }
  const env = environment(resolve(here, '..'));
  const started = Date.now();
  const [load1] = loadavg();
  if ((load1 ?? 0) > availableParallelism()) {
    process.stderr.write(
      `bench: load average ${load1?.toFixed(1)} on ${availableParallelism()} cores: other work is running, the wall ` +
        'times will be inflated (publish figures from a quiet machine)\n',
    );
  }
  const meta: RunMeta = { date: env.date, quick, load: env.load, node: process.version, commit: env.commit };
  const runs: Record<(typeof SECTION_NAMES)[number], () => Promise<Section> | Section> = {
    throughput: () => throughput(c.throughput),
    validation: () => validation(c.validation),
    persistence: () => persistence(c.persistence),
    stores: () => stores(c.stores),
    calendar: () => calendar(c.calendar),
    letters: () => letters(c.letters),
    scaling: () => scaling(c.scaling),
  };
  const sections: Section[] = [];
  for (const name of SECTION_NAMES) {
    if (only && !only.includes(name)) continue;
    const t0 = Date.now();
    process.stderr.write(`bench: ${name}…\n`);
    const s = await runs[name]();
    sections.push(s);
    // Written after every section, so an interrupted run still leaves what it measured.
    write(outputs, sections, env, meta);
    process.stderr.write(`bench: ${name} took ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    process.stdout.write(`\n${renderSection(s)}\n`);
  }
  process.stdout.write(`\n${renderTargets(sections)}\n\nwritten: ${outputs.reports.join(', ')}\n`);
  process.stderr.write(`bench: done in ${((Date.now() - started) / 60_000).toFixed(1)} min\n`);
  return sections;
}

/** What a child process started by the runner measures, by `--child=<kind>` (its parameters in `--params=<json>`). */
const CHILDREN: Record<string, (params: never) => Promise<unknown>> = {
  throughput: measureThroughput,
  shares: measureShare,
  simulate: (p: { n: number }) => simulate(p.n),
  letters: measureLetterParams,
};

/**
 * The command line: `node --expose-gc dist/main.js [--quick] [--only=throughput,stores,…] [--write-docs]`. Results go
 * to apps/bench/results/latest.md and latest.json (not tracked); `--write-docs` also merges them into
 * docs/benchmarks.md (full sizes only).
 */
export async function cli(argv: string[]): Promise<void> {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const child = arg('child');
  if (child !== undefined) {
    const measure = CHILDREN[child];
    if (!measure) throw new Error(`bench: unknown child ${child}`);
    process.stdout.write(`${JSON.stringify(await measure(childParams<never>(argv)))}\n`);
    return;
  }
  const quick = argv.includes('--quick') || process.env.BENCH_QUICK === '1';
  if (quick && argv.includes('--write-docs')) {
    throw new Error('bench: --write-docs publishes figures; a --quick run measures too little for that');
  }
  await runSuite(config(quick), outputsFor(argv), quick, arg('only')?.split(','));
}
