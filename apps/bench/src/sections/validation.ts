import { BanliEventSchema, ProposalSchema } from '@banli/schemas';
import { z } from 'zod';
import { fmtStat, interleave, paired, type Rate, rateSince, startRate, stat } from '../harness.js';
import type { Section } from '../report.js';
import { prepare, sdkRun } from '../variants.js';
import { COMMANDS_PER_LIFECYCLE } from '../workload.js';

/** Options of the validation share. */
export interface ValidationOptions {
  lifecycles: number;
  runs: number;
  warmups: number;
}

type Parser = { safeParse(input: unknown): { success: boolean } };

function parseAll(work: ReturnType<typeof prepare>, proposal: Parser, event: Parser): Rate {
  let commands = 0;
  const t0 = startRate();
  for (const w of work) {
    if (!proposal.safeParse(w.proposal).success) throw new Error('invalid proposal');
    commands++;
    for (const [e] of w.commands) {
      if (!event.safeParse(e).success) throw new Error(`invalid ${e.type}`);
      commands++;
    }
  }
  return rateSince(commands, t0);
}

/** The share of a command's time spent in zod, runtime and compiled, paired with SDK runs of the same commands. */
export async function validation(o: ValidationOptions): Promise<Section> {
  const work = prepare(o.lifecycles);
  const compiledProposal = z.compile(ProposalSchema);
  const compiledEvent = z.compile(BanliEventSchema);
  const rates = await interleave(
    {
      sdk: () => sdkRun(work),
      runtime: () => parseAll(work, ProposalSchema, BanliEventSchema),
      compiled: () => parseAll(work, compiledProposal, compiledEvent),
    },
    o.runs,
    o.warmups,
  );
  // Wall-clock rates, as every throughput figure; the runs are interleaved in one process.
  const wall = (xs: Rate[]) => xs.map((x) => x.wall);
  const r = { sdk: wall(rates.sdk), runtime: wall(rates.runtime), compiled: wall(rates.compiled) };
  // Share = (1 / zod rate) / (1 / SDK rate), per command.
  const share = (xs: number[]) => stat(paired(r.sdk, xs).map((x) => x * 100));
  const runtimeShare = share(r.runtime);
  const compiledShare = share(r.compiled);
  const us = (xs: number[]) => fmtStat(stat(xs.map((x) => 1e6 / x)), 2, ' µs');
  return {
    title: '3. Validation',
    intro:
      `The same ${o.lifecycles} × ${COMMANDS_PER_LIFECYCLE} inputs the SDK validates (ProposalSchema for the creation, ` +
      'BanliEventSchema for each event) parsed by zod alone, runtime and `z.compile()`d, interleaved with SDK runs of ' +
      'the same commands; the share is zod time per command ÷ SDK time per command, paired run by run. The SDK parses ' +
      'with the compiled schemas (they fall back to the runtime parser on invalid input, which builds the issues).',
    header: ['parser', 'per command', 'share of an SDK command'],
    rows: [
      ['SDK command (whole `send`)', us(r.sdk), '100%'],
      ['zod runtime `safeParse`', us(r.runtime), fmtStat(runtimeShare, 1, '%')],
      ['zod `z.compile(schema).safeParse`', us(r.compiled), fmtStat(compiledShare, 1, '%')],
    ],
    targets: [
      {
        name: 'zod share of a command (compiled, as the SDK uses it)',
        measured: fmtStat(compiledShare, 1, '%'),
        target: '< 10%',
        met: compiledShare.median < 10,
      },
      {
        name: 'zod share of a command (runtime parser, for reference)',
        measured: fmtStat(runtimeShare, 1, '%'),
        target: '< 10%',
        met: runtimeShare.median < 10,
      },
    ],
  };
}
