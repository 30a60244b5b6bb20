import { type AnyMachineSnapshot, type AnyStateMachine, createActor } from 'xstate';
import type { MachinePath } from './graph.js';

/** The outcome of replaying a path on a fresh actor. */
export interface PathReplay {
  ok: boolean;
  expected: unknown;
  actual: unknown;
}

/** Replays a path's events on a fresh actor and compares the end state (by `serializeState`, default the value). */
export function replayPath(
  machine: AnyStateMachine,
  path: MachinePath,
  options: {
    input?: unknown;
    serializeState?: (s: AnyMachineSnapshot) => unknown;
    inspect?: (e: { type: string }) => void;
  } = {},
): PathReplay {
  const key = options.serializeState ?? ((s: AnyMachineSnapshot) => s.value);
  const actor = createActor(machine, {
    input: options.input,
    ...(options.inspect ? { inspect: options.inspect } : {}),
  } as never);
  actor.start();
  for (const e of path.events) actor.send(e);
  const actual = key(actor.getSnapshot());
  actor.stop();
  const expected = key(path.state);
  return { ok: JSON.stringify(actual) === JSON.stringify(expected), expected, actual };
}

/** A human name for a path: its event types joined by arrows. */
export function pathName(path: MachinePath): string {
  return path.events.length === 0 ? '(initial)' : path.events.map((e) => e.type).join(' → ');
}

/** The test functions `definePathTests` registers with (vitest, jest or node:test shaped). */
export interface PathTestApi {
  it: (name: string, fn: () => void) => void;
  expect: (value: unknown) => { toEqual: (expected: unknown) => void };
}

/**
 * Turns paths into runnable tests: one `it` per path that replays it and checks the end state.
 *
 * @example
 * ```ts
 * describe('proposal paths', () => definePathTests(proposalModel, paths, { it, expect }, { input }));
 * ```
 */
export function definePathTests(
  machine: AnyStateMachine,
  paths: readonly MachinePath[],
  api: PathTestApi,
  options: Parameters<typeof replayPath>[2] = {},
): void {
  const names = new Map<string, number>();
  for (const path of paths) {
    const base = pathName(path);
    const n = (names.get(base) ?? 0) + 1;
    names.set(base, n);
    api.it(n > 1 ? `${base} #${n}` : base, () => {
      const r = replayPath(machine, path, options);
      api.expect(r.actual).toEqual(r.expected);
    });
  }
}
