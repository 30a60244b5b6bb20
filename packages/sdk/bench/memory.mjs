// Heap retained per proposal by the in-memory store after whole lifecycles: node --expose-gc bench/memory.mjs [n]
import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { createBanli, createManualClock, createMemoryStore } from '../dist/index.js';
import { committee, proposalFor, script } from './lifecycle.mjs';

const N = Number(process.argv[2] ?? 2000);
if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc');

const heap = () => {
  global.gc();
  global.gc();
  return process.memoryUsage().heapUsed;
};
const store = createMemoryStore();
const banli = createBanli({
  store,
  policy: presets.guangdongCity,
  calendar: chinaMainland,
  clock: createManualClock('2023-02-20'),
  cache: false,
});
const run = async (from, n) => {
  for (let i = from; i < from + n; i++) {
    const id = `p${String(i).padStart(7, '0')}`;
    await banli.submit(proposalFor(id), { actor: committee, draft: true, at: '2023-02-20' });
    for (const [event, actor] of script(id)) await banli.send(id, event, { actor });
  }
};
await run(1_000_000, 20); // warm up caches (alert planner, derivations) before the baseline
const before = heap();
await run(0, N);
const after = heap();
process.stdout.write(`${N} proposals: ${Math.round((after - before) / N)} bytes retained per proposal\n`);
