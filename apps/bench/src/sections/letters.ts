import { availableParallelism, loadavg } from 'node:os';
import { chinaMainland } from '@banli/calendar';
import { dataCopier } from '@banli/core/internal';
import {
  fastLetterEventParser,
  parseReplyLetter,
  type ReplyLetter,
  ReplyLetterSchema,
  textRuleViolation,
} from '@banli/schemas';
import { createBanli, createManualClock, createMemoryStore, renderLetter } from '@banli/sdk';
import { cpuMsSince, cpuNow, fmt, fmtStat, gc, msSince, paired, type Stat, stat } from '../harness.js';
import { policy } from '../machines.js';
import type { Section } from '../report.js';
import { removedShare, runRounds } from '../runner.js';
import { sample } from '../sample.js';
import { actors, caseIdOf, idOf, letterOfSize, lifecycle, proposalFor } from '../workload.js';

/**
 * The letter variants, each measured in a process of its own. `command-interleaved` runs the command with and without
 * validation in one process, alternating command by command; `event-in-place` times the parse alone between commands
 * (see {@link measureLetterVariant}); `command-interleaved-warmed` is `command-interleaved` in a process that has first
 * parsed {@link LettersOptions.warmLetters} letter events, untimed; `command-interleaved-copy` and `-text` are
 * `command-interleaved` with the letter's parse replaced by a plain copy and by a copy reading the text rules (the floor).
 */
export const LETTER_VARIANTS = [
  'letter',
  'event',
  'read',
  'command',
  'command-novalidation',
  'command-interleaved',
  'event-in-place',
  'command-interleaved-warmed',
  'command-interleaved-copy',
  'command-interleaved-text',
] as const;
/** One letter variant. */
export type LetterVariant = (typeof LETTER_VARIANTS)[number];

/** Options of the letter section. */
export interface LettersOptions {
  /** Runs per variant; each run is one fresh process per variant, variants interleaved run by run. */
  runs: number;
  /** Timed operations per run (validations and reads), after as many untimed warm-up ones. */
  calls: number;
  /**
   * Timed `reply.submitDraft` commands per run (each on its own proposal, brought to drafting untimed), after as many
   * untimed ones, so the command runs warm as the validations and reads do.
   */
  commands: number;
  /** The letter's size in bytes of JSON. */
  bytes: number;
  /**
   * `command-interleaved-warmed`: letter events parsed untimed (by the parser the SDK runs) before that variant's
   * commands, so the process has read as many letters as a long-running server has (issue 15: V8 optimises the
   * letter parsers after about 1,000 to 3,000 letters; the other command rows run 400 letters a process). Default 4,000.
   */
  warmLetters?: number;
  /** Run each variant in a fresh `node --expose-gc` process of this script (else in this process, for the smoke test). */
  script?: string;
}

/** What one variant measured in one run: wall and CPU µs per operation, and the input's size. */
export interface LetterSample {
  variant: LetterVariant;
  wallUs: number;
  cpuUs: number;
  /**
   * The command variants: the median of each command's own CPU µs (process CPU around each `send`), which a few slow
   * commands (a core's caches taken by other processes on a loaded machine) do not move as they move the mean.
   */
  medianCpuUs?: number;
  /**
   * `command-interleaved`: the median command's CPU µs without validation, measured in the same process as
   * `medianCpuUs` (with it), the two kinds of command alternating.
   */
  medianNoValidationCpuUs?: number;
  /**
   * `event-in-place`: the median CPU µs of the parse alone timed between commands (`medianCpuUs`) when another letter
   * was parsed just before it, untimed: what parsing leaves warm for the next parse.
   */
  medianAfterParseCpuUs?: number;
  bytes: number;
}

function timeLoop(n: number, fn: () => void): { wallUs: number; cpuUs: number } {
  for (let i = 0; i < n; i++) fn();
  gc();
  const wall = process.hrtime.bigint();
  const cpu = cpuNow();
  for (let i = 0; i < n; i++) fn();
  return { wallUs: (msSince(wall) * 1000) / n, cpuUs: (cpuMsSince(cpu) * 1000) / n };
}

