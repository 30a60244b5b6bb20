import { ReplyLetterSchema } from '@banli/schemas';
import { seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { LETTER_VARIANTS, letters, measureLetterVariant, shareOf } from '../src/sections/letters.js';
import { letterOfSize } from '../src/workload.js';

describe('letterOfSize', () => {
  it('should grow the seed letter to the size asked and keep it a valid reply answering every point', () => {
    const letter = letterOfSize(20 * 1024);
    const bytes = Buffer.byteLength(JSON.stringify(letter));
    expect(bytes).toBeGreaterThanOrEqual(20 * 1024);
    expect(bytes).toBeLessThan(22 * 1024);
    expect(ReplyLetterSchema.safeParse(letter).success).toBe(true);
    expect(letter.responses?.map((r) => r.suggestionIds)).toEqual(
      seedReplyLetter132402.responses?.map((r) => r.suggestionIds),
    );
  });
});

describe('letters section', () => {
  it('should give a part’s share of the command in percent, paired run by run', () => {
    expect(shareOf([10, 30, 12], [100, 200, 300])).toEqual({ median: 10, min: 4, max: 15, runs: 3 });
  });

  it.each(LETTER_VARIANTS)('should measure the %s variant on the 20 KB letter', async (variant) => {
    const s = await measureLetterVariant(variant, { calls: 2, commands: 1, bytes: 20 * 1024, warmLetters: 2 });
    expect(s.variant).toBe(variant);
    expect(s.wallUs).toBeGreaterThan(0);
    expect(s.bytes).toBeGreaterThanOrEqual(variant === 'read' ? 1024 : 20 * 1024);
    // The command variants also give the median command's CPU time, the others a mean per call only.
    if (variant.startsWith('command') || variant === 'event-in-place') expect(s.medianCpuUs).toBeGreaterThan(0);
    else expect(s.medianCpuUs).toBeUndefined();
    // Only the interleaved variants measure both kinds of command.
    if (variant.startsWith('command-interleaved')) expect(s.medianNoValidationCpuUs).toBeGreaterThan(0);
    else expect(s.medianNoValidationCpuUs).toBeUndefined();
    // The parse in place is timed cold and, every other command, after another parse; one command gives no warmed one.
    if (variant !== 'event-in-place') expect(s.medianAfterParseCpuUs).toBeUndefined();
  });

  it('should time the parse in place both cold and after another parse', async () => {
    const s = await measureLetterVariant('event-in-place', { calls: 2, commands: 4, bytes: 20 * 1024 });
    expect(s.medianCpuUs).toBeGreaterThan(0);
    expect(s.medianAfterParseCpuUs).toBeGreaterThan(0);
  });

  it('should report one row per variant and the share target', async () => {
    const section = await letters({ runs: 1, calls: 2, commands: 1, bytes: 20 * 1024, warmLetters: 2 });
    expect(section.rows.map((r) => r[0])).toEqual([
      '`banli.send(reply.submitDraft)` (SDK, in-memory store)',
      "`fastLetterEventParser('reply.submitDraft')(event)` (the parse alone, as the SDK runs it)",
      '`ReplyLetterSchema.safeParse(letter)` (runtime parser)',
      '`parseReplyLetter(text)` (the printed letter)',
      'the same command without validation (SDK measurement switch: no payload walk, no schema); the share: (command − this) ÷ command',
      'the same share from the median command of each run (CPU of each `send`, median per run; not moved by a few slow commands)',
      'the same share with both commands in one process, alternating command by command (median command of each per run)',
      'the parse alone in place: timed right before each command of an SDK without validation, median per run (share: of the median command with validation of the row above, paired by run); warmed: right after an untimed parse of another letter',
      'the same share as the one-process row, in a process that first parsed 2 letter events untimed (a long-running server, whose letter parsers V8 has optimised; the target is judged on the one-process row above, whose process reads 2 letters)',
      expect.stringMatching(/^the floor of the one-process row: /u),
    ]);
    // The row after a long warm-up has no target of its own: the targets stay the three rows above.
    expect(section.targets.map((t) => t.name)).toEqual([
      expect.stringMatching(/^validation of a 20\.\d KB letter ÷ the command carrying it \(CPU\), the parse alone$/u),
      expect.stringMatching(/^validation of a 20\.\d KB letter ÷ the command carrying it \(CPU\), in place$/u),
      expect.stringMatching(/, in place, median commands, one process$/u),
    ]);
  });
});
