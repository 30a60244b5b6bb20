import { chinaMainland } from '@banli/calendar';
import { createBanli, createManualClock, createMemoryStore } from '@banli/sdk';
import { gc } from './harness.js';
import { policy } from './machines.js';
import { probe, type Usage } from './probe.js';
import { actors, COMMANDS_PER_LIFECYCLE, idOf, lifecycle, proposalFor } from './workload.js';

/** What one simulation measured. */
export interface SimulationResult {
  proposals: number;
  commands: number;
  /** Wall, process CPU, main-thread CPU and GC pauses of the timed span. */
  usage: Usage;
  /** Peak resident set size of the process, bytes. */
  peakRss: number;
  /** Heap still in use after the run and a full GC (everything the store retains), bytes. */
  retainedHeap: number;
}

async function phaseByPhase(n: number, offset: number): Promise<number> {
  const banli = createBanli({
    store: createMemoryStore(),
    policy,
    calendar: chinaMainland,
    clock: createManualClock('2023-02-20'),
  });
  const ids = Array.from({ length: n }, (_, i) => idOf(offset + i));
  for (const id of ids) await banli.submit(proposalFor(id), { actor: actors.committee, draft: true, at: '2023-02-20' });
  const scripts = ids.map((id) => lifecycle(id));
  const steps = scripts[0]?.length ?? 0;
  // All proposals are in flight at once and advance phase by phase, as a session's caseload does.
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < n; i++) {
      const [event, actor] = (scripts[i] as ReturnType<typeof lifecycle>)[s] as ReturnType<typeof lifecycle>[number];
      await banli.send(ids[i] as string, event, { actor });
    }
  }
  (globalThis as { __keep?: unknown }).__keep = banli;
  return n * COMMANDS_PER_LIFECYCLE;
}

/**
 * Drives `n` proposals through the whole lifecycle on the SDK's in-memory store, all in flight, phase by phase
 * (after a small warm-up so every N pays the same JIT cost); meant to run in a fresh process per N.
 */
export async function simulate(n: number, warmup = 200): Promise<SimulationResult> {
  await phaseByPhase(warmup, 10_000_000);
  (globalThis as { __keep?: unknown }).__keep = undefined;
  gc();
  const { result: commands, usage } = await probe(() => phaseByPhase(n, 0));
  gc();
  const retainedHeap = process.memoryUsage().heapUsed;
  (globalThis as { __keep?: unknown }).__keep = undefined;
  return { proposals: n, commands, usage, peakRss: process.resourceUsage().maxRSS * 1024, retainedHeap };
}
