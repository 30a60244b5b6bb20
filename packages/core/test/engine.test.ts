import { chinaMainland } from '@banli/calendar';
import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, type AnyStateMachine, assign, createMachine, fromPromise, log, setup } from 'xstate';
import { caseMachine } from '../src/case/machine.js';
import { BanliCoreError } from '../src/errors.js';
import { createCompiledStepper, VERIFIED_XSTATE_VERSION } from '../src/internal/engine/compiledStepper.js';
import { createStepper, type StepperFallback, type StepResult } from '../src/internal/engine/stepper.js';
import { caseModel, proposalModel } from '../src/internal/testModels.js';
import { presets } from '../src/policy/presets/index.js';
import { proposalMachine } from '../src/proposal/machine.js';
import { createHandlingSystem } from '../src/system/createHandlingSystem.js';
import type { EngineFallback, TakenTransition } from '../src/system/types.js';
import { reviseMachine } from '../src/versioning/revise.js';
import { caseExplorations, proposalExploration } from './helpers/explorations.js';
import { Driver, intake, leadCaseId, soleAssignment } from './helpers/seed.js';

type Ev = { type: string; [k: string]: unknown };
const ids = (r: StepResult | undefined) =>
  r?.[2].map(
    (s) =>
      `${s.event}: ${s.transition.source.id} -[${s.transition.eventType}]-> ${(s.transition.target ?? []).map((t) => t.id).join(',')}`,
  );

function lifecycle(engine: 'compiled' | 'xstate') {
  const fallbacks: EngineFallback[] = [];
  const system = createHandlingSystem({
    policy: presets.guangdongCity,
    calendar: chinaMainland,
    engine,
    onFallback: (f) => fallbacks.push(f),
  });
  const d = intake(new Driver(system));
  const taken: TakenTransition[][] = [];
  const send = (e: Parameters<Driver['send']>[0]) => {
    taken.push(system.send(d.state, e).transitions);
    d.send(e);
  };
  send({ type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment });
  send({ type: 'case.accept', at: '2023-03-16', caseId: leadCaseId });
  return { d, taken, system, fallbacks };
}

describe('transitions taken', () => {
  it('should be reported the same by both steppers on every explored state and event', () => {
    const models = [
      ...caseExplorations.map((x) => ({ machine: caseModel as AnyStateMachine, pairs: x.result.pairs })),
      { machine: proposalModel as AnyStateMachine, pairs: proposalExploration.pairs },
    ];
    let reported = 0;
    for (const { machine, pairs } of models) {
      const reference = createStepper(machine);
      const compiled = createCompiledStepper(machine);
      for (const p of pairs) {
        const s = p.state as AnyMachineSnapshot;
        const e = p.event as Ev;
        const expected = ids(reference.transitionIfAccepted(s, e));
        expect(ids(compiled.transitionIfAccepted(s, e)), `${e.type} in ${JSON.stringify(s.value)}`).toEqual(expected);
        reported += expected?.length ?? 0;
      }
      expect(compiled.fallbacks).toBe(0);
    }
    expect(reported).toBeGreaterThan(100);
  });

  it("should list each send's transitions in the proposal and its cases, the same on both engines", () => {
    const compiled = lifecycle('compiled');
    const xstate = lifecycle('xstate');
    expect(compiled.taken).toEqual(xstate.taken);
    expect(compiled.d.state).toEqual(xstate.d.state);
    const [assign] = compiled.taken;
    expect(assign?.[0]).toMatchObject({
      machine: 'proposal',
      eventType: 'assignment.assign',
      event: 'assignment.assign',
    });
    expect(assign?.some((t) => t.machine === 'case' && t.caseId === leadCaseId)).toBe(true);
    for (const t of compiled.taken.flat()) expect(t.source).toMatch(/^(proposal|case)(\.|$)/);
  });
});

