import { BanliEventSchema, ProposalSchema } from '@banli/schemas';
import { z } from 'zod';
import { fmt, fmtStat, gc, stat } from '../harness.js';
import { probe, type Usage } from '../probe.js';
import type { Section } from '../report.js';
import { pairedStat, removedShare, runRounds } from '../runner.js';
import { sample } from '../sample.js';
import { prepare, SDK_MODES, type SdkMode, sdkRun } from '../variants.js';
import { COMMANDS_PER_LIFECYCLE } from '../workload.js';

/** Options of the command shares. */
export interface ValidationOptions {
  /** Timed lifecycles per sample (13 commands each). */
  lifecycles: number;
  /** Rounds; each runs every variant once in a fresh process, the order rotated round by round. */
  runs: number;
  /** Untimed warm-up lifecycles in each process. */
  warmup: number;
  /** The script that measures one variant in a fresh process (dist/main.js); without it, in this process (tests). */
  script?: string | undefined;
}

/** zod alone on the inputs the SDK validates: the runtime parser and `z.compile()`'s. */
const PARSERS = ['zod-runtime', 'zod-compiled'] as const;
/** A variant of the shares section: an SDK mode or zod alone. */
const SHARE_VARIANTS = [...SDK_MODES, ...PARSERS] as const;
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

/** Measures one variant in this process (the child's work). */
export async function measureShare(p: ShareParams): Promise<ShareSample> {
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
      { variant, lifecycles: o.lifecycles, warmup: o.warmup },
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
      'reference: measured apart from the command, it misses what validation costs the command around it.',
    header: ['variant', 'µs/command (wall)', 'CPU µs/command', 'share of a command (CPU)', 'share (wall)'],
    rows: [
      row('SDK command, whole', 'sdk', ['100%', '100%']),
      row('SDK command without validation', 'sdk-novalidation', pct(validationShare)),
      row('SDK command without authorisation', 'sdk-noauthorization', pct(without('sdk-noauthorization'))),
      row('SDK command without persistence (in-memory append)', 'sdk-nopersistence', pct(without('sdk-nopersistence'))),
      row('zod runtime `safeParse` alone, same inputs (reference)', 'zod-runtime', pct(alone('zod-runtime'))),
      row('zod `z.compile(schema).safeParse` alone (reference)', 'zod-compiled', pct(alone('zod-compiled'))),
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
    ],
    data: samples,
  };
}
