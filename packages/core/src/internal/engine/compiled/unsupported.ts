import type { AnyStateMachine, AnyStateNode } from 'xstate';

/**
 * What the compiled engine does not run. A machine with one of these features runs wholly on xstate; a step that
 * meets one (an action such as `raise` or `log`, a `spawn`) throws `Unsupported` and that step goes to xstate.
 * Unstable (part of `@banli/core/internal`), not covered by semver.
 */

/** Thrown when a step needs a feature the compiled engine does not run; the step falls back to xstate. */
export class Unsupported extends Error {}

/** `spawn` as the compiled engine hands it to `assign` and context factories: spawning is not run, so it refuses. */
export const noSpawn = (): never => {
  throw new Unsupported('spawn');
};

/** The feature that keeps a machine off the compiled path, or `undefined` when it has none. */
export function unsupportedFeature(machine: AnyStateMachine): string | undefined {
  if (machine.root.output !== undefined) return 'output';
  const stack: AnyStateNode[] = [machine.root];
  while (stack.length > 0) {
    const s = stack.pop() as AnyStateNode;
    if (s.type === 'history') return `history (${s.id})`;
    if (s.invoke.length > 0) return `invoke (${s.id})`;
    if (s.after.length > 0) return `after (${s.id})`;
    if (s.type === 'final' && s.output !== undefined) return `output (${s.id})`;
    stack.push(...(Object.values(s.states) as AnyStateNode[]));
  }
  return undefined;
}
