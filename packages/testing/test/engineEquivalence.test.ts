import { reviseMachine } from '@banli/core';
import { createCompiledStepper, type Stepper, type StepperFallback } from '@banli/core/internal';
import { describe, expect, it } from 'vitest';
import { assign, emit, log, setup } from 'xstate';
import { describeDifferences } from '../src/engine/differences.js';
import { expectSteppersEquivalent } from '../src/engine/equivalence.js';
import {
  type BanliModel,
  BanliTestingError,
  banliModels,
  EngineEquivalenceError,
  expectEngineEquivalence,
} from '../src/index.js';

// Issue 18 item 2: an integrator checks that the compiled engine and xstate agree on their own machine.

const models = banliModels();
const [firstCase] = models.case as [BanliModel];
const caseMachine = firstCase.machine;

function failureOf(run: () => unknown): EngineEquivalenceError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineEquivalenceError) return error;
    throw error;
  }
  throw new Error('expected expectEngineEquivalence to fail');
}

describe('expectEngineEquivalence on banli machines', () => {
  for (const model of [...models.proposal, ...models.case]) {
    it(`should pass on every explored step of the ${model.name} exploration`, () => {
      const report = expectEngineEquivalence(model.machine, model.options);
      expect(report.fallbacks).toEqual([]);
      expect(report.truncated).toBe(false);
      expect(report.states).toBeGreaterThan(10);
      // Refused events are compared too: more steps than accepted ones, and transitions were taken.
      expect(report.steps).toBeGreaterThan(report.accepted);
      expect(report.accepted).toBeGreaterThan(report.states - 1);
      expect(report.transitions).toBeGreaterThanOrEqual(report.accepted);
    });
  }

  it('should pass on a provide()d machine whose replaced action is a plain function', () => {
    const notified: string[] = [];
    const provided = caseMachine.provide({
      actions: { emitCaseAccepted: ({ context }) => notified.push(String(context.caseId)) },
    });
    const report = expectEngineEquivalence(provided, firstCase.options);
    expect(report.fallbacks).toEqual([]);
    expect(report.accepted).toBeGreaterThan(0);
    // Actions are compared as data, never run.
    expect(notified).toEqual([]);
  });
});

describe('expectEngineEquivalence failures', () => {
  it('should fail, naming the step and the action, when a provide()d log action makes the compiled engine fall back', () => {
    const withLog = caseMachine.provide({ actions: { emitCaseAccepted: log('accepted') as never } });
    const error = failureOf(() => expectEngineEquivalence(withLog, firstCase.options));
    expect(error).toBeInstanceOf(BanliTestingError);
    expect(error.code).toBe('ENGINES_DISAGREE');
    const first = error.disagreements[0];
    expect(first?.event?.type).toBe('case.accept');
    expect(first?.differences).toEqual([
      'fallback: the compiled engine handed this step to xstate (action: xstate.log)',
    ]);
    expect(error.message).toContain('on {"type":"case.accept"');
    expect(error.message).toContain('fallback: the compiled engine handed this step to xstate (action: xstate.log)');
    expect(error.messages['zh-CN']).toContain('编译引擎与 xstate 在机器 "case"');

    // Allowed fallbacks pass, and are listed with the events that reach them.
    const report = expectEngineEquivalence(withLog, { ...firstCase.options, allowFallbacks: true });
    expect(report.fallbacks.length).toBeGreaterThan(0);
    expect(report.fallbacks.every((f) => f.reason === 'action' && f.detail === 'xstate.log')).toBe(true);
    expect(report.fallbacks.every((f) => f.event === 'case.accept')).toBe(true);
  });

  it('should fail at once on an edited machine the compiled engine does not run at all (a delayed transition)', () => {
    const edited = reviseMachine(caseMachine, {
      version: 'case@reminder',
      config: (config) => {
        const lifecycle = config.states?.lifecycle as { states: Record<string, Record<string, unknown>> };
        const handling = { ...lifecycle.states.handling, after: { 2592000000: { actions: [] } } };
        const states = { ...config.states, lifecycle: { ...lifecycle, states: { ...lifecycle.states, handling } } };
        return { ...config, states };
      },
    });
    const error = failureOf(() => expectEngineEquivalence(edited, firstCase.options));
    expect(error.disagreements).toEqual([
      {
        path: [],
        state: undefined,
        event: undefined,
        differences: [
          'fallback: the compiled engine handed this step to xstate (machine: after (case.lifecycle.handling))',
        ],
      },
    ]);
    expect(error.report.steps).toBe(0);
  });

  it('should fail with a readable diff where the engines really disagree: a guard that consumes a quota', () => {
    // xstate's `can` and `transition` each evaluate the guard; the compiled engine evaluates it once for both. A
    // guard with a side effect (a quota, a rate limiter, a clock read twice) therefore decides differently.
    let quota = 2;
    const machine = setup({ guards: { takesQuota: () => quota-- > 0 } }).createMachine({
      id: 'quota',
      initial: 'idle',
      context: { grants: 0 },
      states: {
        idle: {
          on: {
            request: {
              guard: 'takesQuota',
              target: 'granted',
              actions: [assign({ grants: ({ context }) => context.grants + 1 }), emit({ type: 'granted' })],
            },
          },
        },
        granted: {},
      },
    });
    const error = failureOf(() => expectEngineEquivalence(machine, { events: [{ type: 'request' }] }));
    expect(error.disagreements).toHaveLength(1);
    expect(error.disagreements[0]).toMatchObject({ path: [], state: 'idle', event: { type: 'request' } });
    expect(error.disagreements[0]?.differences).toEqual([
      'accepted: xstate true, compiled false',
      'status: xstate "active", compiled (absent)',
      'value: xstate "granted", compiled (absent)',
      'context: xstate {"grants":1}, compiled (absent)',
      'tags: xstate [], compiled (absent)',
      'emitted: xstate [{"type":"granted"}], compiled (absent)',
      'actions: xstate [], compiled (absent)',
      'transitions: xstate ["request: quota.idle -[request]-> quota.granted"], compiled (absent)',
      // Asked after both steps, the compiled engine's `accepts` finds the quota spent too.
      'accepts: xstate true, compiled false',
    ]);
    expect(error.message).toBe(
      [
        'The compiled engine and xstate disagree on 1 step(s) of machine "quota" (3 steps compared over 2 states):',
        '1) on {"type":"request"} in state "idle", reached by: the initial state',
        ...(error.disagreements[0]?.differences ?? []).map((l) => `   ${l}`),
      ].join('\n'),
    );
  });
});