/** Measures one variant in this process (the child's work). */
export async function measureLetterVariant(
  variant: LetterVariant,
  o: Pick<LettersOptions, 'calls' | 'commands' | 'bytes' | 'warmLetters'>,
): Promise<LetterSample> {
  const letter = letterOfSize(o.bytes);
  const bytes = Buffer.byteLength(JSON.stringify(letter));
  const check = (ok: boolean) => {
    if (!ok) throw new Error(`letter bench: ${variant} refused the letter`);
  };
  if (variant === 'letter') {
    return { variant, bytes, ...timeLoop(o.calls, () => check(ReplyLetterSchema.safeParse(letter).success)) };
  }
  if (variant === 'event') {
    // The parse the SDK runs on `reply.submitDraft` (issue 15): the hand-written parser of that event type, over the
    // whole event, letter included (zod runs only when it refuses).
    const parse = fastLetterEventParser('reply.submitDraft');
    if (parse === undefined) throw new Error('letter bench: no parser of reply.submitDraft');
    const event = { type: 'reply.submitDraft', at: '2023-06-20', caseId: caseIdOf(idOf(0)), letter };
    return { variant, bytes, ...timeLoop(o.calls, () => check(parse(event) !== undefined)) };
  }
  if (variant === 'read') {
    const text = renderLetter(letter, 'text');
    return {
      variant,
      bytes: Buffer.byteLength(text),
      ...timeLoop(o.calls, () => check(parseReplyLetter(text).letter !== undefined)),
    };
  }
  // The command that carries the letter: `reply.submitDraft` through `banli.send` (validate, authorise, load, send,
  // persist, log, index), each on its own proposal already brought to drafting.
  // `command-novalidation`: the same command with the SDK's measurement switch `skipValidation` (validation's share in place).
  if (variant === 'command-interleaved') return interleaved(variant, letter, bytes, o.commands);
  if (variant === 'command-interleaved-warmed') {
    // A process that has read many letters before (a long-running server): the parser the SDK runs, on copies of
    // the letter in turn, untimed; then the same measure as `command-interleaved`.
    const parse = fastLetterEventParser('reply.submitDraft');
    if (parse === undefined) throw new Error('letter bench: no parser of reply.submitDraft');
    const copies = Array.from({ length: 8 }, (_, i) => ({
      type: 'reply.submitDraft',
      at: '2023-06-20',
      caseId: caseIdOf(idOf(i)),
      letter: structuredClone(letter),
    }));
    const n = o.warmLetters ?? WARM_LETTERS;
    for (let i = 0; i < n; i++) check(parse(copies[i % copies.length]) !== undefined);
    return interleaved(variant, letter, bytes, o.commands);
  }
  if (variant === 'event-in-place') return parseInPlace(letter, bytes, o.commands);
  // The floor (issue 15): the one-process measure with the letter's parse replaced, where the command runs it, by a
  // plain copy of the event (what the SDK without validation runs instead) or by the copy reading every string's text
  // rules (what any parser must read), through the SDK's measurement switch `letterParse`.
  if (variant === 'command-interleaved-copy') return interleaved(variant, letter, bytes, o.commands, plainCopy);
  if (variant === 'command-interleaved-text') return interleaved(variant, letter, bytes, o.commands, copyWithTextRules);
  const rig = await commandRig(letter, variant === 'command-novalidation', o.commands);
  const each: number[] = [];
  gc();
  const wall = process.hrtime.bigint();
  const cpu = cpuNow();
  for (let i = 0; i < o.commands; i++) each.push(await rig.timed(i));
  return {
    variant,
    bytes,
    wallUs: (msSince(wall) * 1000) / o.commands,
    cpuUs: (cpuMsSince(cpu) * 1000) / o.commands,
    medianCpuUs: stat(each).median,
  };
}

/** Letter events a `command-interleaved-warmed` process parses first, untimed (see {@link LettersOptions}). */
const WARM_LETTERS = 4_000;

