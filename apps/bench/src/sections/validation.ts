import { BanliEventSchema, ProposalSchema } from '@banli/schemas';
import { z } from 'zod';
import { fmt, fmtStat, gc, median, stat } from '../harness.js';
import { probe, type Usage } from '../probe.js';
import type { Section } from '../report.js';
import { pairedStat, removedShare, runRounds } from '../runner.js';
import { sample } from '../sample.js';
import { prepare, SDK_MODES, type SdkMode, sdkLifecycles, sdkRun } from '../variants.js';
import { COMMAND_NAMES, COMMANDS_PER_LIFECYCLE } from '../workload.js';

/** Options of the command shares. */
export interface ValidationOptions {
  /** Timed lifecycles per sample (13 commands each). */
  lifecycles: number;
  /** Rounds; each runs every variant once in a fresh process, the order rotated round by round. */
  runs: number;
  /** Untimed warm-up lifecycles in each process. */
  warmup: number;
  /**
   * Untimed warm-up lifecycles of each SDK in the `sdk-interleaved-warmed` process: as many as a long-running server
   * has run, so V8 has optimised the parsers and checks that a command runs once (default 3,000; the other variants
   * run `warmup`).
   */
  warmedWarmup?: number;
  /** The script that measures one variant in a fresh process (dist/main.js); without it, in this process (tests). */
  script?: string | undefined;
}

/** zod alone on the inputs the SDK validates: the runtime parser and `z.compile()`'s. */
const PARSERS = ['zod-runtime', 'zod-compiled'] as const;
/**
 * The SDK with and without validation in one process, alternating lifecycle by lifecycle (see {@link interleavedShare}).
 */
const INTERLEAVED = 'sdk-interleaved';
/** {@link INTERLEAVED} after {@link ValidationOptions.warmedWarmup} warm-up lifecycles (a long-running server). */
const WARMED = 'sdk-interleaved-warmed';
/** A variant of the shares section: an SDK mode, zod alone, or the SDK with and without validation in one process. */
/**
 * A diagnostic (no target): {@link INTERLEAVED} with the SDK without validation also validating each command's input,
 * untimed, after the command (the SDK's `exposeBoundary`), so validation's code runs as often as the rest of a
 * command's, as in a process running one SDK (in {@link INTERLEAVED} the rest runs in both SDKs' lifecycles, validation
 * in one of the two).
 */
const PACED = 'sdk-interleaved-paced';
const SHARE_VARIANTS = [...SDK_MODES, ...PARSERS, INTERLEAVED, WARMED, PACED] as const;
/** One variant of the shares section. */
type ShareVariant = (typeof SHARE_VARIANTS)[number];

/** Parameters of one sample (what the child process is given). */
export interface ShareParams {
  variant: ShareVariant;
  lifecycles: number;
  warmup: number;
}

/** One variant measured once: commands run (or inputs parsed) and what they cost. */
export interface ShareSample {
  variant: ShareVariant;
  commands: number;
  usage: Usage;
  /** For the compiled parser: whether `z.compile` returned a parser of its own (false: it gave the schema back). */
  compiled?: boolean;
  /**
   * `sdk-interleaved`: the median lifecycle's CPU µs per command with validation, and without it, measured in the same
   * process, the two alternating lifecycle by lifecycle.
   */
  medianCpuUs?: number;
  medianNoValidationCpuUs?: number;
  /**
   * `sdk-interleaved`: each command of the lifecycle, in its order, its median CPU µs over the timed lifecycles with
   * validation (`with`) and without (`without`).
   */
  commandCpuUs?: { with: number[]; without: number[] };
}

type Parser = { safeParse(input: unknown): { success: boolean } };

function parseAll(work: ReturnType<typeof prepare>, proposal: Parser, event: Parser): number {
  let commands = 0;
  for (const w of work) {
    if (!proposal.safeParse(w.proposal).success) throw new Error('invalid proposal');
    commands++;
    for (const [e] of w.commands) {
      if (!event.safeParse(e).success) throw new Error(`invalid ${e.type}`);
      commands++;
    }
  }
  return commands;
}

