import { fmt, fmtStat, interleave, paired, type Rate, stat } from '../harness.js';
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
  const rates = await interleave(
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
  const wall = (xs: Rate[]) => xs.map((x) => x.wall);
  const r = {
    sdk: wall(rates.sdk),
    core: wall(rates.core),
    actor: wall(rates.actor),
    scope: wall(rates.scope),
    reducer: wall(rates.reducer),
  };
  const cpuUs = (xs: Rate[]) => fmtStat(stat(xs.map((x) => 1e6 / x.cpu)), 1);
  const vsActor = (xs: number[]) => stat(paired(xs, r.actor));
  const row = (name: string, key: keyof typeof r) => {
    const xs = r[key];
    const us = stat(xs.map((x) => 1e6 / x));
    return [name, fmtStat(stat(xs)), fmtStat(us, 1), cpuUs(rates[key]), fmtStat(vsActor(xs), 3)];
  };
  const sdkVsActor = vsActor(r.sdk);
  const reducerVsSdk = stat(paired(r.reducer, r.sdk));
  return {
    title: '1. Event throughput',
    intro:
      `${fmt(o.lifecycles)} whole lifecycles of ${COMMANDS_PER_LIFECYCLE} commands each (create, submit, review, register, ` +
      'assign, accept, draft, submit the seed reply letter 132402, sign off, three proposers\u2019 feedback, archive), the ' +
      `same events through each variant, interleaved; ${o.runs} runs after ${o.warmups} warm-up(s). Rates are user ` +
      'events (commands) per wall-clock second; internal events the machines trigger (case.accepted, case.replied, …) are ' +
      'not counted. Ratios are paired run by run. CPU µs/event is CPU time of the process (user + system, all threads, ' +
      'so parallel garbage collection included) per event: what an event costs whatever else runs on the machine.',
    header: ['variant', 'events/s median (min–max)', 'µs/event', 'CPU µs/event', '× bare actor.send'],
    rows: [
      row('`banli.send` (SDK, in-memory store: validate, authorise, load, send, persist, log, index)', 'sdk'),
      row('`createHandlingSystem().send` (@banli/core coordinator alone: JSON state in, JSON state out)', 'core'),
      row('bare xstate `createActor(proposalMachine/caseMachine).send` (live actors, emissions forwarded)', 'actor'),
      row('`machine.transition(snapshot, event, reusedScope)` (pure, same coordination)', 'scope'),
      row('hand-written reducer (switch, immutable spreads, same due dates)', 'reducer'),
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