/**
 * Both kinds of command in one process, alternating one by one (which goes first alternates too), each SDK with its
 * own store: a command with validation and one without run next to each other, under the same load, caches and JIT
 * state, so what the machine does meanwhile (other processes, frequency) moves both alike. Separate processes (the
 * `command` and `command-novalidation` variants) differ by more than validation costs: under load their medians
 * differ run to run by more than half (issue 15).
 */
async function interleaved(
  variant: LetterVariant,
  letter: ReplyLetter,
  bytes: number,
  commands: number,
  letterParse?: (event: unknown) => unknown,
): Promise<LetterSample> {
  const withIt = await commandRig(letter, false, commands, letterParse);
  const without = await commandRig(letter, true, commands);
  const a: number[] = [];
  const b: number[] = [];
  gc();
  const wall = process.hrtime.bigint();
  const cpu = cpuNow();
  for (let i = 0; i < commands; i++) {
    if (i % 2 === 0) {
      a.push(await withIt.timed(i));
      b.push(await without.timed(i));
    } else {
      b.push(await without.timed(i));
      a.push(await withIt.timed(i));
    }
  }
  return {
    variant,
    bytes,
    wallUs: (msSince(wall) * 1000) / (2 * commands),
    cpuUs: (cpuMsSince(cpu) * 1000) / (2 * commands),
    medianCpuUs: stat(a).median,
    medianNoValidationCpuUs: stat(b).median,
  };
}

/**
 * The parse of the `reply.submitDraft` event (the parser the SDK runs) timed where the command runs it, not in a loop
 * (issue 15: 25–30 µs there against 9–11 in a loop): two SDKs without validation send their commands in turn, as in
 * `command-interleaved`, and right before each command of the first its event is parsed and timed (CPU of the
 * process). Every other parse follows an untimed parse of a spare copy of the letter, so the sample tells the cold
 * parse (`medianCpuUs`) from one that another parse has warmed (`medianAfterParseCpuUs`).
 */
async function parseInPlace(letter: ReplyLetter, bytes: number, commands: number): Promise<LetterSample> {
  const parse = fastLetterEventParser('reply.submitDraft');
  if (parse === undefined) throw new Error('letter bench: no parser of reply.submitDraft');
  const parsed = (event: unknown) => {
    if (parse(event) === undefined) throw new Error('letter bench: event-in-place refused the letter');
  };
  const one = await commandRig(letter, true, commands);
  const two = await commandRig(letter, true, commands);
  const spare = { type: 'reply.submitDraft', at: '2023-06-20', caseId: caseIdOf(idOf(0)), letter };
  const cold: number[] = [];
  const warmed: number[] = [];
  gc();
  const wall = process.hrtime.bigint();
  const cpu = cpuNow();
  for (let i = 0; i < commands; i++) {
    const afterParse = i % 2 === 1;
    if (afterParse) parsed(spare);
    const t = cpuNow();
    parsed(one.event(i));
    (afterParse ? warmed : cold).push(cpuMsSince(t) * 1000);
    await one.timed(i);
    await two.timed(i);
  }
  return {
    variant: 'event-in-place',
    bytes,
    wallUs: (msSince(wall) * 1000) / commands,
    cpuUs: (cpuMsSince(cpu) * 1000) / commands,
    medianCpuUs: stat(cold).median,
    ...(warmed.length > 0 ? { medianAfterParseCpuUs: stat(warmed).median } : {}),
  };
}

/**
 * A plain copy of the event: what the SDK without validation runs instead of the parse, with the SDK's own copier
 * (`cloneData` is core's `dataCopier()`).
 */
const plainCopy = dataCopier();

/** The same copy holding every string to the text rules (`textRuleViolation`), as any parse must read them. */
const copyWithTextRules = dataCopier((value) => {
  if (textRuleViolation(value) !== undefined) throw new Error('letter bench: a string breaks the text rules');
});