describe('engine option and fallbacks', () => {
  it('should run the default machines compiled with no fallback, and xstate when asked', () => {
    const compiled = lifecycle('compiled');
    expect(compiled.system.stats()).toEqual({
      engine: 'compiled',
      compiled: { proposal: true, case: true },
      fallbacks: 0,
    });
    expect(compiled.fallbacks).toEqual([]);
    expect(lifecycle('xstate').system.stats()).toEqual({
      engine: 'xstate',
      compiled: { proposal: false, case: false },
      fallbacks: 0,
    });
  });

  it('should count and report a provided action the compiled engine does not run', () => {
    const fallbacks: EngineFallback[] = [];
    const system = createHandlingSystem({
      policy: presets.guangdongCity,
      calendar: chinaMainland,
      caseMachine: caseMachine.provide({ actions: { recordAcceptance: log('accepted') as never } }),
      onFallback: (f) => fallbacks.push(f),
    });
    const d = intake(new Driver(system));
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment });
    d.send({ type: 'case.accept', at: '2023-03-16', caseId: leadCaseId });
    expect(fallbacks).toEqual([{ machine: 'case', reason: 'action', detail: 'xstate.log', event: 'case.accept' }]);
    expect(system.stats().fallbacks).toBe(1);
  });

  it('should refuse an unknown engine with a bilingual error instead of silently compiling', () => {
    for (const engine of ['fast', 'XState', 42]) {
      const make = () =>
        createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland, engine: engine as never });
      expect(make).toThrow(BanliCoreError);
      try {
        make();
      } catch (error) {
        expect((error as BanliCoreError).code).toBe('invalid_engine');
        expect((error as BanliCoreError).messages.en).toContain(String(engine));
        expect((error as BanliCoreError).messages['zh-CN']).toContain('引擎选项无效');
      }
    }
  });

  it('should run an edited machine with a delayed transition on xstate, saying so in stats and once to onFallback', () => {
    const fallbacks: EngineFallback[] = [];
    // An integrator's edit: a reminder 30 days after entering `handling` (the compiled engine does not run `after`).
    const edited = reviseMachine(caseMachine, {
      version: 'case@edited',
      config: (config) => {
        const lifecycle = config.states?.lifecycle as { states: Record<string, Record<string, unknown>> };
        const handling = lifecycle.states.handling as Record<string, unknown>;
        const states = { ...lifecycle.states, handling: { ...handling, after: { 2592000000: { actions: [] } } } };
        return { ...config, states: { ...config.states, lifecycle: { ...lifecycle, states } } };
      },
    });
    const system = createHandlingSystem({
      policy: presets.guangdongCity,
      calendar: chinaMainland,
      caseMachine: edited as typeof caseMachine,
      onFallback: (f) => fallbacks.push(f),
    });
    expect(fallbacks).toEqual([{ machine: 'case', reason: 'machine', detail: 'after (case.lifecycle.handling)' }]);
    const d = intake(new Driver(system));
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment });
    d.send({ type: 'case.accept', at: '2023-03-16', caseId: leadCaseId });
    expect(system.stats()).toEqual({ engine: 'compiled', compiled: { proposal: true, case: false }, fallbacks: 1 });
    expect(fallbacks).toHaveLength(1);
  });

  it('should report a machine it cannot compile once, at creation', () => {
    const seen: StepperFallback[] = [];
    const delayed = createMachine({ id: 'd', initial: 'a', states: { a: { after: { 100: 'b' } }, b: {} } });
    expect(createCompiledStepper(delayed, { onFallback: (f) => seen.push(f) }).compiled).toBe(false);
    expect(seen).toEqual([{ machine: 'd', reason: 'machine', detail: 'after (d.a)' }]);
  });

  it('should report an invoked actor and machine output as machine-wide fallbacks, naming the state', () => {
    const seen: StepperFallback[] = [];
    const invoking = createMachine({
      id: 'i',
      initial: 'a',
      states: { a: { invoke: { src: fromPromise(async () => 1) } } },
    });
    const withOutput = createMachine({ id: 'o', initial: 'a', states: { a: { type: 'final' } }, output: 1 });
    expect(createCompiledStepper(invoking, { onFallback: (f) => seen.push(f) }).compiled).toBe(false);
    expect(createCompiledStepper(withOutput, { onFallback: (f) => seen.push(f) }).compiled).toBe(false);
    expect(seen).toEqual([
      { machine: 'i', reason: 'machine', detail: 'invoke (i.a)' },
      { machine: 'o', reason: 'machine', detail: 'output' },
    ]);
  });

  it('should fall back, visibly, when the installed xstate is not the verified version', () => {
    const seen: StepperFallback[] = [];
    const machine = setup({}).createMachine({
      id: 'm',
      initial: 'a',
      context: { n: 0 },
      states: { a: { on: { go: { target: 'b', actions: assign({ n: 1 }) } } }, b: {} },
    });
    const stepper = createCompiledStepper(machine, { xstateVersion: '5.34.0', onFallback: (f) => seen.push(f) });
    expect(stepper.compiled).toBe(false);
    expect(seen).toEqual([
      {
        machine: 'm',
        reason: 'xstateVersion',
        detail: `xstate 5.34.0 is installed; the compiled engine is verified on ${VERIFIED_XSTATE_VERSION}`,
      },
    ]);
    const [s0] = stepper.initial(undefined);
    expect(stepper.transition(s0, { type: 'go' })[0].value).toBe('b');
    expect(createCompiledStepper(machine).compiled).toBe(true);
  });
});

describe('begin', () => {
  const proposal = intake(new Driver(createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland })))
    .state.proposal.context as { proposal: unknown };

  for (const engine of ['compiled', 'xstate'] as const) {
    it(`should start as start does and report the transitions taken on starting (${engine})`, () => {
      const input = { proposal: proposal.proposal as never, at: '2023-02-20' };
      const system = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland, engine });
      const begun = system.begin(input);
      expect(begun.state).toEqual(system.start(input));
      // A new proposal has no due date to compute: its machine takes no transition on starting.
      expect(begun.transitions).toEqual([]);
      // A machine whose initial state does run its eventless due-date transition reports it.
      let first = true;
      const once = () => {
        const now = first;
        first = false;
        return now;
      };
      const computing = createHandlingSystem({
        policy: presets.guangdongCity,
        calendar: chinaMainland,
        engine,
        proposalMachine: proposalMachine.provide({ guards: { hasUncomputedDueDates: once } }),
      });
      expect(computing.begin(input).transitions).toEqual([
        { machine: 'proposal', source: 'proposal', eventType: '', targets: [], event: 'xstate.init' },
      ]);
    });
  }
});
