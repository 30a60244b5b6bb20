import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaMainland } from '@banli/calendar';
import { describe, expect, it } from 'vitest';
import { policy } from '../src/machines.js';
import { createReducer } from '../src/reducer.js';
import { runSuite, type SuiteConfig } from '../src/suite.js';
import { actorRun, coreRun, prepare, reducerRun, SDK_MODES, scopeRun, sdkRun } from '../src/variants.js';
import { COMMAND_NAMES } from '../src/workload.js';

// Tiny sizes: every section runs end to end (so none can rot) in a few seconds; figures are meaningless here.
const tiny: SuiteConfig = {
  throughput: { lifecycles: 3, runs: 1, warmup: 0, script: undefined },
  scaling: {
    sizes: [
      { n: 5, runs: 1 },
      { n: 10, runs: 1 },
    ],
    script: undefined,
  },
  validation: { lifecycles: 3, runs: 1, warmup: 0, warmedWarmup: 2, script: undefined },
  persistence: { lifecycles: 3, runs: 1, warmups: 0 },
  stores: {
    lifecycles: 1,
    concurrency: 2,
    runs: 1,
    openCases: 5,
    sqlOpenCases: 5,
    rawMs: 50,
    // PGlite's start (wasm, initdb) alone takes 10–30 s here; it shares the SQL store code path with PostgreSQL.
    pglite: 'skip',
    warmupLifecycles: 0,
    pgRounds: 1,
    pgUrl: process.env.BANLI_PG_URL,
  },
  calendar: { runs: 1, ms: 10 },
  letters: { runs: 1, calls: 2, commands: 1, bytes: 20 * 1024, warmLetters: 2, script: undefined },
};

describe('runSuite', () => {
  it('should run every section and write the report with every target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banli-bench-smoke-'));
    try {
      const out = join(dir, 'benchmarks.md');
      const sections = await runSuite(tiny, { reports: [out] }, true);
      expect(sections.map((s) => s.title)).toEqual([
        '1. Event throughput',
        '3. Command shares: validation, authorisation, persistence',
        '4. Persistence',
        '5. Stores',
        '6. Calendar',
        '8. Letters',
        '2. Simulation scaling',
      ]);
      const doc = readFileSync(out, 'utf8');
      expect(doc).toContain('SDK send ÷ bare actor.send');
      // §3's validation share with both variants in one process, alternating lifecycle by lifecycle.
      expect(doc).toContain('zod share of a command, measured in place (CPU), one process, median lifecycles');
      // …and command by command: one row per command of the lifecycle, in its order.
      const shares = sections.find((s) => s.title.startsWith('3. '));
      expect(shares?.tables?.[0]?.rows.map((row) => row[0])).toEqual(
        COMMAND_NAMES.map((name, i) => `${i + 1}. ${name}`),
      );
      expect(COMMAND_NAMES).toHaveLength(13);
      // …and again after the warm-up a long-running server has had (here 2 lifecycles).
      expect(shares?.rows.map((row) => row[0])).toContain(
        'the same after 2 warm-up lifecycles of each in that process (a long-running server: V8 has optimised what a command runs once)',
      );
      expect(doc).toContain(`Node: ${process.version}`);
      for (const s of sections) expect(s.rows.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // A generous ceiling, not a speed check: the stores and letters sections start child processes, which take
    // minutes when the machine is loaded (the figures are meaningless here; `pnpm bench` measures).
  }, 300_000);
});

describe('variants', () => {
  it('should drive the same lifecycle to completion in every variant', async () => {
    const work = prepare(2);
    // 2 lifecycles of 13 commands; the SDK run throws unless every lifecycle ends archived.
    for (const mode of SDK_MODES) expect(await sdkRun(work, mode)).toBe(26);
    for (const events of [coreRun(work), actorRun(work), scopeRun(work), reducerRun(work)]) expect(events).toBe(26);
  });

  it('should end the reducer in archived with the case closed', () => {
    const reducer = createReducer(chinaMainland, policy);
    const [w] = prepare(1);
    if (!w) throw new Error('no work');
    let state = reducer.start(w.proposal, '2023-02-20');
    for (const [event] of w.commands) state = reducer.send(state, event).state;
    expect(state.value).toBe('archived');
    expect(Object.values(state.cases).map((c) => c.value)).toEqual(['closed']);
  });
});
