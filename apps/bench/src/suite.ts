import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { environment } from './environment.js';
import { renderSection, renderTargets, type Section } from './report.js';
import { calendar } from './sections/calendar.js';
import { LETTER_VARIANTS, type LetterVariant, letters, measureLetterVariant } from './sections/letters.js';
import { persistence } from './sections/persistence.js';
import { scaling } from './sections/scaling.js';
import { stores } from './sections/stores.js';
import { throughput } from './sections/throughput.js';
import { validation } from './sections/validation.js';
import { simulate } from './simulate.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Parses `1000:3,10000:3` into proposal counts with their runs. */
function sizesFrom(spec: string): { n: number; runs: number }[] {
  return spec.split(',').map((part) => {
    const [n, runs] = part.split(':');
    return { n: Number(n), runs: Number(runs ?? 1) };
  });
}

/** Sizes of every benchmark; `quick` is for a fast look, the default for the published figures. */
export function config(quick: boolean) {
  return {
    throughput: { lifecycles: quick ? 50 : 300, runs: quick ? 3 : 7, warmups: 1 },
    scaling: {
      sizes: quick
        ? [
            { n: 1_000, runs: 1 },
            { n: 10_000, runs: 1 },
          ]
        : sizesFrom(process.env.BENCH_SCALING ?? '1000:3,10000:3,100000:1'),
      script: resolve(here, 'main.js') as string | undefined,
    },
    validation: { lifecycles: quick ? 50 : 300, runs: quick ? 3 : 7, warmups: 1 },
    persistence: { lifecycles: quick ? 100 : 1_000, runs: quick ? 3 : 7, warmups: 1 },
    stores: {
      lifecycles: quick ? 16 : 32,
      concurrency: 16,
      rawMs: quick ? 1_000 : 3_000,
      pglite: 'disk' as 'disk' | 'memory' | 'skip',
      warmupLifecycles: quick ? 2 : 4,
      runs: quick ? 1 : 3,
      openCases: quick ? 2_000 : 100_000,
      sqlOpenCases: Number(process.env.BENCH_SQL_OPEN_CASES ?? (quick ? 500 : 100_000)),
      pgUrl: process.env.BANLI_PG_URL,
    },
    calendar: { runs: quick ? 3 : 7, ms: quick ? 200 : 1_000 },
    letters: {
      runs: quick ? 2 : 5,
      calls: quick ? 100 : 500,
      commands: quick ? 50 : 200,
      bytes: 20 * 1024,
      script: resolve(here, 'main.js') as string | undefined,
    },
  };
}

/** Writes the report file. */
function write(out: string, measured: Section[], env: ReturnType<typeof environment>, quick: boolean): void {
  const sections = [...measured].sort((a, b) => a.title.localeCompare(b.title));
  const doc = [
    '# banli benchmarks',
    '',
    'Written by `pnpm bench` (apps/bench); do not edit by hand. Every comparison is measured in the same process run, ' +
      'warm-ups dropped, several runs, medians with min–max; ratios are paired run by run so machine drift cancels. ' +
      'Absolute figures move with the machine and its load; the ratios are the claims.',
    '',
    `- date: ${env.date}${quick ? ' (quick run: small sizes)' : ''}`,
    `- machine: ${env.machine}; load average at start ${env.load}`,
    `- Node: ${env.node}`,
    `- packages: ${env.packages}`,
    '',
    '## Targets',
    '',
    renderTargets(sections),
    '',
    ...sections.flatMap((s) => [renderSection(s), '']),
  ].join('\n');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, doc);
}

/** The suite's sizes. */
export type SuiteConfig = ReturnType<typeof config>;

/** Runs the chosen sections and writes the report to `out`; returns the sections. */
export async function runSuite(c: SuiteConfig, out: string, quick: boolean, only?: string[]): Promise<Section[]> {
  const env = environment(resolve(here, '..'));
  const runs: [string, () => Promise<Section> | Section][] = [
    ['throughput', () => throughput(c.throughput)],
    ['validation', () => validation(c.validation)],
    ['persistence', () => persistence(c.persistence)],
    ['stores', () => stores(c.stores)],
    ['calendar', () => calendar(c.calendar)],
    ['letters', () => letters(c.letters)],
    ['scaling', () => scaling(c.scaling)],
  ];
  const sections: Section[] = [];
  for (const [name, fn] of runs) {
    if (only && !only.includes(name)) continue;
    const t0 = Date.now();
    process.stderr.write(`bench: ${name}…\n`);
    const s = await fn();
    sections.push(s);
    // Written after every section, so an interrupted run still leaves what it measured.
    write(out, sections, env, quick);
    process.stderr.write(`bench: ${name} took ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    process.stdout.write(`\n${renderSection(s)}\n`);
  }
  write(out, sections, env, quick);
  process.stdout.write(`\n${renderTargets(sections)}\n\nwritten: ${out}\n`);
  return sections;
}

/** The command line: `node --expose-gc dist/main.js [--quick] [--only=throughput,stores,letters]`. */
export async function cli(argv: string[]): Promise<void> {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (arg('child') === 'letters') {
    const variant = arg('variant') as LetterVariant;
    if (!LETTER_VARIANTS.includes(variant)) throw new Error(`unknown letter variant ${variant}`);
    const sizes = { calls: Number(arg('calls')), commands: Number(arg('commands')), bytes: Number(arg('bytes')) };
    process.stdout.write(`${JSON.stringify(await measureLetterVariant(variant, sizes))}\n`);
    return;
  }
  if (arg('child') === 'simulate') {
    process.stdout.write(`${JSON.stringify(await simulate(Number(arg('n'))))}\n`);
    return;
  }
  const quick = argv.includes('--quick') || process.env.BENCH_QUICK === '1';
  const out = process.env.BENCH_OUT ?? resolve(here, '../../../docs/benchmarks.md');
  await runSuite(config(quick), out, quick, arg('only')?.split(','));
}
