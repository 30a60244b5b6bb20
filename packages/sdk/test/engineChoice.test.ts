import { caseMachine, type EngineFallback } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { log } from 'xstate';
import { systemFactory } from '../src/index.js';
import { seedAccepted, seedBanli, seedCaseId } from './support/seedBanli.js';

// Issue 18: an integrator's provide()d machine run through the SDK can report the compiled engine's fallbacks, or
// run on xstate, through `systemFactory`'s engine options.

const withLog = caseMachine.provide({ actions: { recordAcceptance: log('accepted') as never } });

describe('systemFactory engine options', () => {
  it("should report a fallback of an integrator's machine to onFallback", async () => {
    const fallbacks: EngineFallback[] = [];
    const createSystem = systemFactory({ caseMachine: withLog, onFallback: (f) => fallbacks.push(f) });
    await seedAccepted(seedBanli({ createSystem }).banli);
    expect(fallbacks.length).toBeGreaterThan(0);
    expect(new Set(fallbacks.map((f) => JSON.stringify(f)))).toEqual(
      new Set([JSON.stringify({ machine: 'case', reason: 'action', detail: 'xstate.log', event: 'case.accept' })]),
    );
  });

  it('should run the machines on xstate when asked, with no fallback to report', async () => {
    const fallbacks: EngineFallback[] = [];
    const createSystem = systemFactory({
      caseMachine: withLog,
      engine: 'xstate',
      onFallback: (f) => fallbacks.push(f),
    });
    const accepted = await seedAccepted(seedBanli({ createSystem }).banli);
    expect(accepted.state.cases[seedCaseId]).toMatchObject({ lifecycle: 'handling' });
    expect(fallbacks).toEqual([]);
  });
});