describe('expectEngineEquivalence on accepts', () => {
  // `system.can` asks the compiled engine's `accepts`, which selects without running: it must answer as the steps do.
  // A compiled engine whose `accepts` alone is wrong (its steps right) was not caught when only steps were compared.
  const brokenOn = (type: string) => (onFallback: (f: StepperFallback) => void) => {
    const inner = createCompiledStepper(caseMachine, { onFallback });
    const broken: Stepper = Object.create(inner);
    broken.accepts = (snapshot, event) =>
      event.type === type ? !inner.accepts(snapshot, event) : inner.accepts(snapshot, event);
    return broken;
  };

  it('should fail, naming each step, when the compiled engine accepts what its steps refuse and the reverse', () => {
    const error = failureOf(() => expectSteppersEquivalent(caseMachine, firstCase.options, brokenOn('case.accept')));
    expect(error.code).toBe('ENGINES_DISAGREE');
    expect(error.disagreements.length).toBeGreaterThan(1);
    expect(error.disagreements.every((d) => d.event?.type === 'case.accept')).toBe(true);
    const lines = new Set(error.disagreements.flatMap((d) => d.differences));
    // Where the case takes case.accept, and where it refuses it: only `accepts` differs, the steps agree.
    expect(lines).toEqual(new Set(['accepts: xstate true, compiled false', 'accepts: xstate false, compiled true']));
    expect(error.message).toContain('accepts: xstate true, compiled false');
  });

  it('should pass with the compiled engine as it is, through the same entry', () => {
    const report = expectSteppersEquivalent(caseMachine, firstCase.options, (onFallback) =>
      createCompiledStepper(caseMachine, { onFallback }),
    );
    expect(report.steps).toBeGreaterThan(report.accepted);
  });
});

describe('describeDifferences', () => {
  it('should name the path of each difference with both values, and nothing when they agree', () => {
    const xstate = { value: 'a', context: { deadlines: [{ due: '2023-04-06' }] }, emitted: [{ type: 'x' }] };
    const compiled = { value: 'a', context: { deadlines: [{ due: '2023-04-07' }] }, emitted: [] };
    expect(describeDifferences(xstate, compiled)).toEqual([
      'context.deadlines.0.due: xstate "2023-04-06", compiled "2023-04-07"',
      'emitted.0: xstate {"type":"x"}, compiled (absent)',
    ]);
    expect(describeDifferences(xstate, structuredClone(xstate))).toEqual([]);
  });
});
