import { fmt, fmtStat, interleave, paired, stat } from '../harness.js';
import type { Section } from '../report.js';
import { actorRun, coreRun, prepare, reducerRun, scopeRun, sdkRun } from '../variants.js';
import { COMMANDS_PER_LIFECYCLE } from '../workload.js';

/** Options of the throughput comparison. */
export interface ThroughputOptions {
  lifecycles: number;
  runs: number;
  warmups: number;
}

/** Event throughput: SDK send vs bare actor.send vs machine.transition (reused scope) vs a hand-written reducer. */
export async function throughput(o: ThroughputOptions): Promise<Section & { sdkRates: number[] }> {
  const work = prepare(o.lifecycles);
  const r = await interleave(
    {
      sdk: () => sdkRun(work),
      core: () => coreRun(work),
      actor: () => actorRun(work),
      scope: () => scopeRun(work),
      reducer: () => reducerRun(work),
    },
    o.runs,
    o.warmups,
  );
  const vsActor = (xs: number[]) => stat(paired(xs, r.actor));
  const row = (name: string, xs: number[]) => {
    const ratio = vsActor(xs);
    const us = stat(xs.map((x) => 1e6 / x));
    return [name, fmtStat(stat(xs)), fmtStat(us, 1), fmtStat(ratio, 3)];
  };
  const sdkVsActor = vsActor(r.sdk);
  const reducerVsSdk = stat(paired(r.reducer, r.sdk));
  return {
    title: '1. Event throughput',
    intro:
      `${fmt(o.lifecycles)} whole lifecycles of ${COMMANDS_PER_LIFECYCLE} commands each (create, submit, review, register, ` +
      'assign, accept, draft, submit the seed reply letter 132402, sign off, three proposers\u2019 feedback, archive), the ' +
      `same events through each variant, interleaved; ${o.runs} runs after ${o.warmups} warm-up(s). Rates are user ` +
      'events (commands) per CPU second of this process (user + system time, all threads, GC included), so other load on ' +
      'a shared machine does not enter them; internal events the machines trigger (case.accepted, case.replied, …) are ' +
      'not counted. Ratios are paired run by run.',
    header: ['variant', 'events per CPU s, median (min–max)', 'CPU µs/event', '× bare actor.send'],
    rows: [
      row('`banli.send` (SDK, in-memory store: validate, authorise, load, send, persist, log, index)', r.sdk),
      row('`createHandlingSystem().send` (@banli/core coordinator alone: JSON state in, JSON state out)', r.core),
      row('bare xstate `createActor(proposalMachine/caseMachine).send` (live actors, emissions forwarded)', r.actor),
      row('`machine.transition(snapshot, event, reusedScope)` (pure, same coordination)', r.scope),
      row('hand-written reducer (switch, immutable spreads, same due dates)', r.reducer),
    ],
    targets: [
      {
        name: 'SDK send ÷ bare actor.send',
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
    sdkRates: r.sdk,
  };
}
