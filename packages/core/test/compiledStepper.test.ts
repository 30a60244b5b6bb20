import { describe, expect, it } from 'vitest';
import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  and,
  assign,
  createMachine,
  emit,
  enqueueActions,
  not,
  or,
  raise,
  setup,
} from 'xstate';
import { createCompiledStepper } from '../src/internal/engine/compiledStepper.js';
import { createStepper, type StepAction } from '../src/internal/engine/stepper.js';
import {
  caseEvents,
  caseModel,
  LATE,
  proposalEvents,
  proposalInput,
  proposalModel,
} from '../src/internal/testModels.js';
import { caseExplorations, proposalExploration } from './helpers/explorations.js';
import { elapseFirstOpen } from './helpers/graph.js';
import { random } from './helpers/random.js';

type Ev = { type: string; [k: string]: unknown };

/** Everything a step decides, in a form where key order and action order count. */
function outcome([s, actions]: readonly [AnyMachineSnapshot, StepAction[], ...unknown[]]) {
  return {
    status: s.status,
    value: JSON.stringify(s.value),
    nodes: s._nodes.map((n: { id: string }) => n.id),
    context: JSON.stringify(s.context),
    tags: [...s.tags].sort(),
    actions: actions.map((a) => `${a.type} ${JSON.stringify(a.params ?? null)}`),
  };
}

function attempt(stepper: ReturnType<typeof createStepper>, s: AnyMachineSnapshot, e: Ev) {
  try {
    return { ok: outcome(stepper.transition(s, e)) };
  } catch (error) {
    return { error: String(error) };
  }
}

const machines = [
  ...caseExplorations.map((x) => ({
    name: `case (${x.name})`,
    machine: caseModel as AnyStateMachine,
    input: x.input as unknown,
    exploration: x.result,
    events: (s: AnyMachineSnapshot) => [...caseEvents, ...elapseFirstOpen(s, LATE, 'p/u1')] as Ev[],
  })),
  {
    name: 'proposal',
    machine: proposalModel as AnyStateMachine,
    input: proposalInput as unknown,
    exploration: proposalExploration,
    events: (s: AnyMachineSnapshot) => [...proposalEvents, ...elapseFirstOpen(s, LATE)] as Ev[],
  },
];