/**
 * The SDK with validation and without it (the measurement switch `skipValidation`) in one process, each on its own
 * store, alternating lifecycle by lifecycle (which goes first alternates too); each lifecycle's CPU time of the process
 * (13 commands) is taken on its own. Both run under the same load, caches and JIT state, so what the machine does
 * meanwhile moves both alike; separate processes differ run to run by about as much as validation costs (issue 19:
 * 10.5% (3.0–18.5) one run, 5.7% (4.2–11.3) the one before). Answers each kind's median lifecycle per command.
 */
async function interleavedShare(p: ShareParams): Promise<ShareSample> {
  const withIt = sdkLifecycles('sdk');
  const without = sdkLifecycles('sdk-novalidation', p.variant === PACED);
  // Each warm-up lifecycle prepared as it runs, so thousands of them do not sit in memory at once.
  for (let i = 0; i < p.warmup; i++) {
    const [a, b] = [prepare(1, 5_000_000 + i), prepare(1, 5_000_000 + i)];
    await withIt.run(a[0] as (typeof a)[number]);
    await without.run(b[0] as (typeof b)[number]);
  }
  const work = [prepare(p.lifecycles), prepare(p.lifecycles)] as const;
  const a: number[] = [];
  const b: number[] = [];
  const byCommand: [number[][], number[][]] = [[], []];
  let commands = 0;
  const timed = async (sdk: typeof withIt, w: (typeof work)[0][number], into: number[]) => {
    const cpuUs: number[] = [];
    const n = await sdk.run(w, cpuUs);
    into.push(cpuUs.reduce((sum, us) => sum + us, 0) / n);
    const columns = byCommand[into === a ? 0 : 1];
    cpuUs.forEach((us, i) => {
      const column = columns[i] ?? [];
      column.push(us);
      columns[i] = column;
    });
    commands += n;
  };
  gc();
  const { usage } = await probe(async () => {
    for (let i = 0; i < p.lifecycles; i++) {
      const [x, y] = [work[0][i] as (typeof work)[0][number], work[1][i] as (typeof work)[1][number]];
      if (i % 2 === 0) {
        await timed(withIt, x, a);
        await timed(without, y, b);
      } else {
        await timed(without, y, b);
        await timed(withIt, x, a);
      }
    }
  });
  return {
    variant: p.variant,
    commands,
    usage,
    medianCpuUs: stat(a).median,
    medianNoValidationCpuUs: stat(b).median,
    commandCpuUs: {
      with: byCommand[0].map((xs) => stat(xs).median),
      without: byCommand[1].map((xs) => stat(xs).median),
    },
  };
}

/**
 * Validation in place command by command, from the `sdk-interleaved` runs: for each command of the lifecycle, the
 * median over runs of its median CPU µs with validation and without, their difference, and that difference's part of
 * the lifecycle's (the sum over commands). Which commands carry the validation share (issue 19).
 */
function byCommandRows(runs: readonly ShareSample[]): string[][] {
  const measured = runs.flatMap((s) => (s.commandCpuUs ? [s.commandCpuUs] : []));
  if (measured.length === 0) return [];
  const column = (i: number, side: 'with' | 'without') => median(measured.map((m) => m[side][i] ?? 0));
  const rows = COMMAND_NAMES.map((_, i) => [column(i, 'with'), column(i, 'without')] as const);
  const total = rows.reduce((sum, [w, wo]) => sum + (w - wo), 0);
  return rows.map(([w, wo], i) => [
    `${i + 1}. ${COMMAND_NAMES[i]}`,
    fmt(w, 1),
    fmt(wo, 1),
    fmt(w - wo, 1),
    total > 0 ? `${fmt(((w - wo) / total) * 100, 0)}%` : '',
    w > 0 ? `${fmt(((w - wo) / w) * 100, 1)}%` : '',
  ]);
}

/** Measures one variant in this process (the child's work). */
export async function measureShare(p: ShareParams): Promise<ShareSample> {
  if (p.variant === INTERLEAVED || p.variant === WARMED || p.variant === PACED) return interleavedShare(p);
  if (p.variant === 'zod-runtime' || p.variant === 'zod-compiled') {
    const compiledEvent = z.compile(BanliEventSchema);
    const [proposal, event]: [Parser, Parser] =
      p.variant === 'zod-runtime' ? [ProposalSchema, BanliEventSchema] : [z.compile(ProposalSchema), compiledEvent];
    if (p.warmup > 0) parseAll(prepare(p.warmup, 5_000_000), proposal, event);
    const work = prepare(p.lifecycles);
    gc();
    const { result, usage } = await probe(() => parseAll(work, proposal, event));
    return { variant: p.variant, commands: result, usage, compiled: (compiledEvent as unknown) !== BanliEventSchema };
  }
  const mode = p.variant as SdkMode;
  if (p.warmup > 0) await sdkRun(prepare(p.warmup, 5_000_000), mode);
  const work = prepare(p.lifecycles);
  gc();
  const { result, usage } = await probe(() => sdkRun(work, mode));
  return { variant: p.variant, commands: result, usage };
}

