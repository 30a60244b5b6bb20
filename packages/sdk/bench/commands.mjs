// In-memory SDK throughput: whole seed-like lifecycles through createBanli, against the bare coordinator and a bare xstate actor.
import { chinaMainland } from '@banli/calendar';
import { createHandlingSystem, presets } from '@banli/core';
import { createActor, createMachine } from 'xstate';
import { createBanli, createManualClock, createMemoryStore } from '../dist/index.js';
import { committee, proposalFor, script } from './lifecycle.mjs';

const N = Number(process.env.BENCH_PROPOSALS ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const policy = presets.guangdongCity;

async function sdkRun() {
  const banli = createBanli({
    store: createMemoryStore(),
    policy,
    calendar: chinaMainland,
    clock: createManualClock('2023-02-20'),
  });
  let commands = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const id = `p${i}`;
    await banli.submit(proposalFor(id), { actor: committee, draft: true, at: '2023-02-20' });
    commands++;
    for (const [event, actor] of script(id)) {
      await banli.send(id, event, { actor });
      commands++;
    }
  }
  return { commands, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

function coordinatorRun() {
  const system = createHandlingSystem({ policy, calendar: chinaMainland });
  let events = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const id = `p${i}`;
    let state = system.start({ proposal: proposalFor(id), at: '2023-02-20' });
    for (const [event] of script(id)) {
      state = system.send(state, event).state;
      events++;
    }
  }
  return { commands: events, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

// A flat 12-state machine with one assign per event: the "bare actor.send" reference of perf-anchors.md, roughly.
const flat = createMachine({
  context: { n: 0 },
  initial: 's0',
  states: Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [
      `s${i}`,
      { on: { next: { target: `s${(i + 1) % 12}`, actions: ({ context }) => context.n++ } } },
    ]),
  ),
});
function actorRun() {
  let events = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const actor = createActor(flat).start();
    for (let k = 0; k < 12; k++) {
      actor.send({ type: 'next' });
      events++;
    }
    actor.stop();
  }
  return { commands: events, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (r) => (r.commands / r.ms) * 1000;
const results = { sdk: [], coordinator: [], actor: [] };
await sdkRun(); // warm-up
coordinatorRun();
actorRun();
for (let r = 0; r < RUNS; r++) {
  results.sdk.push(rate(await sdkRun()));
  results.coordinator.push(rate(coordinatorRun()));
  results.actor.push(rate(actorRun()));
}
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const sdk = median(results.sdk);
console.log(`@banli/sdk in-memory: ${fmt(sdk)} commands/s (median of ${RUNS} runs × ${N} lifecycles of 13 commands)`);
console.log(
  `@banli/core coordinator send: ${fmt(median(results.coordinator))} events/s (SDK/coordinator ${(sdk / median(results.coordinator)).toFixed(2)})`,
);
console.log(
  `bare xstate actor.send (flat machine): ${fmt(median(results.actor))} events/s (SDK/actor ${(sdk / median(results.actor)).toFixed(2)})`,
);