/**
 * An SDK (with validation, or without it through the measurement switch `skipValidation`) with `commands` proposals
 * warmed up by a `reply.submitDraft` each and `commands` more brought to drafting, each with its event ready: `timed(i)`
 * sends the i-th of those and answers the CPU µs it took (process CPU around the `send`); `event(i)` is its event.
 */
async function commandRig(
  letter: ReplyLetter,
  skipValidation: boolean,
  commands: number,
  letterParse?: (event: unknown) => unknown,
) {
  const switches = skipValidation ? { skipValidation: true } : letterParse ? { letterParse } : undefined;
  const skip = switches ? { [Symbol.for('@banli/sdk.measurement')]: switches } : {};
  const banli = createBanli({
    ...skip,
    store: createMemoryStore(),
    policy,
    calendar: chinaMainland,
    clock: createManualClock('2023-02-20'),
  });
  const drafting = async (from: number, n: number) => {
    const ids: string[] = [];
    for (let i = from; i < from + n; i++) {
      const id = idOf(i);
      await banli.submit(proposalFor(id), { actor: actors.committee, draft: true, at: '2023-02-20' });
      for (const [event, actor] of lifecycle(id).slice(0, 6)) await banli.send(id, event, { actor });
      ids.push(id);
    }
    return ids;
  };
  // Each command carries a letter of its own (a deep copy, made untimed), as a caller's would: one letter object
  // shared by every command lets the variant without validation log and keep that one object for all of them.
  const submitDraft = (id: string) => ({
    type: 'reply.submitDraft',
    at: '2023-06-20',
    caseId: caseIdOf(id),
    letter: structuredClone(letter),
  });
  const submit = (id: string, event = submitDraft(id)) => banli.send(id, event, { actor: actors.lead });
  // Warm-up: as many untimed commands as timed ones, as the validations and reads get (it was a fifth: after 40, V8
  // still optimised 72 functions during 200 timed commands, 14 after 200 untimed ones; issue 15).
  for (const id of await drafting(0, commands)) await submit(id);
  const ids = await drafting(1_000_000, commands);
  const events = ids.map(submitDraft);
  return {
    /** The event of the i-th timed command. */
    event: (i: number) => events[i],
    async timed(i: number): Promise<number> {
      const one = cpuNow();
      await submit(ids[i] as string, events[i]);
      return cpuMsSince(one) * 1000;
    },
  };
}

/** A part's share of a whole in percent, paired run by run: (µs of the part ÷ µs of the whole) × 100. */
export function shareOf(part: readonly number[], whole: readonly number[]): Stat {
  return stat(paired(part, whole).map((x) => x * 100));
}

/** Parameters of one letter sample (what the child process is given). */
export type LetterParams = { variant: LetterVariant } & Pick<
  LettersOptions,
  'calls' | 'commands' | 'bytes' | 'warmLetters'
>;

/** Measures one letter variant from its parameters (the child's work). */
export function measureLetterParams(p: LetterParams): Promise<LetterSample> {
  if (!LETTER_VARIANTS.includes(p.variant)) throw new Error(`unknown letter variant ${p.variant}`);
  return measureLetterVariant(p.variant, p);
}

/**
 * Letter validation and reader cost (issue 15): a 20 KB reply letter validated by `ReplyLetterSchema` and inside the
 * compiled event schema the SDK uses, read back from its printed text by `parseReplyLetter`, and the whole
 * `reply.submitDraft` command that carries it; one fresh process per variant and run, variants interleaved.
 */