describe('createCompiledStepper', () => {
  it('should compile both banli machines (no fallback to xstate)', () => {
    expect(createCompiledStepper(caseModel).compiled).toBe(true);
    expect(createCompiledStepper(proposalModel).compiled).toBe(true);
  });

  for (const m of machines) {
    it(`should take every explored transition of the ${m.name} machine exactly as xstate does`, () => {
      const reference = createStepper(m.machine);
      const compiled = createCompiledStepper(m.machine);
      expect(m.exploration.pairs.length).toBeGreaterThan(20);
      for (const p of m.exploration.pairs) {
        expect(
          attempt(compiled, p.state, p.event as Ev),
          `${p.event.type} in ${JSON.stringify(p.state.value)}`,
        ).toEqual(attempt(reference, p.state, p.event as Ev));
      }
    });

    it(`should start the ${m.name} machine exactly as xstate does`, () => {
      const compiled = createCompiledStepper(m.machine);
      expect(outcome(compiled.initial(m.input))).toEqual(outcome(createStepper(m.machine).initial(m.input)));
      expect(outcome(compiled.initial(m.input))).toEqual(outcome(createStepper(m.machine).initial(m.input)));
      expect(compiled.fallbacks).toBe(0);
    });

    it(`should run an event only when xstate's can() accepts it, in every explored state of the ${m.name} machine`, () => {
      const reference = createStepper(m.machine);
      const compiled = createCompiledStepper(m.machine);
      let accepted = 0;
      let refused = 0;
      for (const s of m.exploration.states) {
        for (const e of m.events(s)) {
          const result = compiled.transitionIfAccepted(s, e);
          expect(compiled.accepts(s, e), e.type).toBe(s.can(e));
          if (s.can(e)) {
            accepted++;
            expect(result && outcome(result), e.type).toEqual(outcome(reference.transition(s, e)));
          } else {
            refused++;
            expect(result, e.type).toBeUndefined();
          }
        }
      }
      expect(accepted).toBeGreaterThan(10);
      expect(refused).toBeGreaterThan(10);
      expect(compiled.fallbacks).toBe(0);
    });

    it(`should refuse and ignore exactly what xstate does in every explored state of the ${m.name} machine`, () => {
      const reference = createStepper(m.machine);
      const compiled = createCompiledStepper(m.machine);
      for (const s of m.exploration.states) {
        for (const e of m.events(s)) {
          expect(attempt(compiled, s, e), `${e.type} in ${JSON.stringify(s.value)}`).toEqual(attempt(reference, s, e));
        }
      }
    });

    it(`should stay equal to xstate along random walks of the ${m.name} machine, each on its own snapshots`, () => {
      const reference = createStepper(m.machine);
      const compiled = createCompiledStepper(m.machine);
      for (let walk = 0; walk < 40; walk++) {
        const next = random(walk + 1);
        let [a] = reference.initial(m.input);
        let [b] = compiled.initial(m.input);
        for (let i = 0; i < 30; i++) {
          const enabled = m.events(a).filter((e) => a.can(e));
          expect(m.events(b).filter((e) => b.can(e))).toEqual(enabled);
          if (enabled.length === 0) break;
          const e = enabled[Math.floor(next() * enabled.length)] as Ev;
          const ra = reference.transition(a, e);
          const rb = compiled.transition(b, e);
          expect(outcome(rb), `walk ${walk} step ${i}: ${e.type}`).toEqual(outcome(ra));
          [a] = ra;
          [b] = rb;
        }
      }
    });
  }

  it('should run provided plain actions in xstate order and leave them to the caller', () => {
    const seen: string[] = [];
    const machine = caseModel.provide({
      actions: { emitReplyIssued: () => seen.push('reply') } as never,
    }) as AnyStateMachine;
    const reference = createStepper(machine);
    const compiled = createCompiledStepper(machine);
    const pairs = caseExplorations[0]?.result.pairs ?? [];
    let plain = 0;
    for (const p of pairs) {
      // Snapshots belong to one machine: resolve the explored state in the provided one, as the coordinator does.
      const s = machine.resolveState({ value: p.state.value, context: p.state.context });
      const result = compiled.transition(s, p.event as Ev);
      expect(outcome(result)).toEqual(outcome(reference.transition(s, p.event as Ev)));
      plain += result[1].filter((a) => a.type === 'emitReplyIssued' && typeof a.exec === 'function').length;
    }
    expect(plain).toBeGreaterThan(0);
    expect(seen).toEqual([]);
  });

  it('should defer to xstate for what it does not run (raise), with the same result', () => {
    const machine = setup({}).createMachine({
      initial: 'a',
      context: { n: 0 },
      states: {
        a: { on: { go: { target: 'b', actions: [raise({ type: 'next' }), assign({ n: 1 })] } } },
        b: { on: { next: { target: 'c', actions: emit({ type: 'arrived' }) } } },
        c: { type: 'final' },
      },
    });
    const reference = createStepper(machine);
    const compiled = createCompiledStepper(machine);
    expect(compiled.compiled).toBe(true);
    const [s0] = reference.initial(undefined);
    const result = compiled.transition(s0, { type: 'go' });
    expect(compiled.fallbacks).toBe(1);
    expect(outcome(result)).toEqual(outcome(reference.transition(s0, { type: 'go' })));
    expect(result[0].value).toBe('c');
    expect(result[0].status).toBe('done');
  });

  it('should not compile machines with history or delayed transitions', () => {
    const history = createMachine({
      initial: 'a',
      states: { a: { initial: 'x', states: { x: {}, h: { type: 'history' } } } },
    });
    const delayed = createMachine({ initial: 'a', states: { a: { after: { 100: 'b' } }, b: {} } });
    expect(createCompiledStepper(history).compiled).toBe(false);
    expect(createCompiledStepper(delayed).compiled).toBe(false);
  });

  it('should raise done events of parallel regions and finish the machine like xstate', () => {
    const machine = setup({}).createMachine({
      type: 'parallel',
      context: { log: [] as string[] },
      states: {
        left: {
          initial: 'on',
          states: { on: { on: { stop: 'off' } }, off: { type: 'final' } },
          onDone: { actions: assign({ log: ({ context }) => [...context.log, 'left done'] }) },
        },
        right: {
          initial: 'on',
          states: { on: { on: { stop: 'waiting' } }, waiting: { on: { finish: 'off' } }, off: { type: 'final' } },
        },
      },
      exit: emit({ type: 'bye' }),
    });
    const reference = createStepper(machine);
    const compiled = createCompiledStepper(machine);
    const [s0] = reference.initial(undefined);
    const stopped = compiled.transition(s0, { type: 'stop' });
    expect(outcome(stopped)).toEqual(outcome(reference.transition(s0, { type: 'stop' })));
    expect(stopped[0].status).toBe('active');
    expect(stopped[0].context.log).toEqual(['left done']);
    const finished = compiled.transition(stopped[0], { type: 'finish' });
    expect(outcome(finished)).toEqual(outcome(reference.transition(stopped[0], { type: 'finish' })));
    expect(finished[0].status).toBe('done');
    expect(finished[1].map((a) => a.type)).toEqual(['xstate.emit']);
  });

  it('should exit, act and enter in xstate order across parallel regions, and run a targetless eventless step once', () => {
    const log = (name: string) =>
      assign({ log: ({ context }: { context: { log: string[] } }) => [...context.log, name] }) as never;
    let calls = 0;
    const machine = setup({}).createMachine({
      type: 'parallel',
      context: { log: [] as string[] },
      states: {
        a: {
          initial: 'a1',
          states: {
            a1: {
              entry: log('enter a1'),
              exit: log('exit a1'),
              initial: 'x',
              states: { x: { entry: log('enter x'), exit: log('exit x') } },
              on: { go: { target: 'a2', actions: log('go a') } },
            },
            a2: {
              entry: log('enter a2'),
              initial: 'y',
              states: { y: { entry: log('enter y') } },
              always: { guard: () => ++calls < 50, actions: emit({ type: 'ping' }) },
            },
          },
        },
        b: {
          initial: 'b1',
          states: {
            b1: { exit: log('exit b1'), on: { go: { target: 'b2', actions: log('go b') } } },
            b2: { entry: log('enter b2') },
          },
        },
      },
    });
    const reference = createStepper(machine);
    const compiled = createCompiledStepper(machine);
    const [s0] = reference.initial(undefined);
    calls = 0;
    const expected = outcome(reference.transition(s0, { type: 'go' }));
    calls = 0;
    const result = compiled.transition(s0, { type: 'go' });
    expect(outcome(result)).toEqual(expected);
    expect(result[0].context.log).toEqual([
      'enter a1',
      'enter x',
      'exit b1',
      'exit x',
      'exit a1',
      'go a',
      'go b',
      'enter a2',
      'enter y',
      'enter b2',
    ]);
    expect(result[1].map((a) => a.type)).toEqual(['xstate.emit']);
  });
  it('should select wildcard, partial and exact transitions, parent fallbacks and region by region as xstate does', () => {
    const log = (name: string) =>
      assign({ log: ({ context }: { context: { log: string[] } }) => [...context.log, name] }) as never;
    const machine = setup({}).createMachine({
      type: 'parallel',
      context: { log: [] as string[], n: 0 },
      on: { '*': { actions: log('root *') }, 'b.*': { actions: log('root b.*') } },
      states: {
        left: {
          initial: 'idle',
          on: { 'a.*': { actions: log('left a.*') } },
          states: {
            idle: {
              on: {
                'a.b.c': [{ guard: ({ context }) => context.n > 0, target: 'done' }, { actions: log('idle a.b.c') }],
                'a.b.*': { actions: log('idle a.b.*') },
                bump: { actions: assign({ n: ({ context }) => context.n + 1 }) },
              },
            },
            done: { type: 'final' },
          },
        },
        right: {
          initial: 'on',
          states: {
            on: { on: { 'a.b.c': { actions: log('right a.b.c') }, '*': { actions: log('right *') } } },
          },
        },
      },
    });
    const reference = createStepper(machine);
    const compiled = createCompiledStepper(machine);
    let [s] = reference.initial(undefined);
    const events = ['a.b.c', 'a.b.d', 'a.x', 'a', 'b.y', 'zzz', 'bump', 'a.b.c', 'a.b.d', 'b.y'];
    for (const type of events) {
      const expected = attempt(reference, s, { type });
      expect(attempt(compiled, s, { type }), type).toEqual(expected);
      expect(compiled.transitionIfAccepted(s, { type }) !== undefined, type).toBe(s.can({ type }));
      [s] = reference.transition(s, { type });
    }
    // What xstate's own run logs (the engines agreed above): exact before wildcard, a region's parent when its state has
    // no match, `*` everywhere.
    expect(s.context.log).toEqual([
      'idle a.b.c',
      'right a.b.c',
      'idle a.b.*',
      'right *',
      'left a.*',
      'right *',
      'left a.*',
      'right *',
      'right *',
      'right *',
      'right *',
      'right a.b.c',
      'right *',
      'left a.*',
      'right *',
      'right *',
    ]);
    expect(compiled.fallbacks).toBe(0);
  });

  it("should fail a throwing guard's selection with xstate's message, and take a root eventless transition shared by three regions once", () => {
    const machine = setup({
      guards: {
        broken: () => {
          throw new Error('no data');
        },
      },
    }).createMachine({
      type: 'parallel',
      context: { ready: false, log: [] as string[] },
      always: {
        guard: ({ context }) => context.ready,
        actions: assign({ ready: false, log: ({ context }) => [...context.log, 'root always'] }),
      },
      states: {
        a: {
          initial: 'x',
          states: {
            x: { on: { check: { guard: 'broken', target: 'y' }, ready: { actions: assign({ ready: true }) } } },
            y: {},
          },
        },
        b: {
          initial: 'x',
          states: { x: { on: { ready: { actions: assign({ log: ({ context }) => [...context.log, 'b ready'] }) } } } },
        },
        c: { initial: 'x', states: { x: {} } },
      },
    });
    const reference = createStepper(machine);
    const compiled = createCompiledStepper(machine);
    const [s0] = reference.initial(undefined);
    const refused = attempt(compiled, s0, { type: 'check' });
    expect(refused).toEqual(attempt(reference, s0, { type: 'check' }));
    expect(refused.error).toContain(
      "Unable to evaluate guard 'broken' in transition for event 'check' in state node '",
    );
    expect(refused.error).toContain('no data');
    const ready = compiled.transition(s0, { type: 'ready' });
    expect(outcome(ready)).toEqual(outcome(reference.transition(s0, { type: 'ready' })));
    expect(ready[0].context.log).toEqual(['b ready', 'root always']);
    expect(compiled.fallbacks).toBe(0);
  });

  it('should expand enqueueActions as xstate does: assign, emit, plain, check, params and nested ones; raise falls back', () => {
    const machine = setup({
      guards: { big: ({ context }: { context: { n: number } }) => context.n > 1 },
      actions: {
        // Plain: handed back to the caller with its params, not run by the stepper.
        note: (_: unknown, _params: { text: string }) => {},
        grow: enqueueActions(({ context, enqueue, check }, params: { by: number }) => {
          enqueue.assign({ n: context.n + params.by });
          if (check('big')) enqueue.emit({ type: 'big' });
          enqueue({ type: 'note', params: { text: `n was ${context.n}` } });
          enqueue(
            enqueueActions(({ context: inner, enqueue: again }) => again.emit({ type: 'inner', n: inner.n } as never)),
          );
        }) as never,
      },
    }).createMachine({
      initial: 'a',
      context: { n: 0 },
      states: {
        a: {
          on: {
            grow: { actions: { type: 'grow', params: { by: 1 } } },
            jump: { actions: enqueueActions(({ enqueue }) => enqueue.raise({ type: 'grow' })) },
          },
        },
      },
    });
    const reference = createStepper(machine);
    const compiled = createCompiledStepper(machine);
    let [s] = reference.initial(undefined);
    for (const type of ['grow', 'grow', 'grow', 'jump']) {
      const expected = attempt(reference, s, { type });
      expect(attempt(compiled, s, { type }), type).toEqual(expected);
      [s] = reference.transition(s, { type });
    }
    expect(s.context.n).toBe(4);
    const [s0] = reference.initial(undefined);
    const [s1, actions] = compiled.transition(s0, { type: 'grow' });
    expect(s1.context.n).toBe(1);
    expect(actions.map((a) => `${a.type} ${JSON.stringify(a.params)}`)).toEqual([
      'note {"text":"n was 0"}',
      'xstate.emit {"event":{"type":"inner","n":1}}',
    ]);
    // Only `jump` (raise) went to xstate.
    expect(compiled.fallbacks).toBe(1);
  });
  it('should reuse a microstep plan across snapshots without sharing their node lists, finishing as xstate does', () => {
    const machine = setup({}).createMachine({
      initial: 'a',
      context: { n: 0 },
      states: {
        a: { on: { go: { target: 'b', actions: assign({ n: ({ context }) => context.n + 1 }) } } },
        b: { initial: 'b1', states: { b1: { on: { end: 'b2' } }, b2: { type: 'final' } }, onDone: 'c' },
        c: { on: { again: 'a', stop: 'z' } },
        z: { type: 'final' },
      },
    });
    const reference = createStepper(machine);
    const compiled = createCompiledStepper(machine);
    let [s] = reference.initial(undefined);
    const seen: AnyMachineSnapshot[] = [];
    for (const type of ['go', 'end', 'again', 'go', 'end', 'stop']) {
      const expected = reference.transition(s, { type });
      const result = compiled.transition(s, { type });
      expect(outcome(result), type).toEqual(outcome(expected));
      seen.push(result[0]);
      s = expected[0];
    }
    // The second `go` took the cached plan of the first: equal node lists, not the same array.
    expect((seen[3] as AnyMachineSnapshot)._nodes).toEqual((seen[0] as AnyMachineSnapshot)._nodes);
    expect((seen[3] as AnyMachineSnapshot)._nodes).not.toBe((seen[0] as AnyMachineSnapshot)._nodes);
    expect((seen[5] as AnyMachineSnapshot).status).toBe('done');
    expect(compiled.fallbacks).toBe(0);
  });

  it('should equal xstate on generated event sequences of a machine whose guards recur across transitions and regions, asking fewer of them', () => {
    // Guards asked more than once in one selection: named ones plain and inside and/or/not, the same params shared and
    // written twice, different params, inline ones, across parallel regions and eventless transitions. The compiled
    // engine asks each once per selection (xstate once per transition); every step must decide as xstate does.
    let asked = 0;
    const count =
      <A extends unknown[]>(f: (...args: A) => boolean) =>
      (...args: A) => {
        asked++;
        return f(...args);
      };
    type C = { a: number; b: number; log: string[] };
    const add = (n: string) => assign({ log: ({ context }: { context: C }) => [...context.log, n] }) as never;
    const low = { type: 'low', params: { max: 3 } } as const;
    const build = () =>
      setup({
        types: { context: {} as C },
        guards: {
          even: count(({ context }: { context: C }) => context.a % 2 === 0),
          low: count(({ context }: { context: C }, params: { max: number }) => context.a <= params.max),
          bOver: count(({ context }: { context: C }, params: { n: number }) => context.b > params.n),
        },
      }).createMachine({
        id: 'recurring',
        type: 'parallel',
        context: { a: 0, b: 0, log: [] },
        on: {
          inc: { actions: assign({ a: ({ context }) => context.a + 1 }) },
          incB: [
            { guard: and(['even', low]), actions: [assign({ b: ({ context }) => context.b + 2 }), add('b+2')] },
            {
              guard: or([not('even'), { type: 'low', params: { max: 3 } }]),
              actions: assign({ b: ({ context }) => context.b + 1 }),
            },
            { actions: assign({ b: 0 }) },
          ],
        },
        states: {
          left: {
            initial: 'l1',
            states: {
              l1: {
                on: {
                  go: [
                    { guard: and(['even', { type: 'bOver', params: { n: 2 } }]), target: 'l3' },
                    { guard: 'even', target: 'l2', actions: add('left even') },
                    { guard: low, actions: add('left low') },
                  ],
                },
              },
              l2: {
                always: [
                  { guard: and([not('even'), low]), target: 'l1', actions: add('l2 back') },
                  { guard: { type: 'bOver', params: { n: 4 } }, target: 'l3' },
                ],
                on: { back: { guard: ({ context }) => context.a > 2, target: 'l1' } },
              },
              l3: {
                on: {
                  back: [
                    { guard: ({ context }) => context.b > 5, target: 'l1', actions: add('l3 back b') },
                    { guard: ({ context }) => context.b > 5, target: 'l2' },
                    { guard: not({ type: 'bOver', params: { n: 2 } }), target: 'l2' },
                  ],
                },
              },
            },
          },
          right: {
            initial: 'r1',
            states: {
              r1: {
                on: {
                  go: [
                    { guard: or(['even', low]), target: 'r2', actions: add('right go') },
                    { guard: { type: 'low', params: { max: 5 } }, actions: add('right low 5') },
                  ],
                  tick: { guard: and([{ type: 'bOver', params: { n: 2 } }, 'even']), target: 'r2' },
                },
              },
              r2: {
                always: {
                  guard: and(['even', { type: 'bOver', params: { n: 6 } }]),
                  target: 'r1',
                  actions: add('r2 reset'),
                },
                on: { back: { guard: not('even'), target: 'r1' }, tick: { guard: 'even', actions: add('r2 tick') } },
              },
            },
          },
        },
      });
    const alphabet = ['inc', 'incB', 'go', 'back', 'tick'];
    for (const machine of [
      build() as AnyStateMachine,
      build().provide({ guards: { even: count(({ context }) => context.b % 2 === 0) } }) as AnyStateMachine,
    ]) {
      const reference = createStepper(machine);
      const compiled = createCompiledStepper(machine);
      let xstateAsked = 0;
      let compiledAsked = 0;
      let taken = 0;
      for (let sequence = 0; sequence < 150; sequence++) {
        const next = random(1_000 + sequence);
        let [s] = reference.initial(undefined);
        for (let i = 0; i < 25; i++) {
          const e = { type: alphabet[Math.floor(next() * alphabet.length)] as string };
          asked = 0;
          const can = s.can(e);
          asked = 0;
          const expected = reference.transition(s, e);
          xstateAsked += asked;
          asked = 0;
          expect(compiled.accepts(s, e), `sequence ${sequence} step ${i}: ${e.type}`).toBe(can);
          asked = 0;
          const result = compiled.transition(s, e);
          compiledAsked += asked;
          expect(outcome(result), `sequence ${sequence} step ${i}: ${e.type}`).toEqual(outcome(expected));
          if (can) taken++;
          s = expected[0];
        }
      }
      expect(compiled.fallbacks).toBe(0);
      expect(taken).toBeGreaterThan(1_000);
      // xstate asks a recurring guard once per transition, the compiled engine once per selection.
      expect(compiledAsked).toBeLessThan(xstateAsked);
      expect(compiledAsked).toBeGreaterThan(0);
    }
  });
});
