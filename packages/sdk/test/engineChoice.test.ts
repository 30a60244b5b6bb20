import { chinaMainland } from '@banli/calendar';
import { BanliCoreError, caseMachine, createHandlingSystem, type EngineFallback, presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { log } from 'xstate';
import { type SystemFactory, systemFactory } from '../src/index.js';
import { seedAccepted, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

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

// Issue 18: `createBanli` takes the engine itself (passed to its system factory) and reports, in `stats()`, the engine
// in use and how often the compiled engine handed work to xstate.
describe('createBanli engine option and stats()', () => {
  it('should run the compiled engine by default and report no fallback for banli’s own machines', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    expect(banli.stats()).toEqual({ engine: 'compiled', compiled: { proposal: true, case: true }, fallbacks: 0 });
  });

  it('should pass engine: xstate to the default factory and give the same states', async () => {
    const onXstate = seedBanli({ engine: 'xstate' }).banli;
    const compiled = seedBanli().banli;
    const a = await seedAccepted(onXstate);
    const b = await seedAccepted(compiled);
    expect(onXstate.stats()).toEqual({ engine: 'xstate', compiled: { proposal: false, case: false }, fallbacks: 0 });
    expect(a.state).toEqual(b.state);
    expect(await onXstate.history(seedId)).toEqual(await compiled.history(seedId));
  });

  it('should refuse an unknown engine with core’s invalid_engine error, whatever the factory', () => {
    const refusal = (options: Parameters<typeof seedBanli>[0]) => {
      try {
        seedBanli(options);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    // A factory that ignores the option cannot hide the typo.
    const ignoring: SystemFactory = ({ policy, calendar }) => createHandlingSystem({ policy, calendar });
    for (const options of [{ engine: 'xtsate' }, { engine: 'xtsate', createSystem: ignoring }, { engine: 1 }]) {
      const error = refusal(options as never);
      expect(error).toBeInstanceOf(BanliCoreError);
      expect((error as BanliCoreError).code).toBe('invalid_engine');
      expect((error as BanliCoreError).messages['zh-CN']).toContain('引擎选项无效');
      expect((error as BanliCoreError).messages.en).toContain("expected 'compiled' or 'xstate'");
    }
  });

  it('should count the fallbacks of an integrator’s machine and tell createBanli’s onFallback', async () => {
    const told: EngineFallback[] = [];
    const { banli } = seedBanli({
      createSystem: systemFactory({ caseMachine: withLog }),
      onFallback: (f) => told.push(f),
    });
    await seedAccepted(banli);
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((f) => f.reason === 'action' && f.detail === 'xstate.log')).toBe(true);
    expect(banli.stats()).toEqual({
      engine: 'compiled',
      compiled: { proposal: true, case: true },
      fallbacks: told.length,
    });
  });

  it('should pass createBanli’s engine to systemFactory, and let the factory’s own choice win', async () => {
    const told: EngineFallback[] = [];
    const asked = seedBanli({
      engine: 'xstate',
      createSystem: systemFactory({ caseMachine: withLog }),
      onFallback: (f) => told.push(f),
    }).banli;
    await seedAccepted(asked);
    expect(asked.stats()).toMatchObject({ engine: 'xstate', fallbacks: 0 });
    expect(told).toEqual([]);
    const own = seedBanli({ engine: 'compiled', createSystem: systemFactory({ engine: 'xstate' }) }).banli;
    expect(own.stats().engine).toBe('xstate');
  });

  it('should keep the fallbacks counted when a calendar change replaces the coordinators', async () => {
    const { banli } = seedBanli({ createSystem: systemFactory({ caseMachine: withLog }) });
    await seedAccepted(banli);
    const before = banli.stats().fallbacks;
    expect(before).toBeGreaterThan(0);
    await banli.recomputeDeadlines(chinaMainland);
    // The replaced coordinators' count is kept (the new ones start at 0).
    expect(banli.stats().fallbacks).toBe(before);
  });

  it('should say the engine is unknown when a custom coordinator does not report it', () => {
    const base = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland });
    const { stats: _hidden, ...quiet } = base;
    const { banli } = seedBanli({ createSystem: () => quiet });
    expect(banli.stats()).toEqual({ engine: undefined, compiled: undefined, fallbacks: 0 });
  });
});