export async function letters(o: LettersOptions): Promise<Section> {
  const loadBefore = loadavg()[0] ?? 0;
  // One fresh process per variant and run; the order rotated run by run, so no variant always runs first.
  const byVariant = await runRounds(LETTER_VARIANTS, o.runs, (variant) =>
    sample<LetterParams, LetterSample>(
      o.script,
      'letters',
      { variant, calls: o.calls, commands: o.commands, bytes: o.bytes, warmLetters: o.warmLetters },
      measureLetterParams,
    ),
  );
  const samples = new Map<LetterVariant, LetterSample[]>(LETTER_VARIANTS.map((v) => [v, byVariant[v]]));
  const loadAfter = loadavg()[0] ?? 0;
  const cores = availableParallelism();
  const loaded = Math.max(loadBefore, loadAfter) > cores;
  const of = (v: LetterVariant) => samples.get(v) ?? [];
  const cpu = (v: LetterVariant) => of(v).map((s) => s.cpuUs);
  const wall = (v: LetterVariant) => of(v).map((s) => s.wallUs);
  // Share of the command, paired run by run: (µs of the part) ÷ (µs of the command) × 100.
  const share = (v: LetterVariant) => shareOf(cpu(v), cpu('command'));
  const eventShare = share('event');
  const inPlace = removedShare(cpu('command'), cpu('command-novalidation'));
  const medianCpu = (v: LetterVariant) => of(v).map((s) => s.medianCpuUs ?? s.cpuUs);
  const inPlaceMedian = removedShare(medianCpu('command'), medianCpu('command-novalidation'));
  // The same share with both commands in one process, alternating: per run, from its two median commands. The
  // estimators above pair two processes per run, whose medians differ by more than validation costs when the machine
  // is loaded (their ranges spanned −30% to +50%, issue 15): here the load, the caches and the JIT state are shared.
  const interleaved = of('command-interleaved');
  const inPlaceParse = of('event-in-place');
  const interleavedShareOf = (samples: readonly LetterSample[]) =>
    removedShare(
      samples.map((s) => s.medianCpuUs ?? s.cpuUs),
      samples.map((s) => s.medianNoValidationCpuUs ?? s.cpuUs),
    );
  const interleavedShare = interleavedShareOf(interleaved);
  const warmed = of('command-interleaved-warmed');
  const commandsOf = (samples: readonly LetterSample[]) =>
    `${fmtStat(stat(samples.map((s) => s.medianCpuUs ?? 0)), 1, ' µs')} with validation, ${fmtStat(stat(samples.map((s) => s.medianNoValidationCpuUs ?? 0)), 1, ' µs')} without`;
  const kb = (v: LetterVariant) => `${fmt((of(v)[0]?.bytes ?? 0) / 1024, 1)} KB`;
  const row = (v: LetterVariant, what: string, ofCommand: string): string[] => [
    what,
    kb(v),
    fmtStat(stat(wall(v)), 1, ' µs'),
    fmtStat(stat(cpu(v)), 1, ' µs'),
    ofCommand,
  ];
  return {
    title: '8. Letters',
    intro:
      `A reply letter of ${kb('letter')} of JSON (the seed letter 132402 with its answer paragraphs repeated, still a ` +
      'valid reply to the seed proposal), validated, read and submitted; each variant runs in a fresh `node --expose-gc` ' +
      `process, ${o.runs} run(s) per variant with the variants interleaved (order rotated run by run); ${fmt(o.calls)} ` +
      `timed validations or reads per run after as many warm-up ones, ${fmt(o.commands)} timed \`reply.submitDraft\` ` +
      'commands per run after as many untimed ones, each on its own proposal brought to drafting untimed and carrying ' +
      'its own copy of the letter. The command with validation and without runs in separate processes (rows 1 and 5, ' +
      'and their median commands), and both in one process, alternating command by command (last row): a few slow ' +
      'commands move a mean, and two processes differ by more than validation costs when the machine is loaded. ' +
      'The share is CPU time of the part ÷ CPU ' +
      'time of the command, paired run by run (CPU time of the process, so waiting for a core on a loaded machine does ' +
      'not count). The reader row reads the letter as `renderLetter` prints it (its input is that text).',
    header: ['variant', 'input', 'wall µs/op median (min–max)', 'CPU µs/op', 'share of the command (CPU)'],
    rows: [
      row('command', '`banli.send(reply.submitDraft)` (SDK, in-memory store)', '100%'),
      row(
        'event',
        "`fastLetterEventParser('reply.submitDraft')(event)` (the parse alone, as the SDK runs it)",
        fmtStat(eventShare, 1, '%'),
      ),
      row('letter', '`ReplyLetterSchema.safeParse(letter)` (runtime parser)', fmtStat(share('letter'), 1, '%')),
      row('read', '`parseReplyLetter(text)` (the printed letter)', fmtStat(share('read'), 1, '%')),
      row(
        'command-novalidation',
        'the same command without validation (SDK measurement switch: no payload walk, no schema); the share: (command − this) ÷ command',
        fmtStat(inPlace, 1, '%'),
      ),
      [
        'the same share from the median command of each run (CPU of each `send`, median per run; not moved by a few slow commands)',
        kb('command'),
        '',
        `${fmtStat(stat(medianCpu('command')), 1, ' µs')} with validation, ${fmtStat(stat(medianCpu('command-novalidation')), 1, ' µs')} without`,
        fmtStat(inPlaceMedian, 1, '%'),
      ],
      [
        'the same share with both commands in one process, alternating command by command (median command of each per run)',
        kb('command-interleaved'),
        '',
        commandsOf(interleaved),
        fmtStat(interleavedShare, 1, '%'),
      ],
      [
        'the parse alone in place: timed right before each command of an SDK without validation, median per run (share: of the median command with validation of the row above, paired by run); warmed: right after an untimed parse of another letter',
        kb('event-in-place'),
        '',
        `${fmtStat(stat(inPlaceParse.map((s) => s.medianCpuUs ?? 0)), 1, ' µs')}, warmed ${fmtStat(stat(inPlaceParse.map((s) => s.medianAfterParseCpuUs ?? 0)), 1, ' µs')}`,
        fmtStat(
          shareOf(
            inPlaceParse.map((s) => s.medianCpuUs ?? 0),
            interleaved.map((s) => s.medianCpuUs ?? s.cpuUs),
          ),
          1,
          '%',
        ),
      ],
      [
        `the same share as the one-process row, in a process that first parsed ${fmt(o.warmLetters ?? WARM_LETTERS)} letter events untimed (a long-running server, whose letter parsers V8 has optimised; the target is judged on the one-process row above, whose process reads ${fmt(2 * o.commands)} letters)`,
        kb('command-interleaved-warmed'),
        '',
        commandsOf(warmed),
        fmtStat(interleavedShareOf(warmed), 1, '%'),
      ],
      [
        'the floor of the one-process row: the same measure with the letter’s parse replaced, where the command runs it, by a plain copy of the event (what the SDK without validation runs instead: the difference this leaves is the boundary’s own), then by that copy reading every string’s text rules (what any parser must read)',
        kb('command-interleaved-text'),
        '',
        `copy: ${commandsOf(of('command-interleaved-copy'))}; with text rules: ${commandsOf(of('command-interleaved-text'))}`,
        `copy ${fmtStat(interleavedShareOf(of('command-interleaved-copy')), 1, '%')}; with text rules ${fmtStat(interleavedShareOf(of('command-interleaved-text')), 1, '%')}`,
      ],
    ],
    notes: [
      `1-minute load average ${fmt(loadBefore, 1)} before and ${fmt(loadAfter, 1)} after, on ${cores} core(s)` +
        (loaded
          ? ': measured under load (other processes wanted more cores than the machine has), so wall times are inflated ' +
            'and the CPU-time figures and the shares are the ones to read.'
          : '.'),
    ],
    targets: [
      {
        name: `validation of a ${kb('letter')} letter ÷ the command carrying it (CPU), the parse alone`,
        measured: fmtStat(eventShare, 1, '%'),
        target: '< 10%',
        met: eventShare.median < 10,
      },
      {
        name: `validation of a ${kb('letter')} letter ÷ the command carrying it (CPU), in place`,
        measured: fmtStat(inPlace, 1, '%'),
        target: '< 10%',
        met: inPlace.median < 10,
      },
      {
        name: `validation of a ${kb('letter')} letter ÷ the command carrying it (CPU), in place, median commands, one process`,
        measured: fmtStat(interleavedShare, 1, '%'),
        target: '< 10%',
        met: interleavedShare.median < 10,
      },
    ],
  };
}