/**
 * What validation, authorisation and persistence each cost a command, measured in place: the SDK whole and with one
 * part left out, every variant in a fresh process of the same kind, rounds rotated, shares paired round by round;
 * zod alone on the same inputs beside them for reference.
 */
export async function validation(o: ValidationOptions): Promise<Section> {
  const samples = await runRounds(SHARE_VARIANTS, o.runs, (variant) =>
    sample<ShareParams, ShareSample>(
      o.script,
      'shares',
      { variant, lifecycles: o.lifecycles, warmup: variant === WARMED ? (o.warmedWarmup ?? 3_000) : o.warmup },
      measureShare,
    ),
  );
  const cpu = (v: ShareVariant) => samples[v].map((s) => (s.usage.cpuMs * 1000) / s.commands);
  const wall = (v: ShareVariant) => samples[v].map((s) => (s.usage.wallMs * 1000) / s.commands);
  const us = (xs: number[]) => fmtStat(stat(xs), 1, ' µs');
  const without = (v: SdkMode) => ({
    cpu: removedShare(cpu('sdk'), cpu(v)),
    wall: removedShare(wall('sdk'), wall(v)),
  });
  const alone = (v: ShareVariant) => ({
    cpu: pairedStat(cpu(v), cpu('sdk'), (a, b) => (a / b) * 100),
    wall: pairedStat(wall(v), wall('sdk'), (a, b) => (a / b) * 100),
  });
  const pct = (s: ReturnType<typeof without>) => [fmtStat(s.cpu, 1, '%'), fmtStat(s.wall, 1, '%')];
  const validationShare = without('sdk-novalidation');
  const interleaved = samples[INTERLEAVED];
  const withMedians = interleaved.map((s) => s.medianCpuUs ?? 0);
  const withoutMedians = interleaved.map((s) => s.medianNoValidationCpuUs ?? 0);
  const interleavedValidation = removedShare(withMedians, withoutMedians);
  const warmed = samples[WARMED];
  const warmedWith = warmed.map((s) => s.medianCpuUs ?? 0);
  const warmedWithout = warmed.map((s) => s.medianNoValidationCpuUs ?? 0);
  const paced = samples[PACED];
  const pacedWith = paced.map((s) => s.medianCpuUs ?? 0);
  const pacedWithout = paced.map((s) => s.medianNoValidationCpuUs ?? 0);
  const compiledIsOwn = samples['zod-compiled'].every((s) => s.compiled === true);
  const row = (name: string, v: ShareVariant, share: string[]) => [name, us(wall(v)), us(cpu(v)), ...share];
  return {
    title: '3. Command shares: validation, authorisation, persistence',
    intro:
      `${fmt(o.lifecycles)} lifecycles × ${COMMANDS_PER_LIFECYCLE} commands through \`banli.submit\`/\`banli.send\` on the ` +
      'in-memory store, whole and with one part left out: validation (the SDK\u2019s one pass, or for the events carrying ' +
      'letters the payload walk and the parse, through the SDK\u2019s measurement switch `skipValidation`, which still takes ' +
      'the command\u2019s own copy of its input, as parsing does), authorisation (`skipAuthorization`), persistence (a store whose `append` writes nothing; the ' +
      "SDK's aggregate cache serves the next command). **Each variant runs in a fresh `node --expose-gc` process of the " +
      `same kind** (${fmt(o.warmup)} untimed warm-up lifecycles first), ${o.runs} round(s) in an order rotated round by ` +
      'round. A part\u2019s share is (whole − without it) ÷ whole, paired round by round, on CPU time of the process ' +
      "(other load on the machine does not enter it) and on wall time. The persistence share is the in-memory store's " +
      'append only: building the append request (snapshot, summary, deadline index) stays in every variant, and a SQL ' +
      'store adds its round trip and commit (§5). zod alone on the same inputs, in processes of its own, is given for ' +
      'reference: measured apart from the command, it misses what validation costs the command around it. The ' +
      'validation share is also measured with both variants in one process (a variant of its own, rotated with the ' +
      'others), alternating lifecycle by lifecycle, from the median lifecycle of each per run (a lifecycle\u2019s CPU time the sum ' +
      'of its commands\u2019, each timed on its own, so the table below gives them one by one): two processes differ ' +
      'run to run by about as much as validation costs, while within one process the load, caches and JIT state are ' +
      `shared. Its last row measures the same in a process that first ran ${fmt(o.warmedWarmup ?? 3_000)} untimed ` +
      'lifecycles of each SDK (no target): V8 optimises a function once it has run enough of its own bytecode, and ' +
      'the parsers and checks a command runs once stay unoptimised through a few hundred lifecycles; its commands ' +
      'also run against a store holding that many more proposals.',
    header: ['variant', 'µs/command (wall)', 'CPU µs/command', 'share of a command (CPU)', 'share (wall)'],
    rows: [
      row('SDK command, whole', 'sdk', ['100%', '100%']),
      row('SDK command without validation', 'sdk-novalidation', pct(validationShare)),
      [
        'the same share with and without validation in one process, alternating lifecycle by lifecycle (median lifecycle of each per run)',
        '',
        `${us(withMedians)} with validation, ${us(withoutMedians)} without`,
        fmtStat(interleavedValidation, 1, '%'),
        '',
      ],
      [
        `the same after ${fmt(o.warmedWarmup ?? 3_000)} warm-up lifecycles of each in that process (a long-running server: V8 has optimised what a command runs once)`,
        '',
        `${us(warmedWith)} with validation, ${us(warmedWithout)} without`,
        fmtStat(removedShare(warmedWith, warmedWithout), 1, '%'),
        '',
      ],
      [
        'diagnostic, no target: the one-process share with validation\u2019s code run as often as the rest\u2019s, as in a process running one SDK (the SDK without validation also validates each input, untimed, after each command; that also moves the letter parse\u2019s effect on the next command onto it, so the share reads low)',
        '',
        `${us(pacedWith)} with validation, ${us(pacedWithout)} without`,
        fmtStat(removedShare(pacedWith, pacedWithout), 1, '%'),
        '',
      ],
      row('SDK command without authorisation', 'sdk-noauthorization', pct(without('sdk-noauthorization'))),
      row('SDK command without persistence (in-memory append)', 'sdk-nopersistence', pct(without('sdk-nopersistence'))),
      row('zod runtime `safeParse` alone, same inputs (reference)', 'zod-runtime', pct(alone('zod-runtime'))),
      row('zod `z.compile(schema).safeParse` alone (reference)', 'zod-compiled', pct(alone('zod-compiled'))),
    ],
    tables: [
      {
        title:
          'Validation in place, command by command (the one-process runs above: each command timed on its own, CPU of ' +
          'the process, its median over the timed lifecycles, then the median over runs; the difference of a command ' +
          'is its own validation and what running it does to the command around it)',
        header: [
          'command',
          'CPU µs with validation',
          'without',
          'difference (µs)',
          'part of the lifecycle’s difference',
          'share of the command',
        ],
        rows: byCommandRows(interleaved),
      },
    ],
    notes: [
      compiledIsOwn
        ? '`z.compile(BanliEventSchema)` returned a compiled parser of its own.'
        : '`z.compile(BanliEventSchema)` returned the schema itself, so the SDK\u2019s "compiled" event parser is the ' +
          'runtime parser (zod does not compile schemas with a reference cycle; issue 19 item 4).',
    ],
    targets: [
      {
        name: 'zod share of a command, measured in place (CPU)',
        measured: fmtStat(validationShare.cpu, 1, '%'),
        target: '< 10%',
        met: validationShare.cpu.median < 10,
      },
      {
        name: 'zod share of a command, measured in place (CPU), one process, median lifecycles',
        measured: fmtStat(interleavedValidation, 1, '%'),
        target: '< 10%',
        met: interleavedValidation.median < 10,
      },
    ],
    data: samples,
  };
}
