import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type AnyStateNode,
  matchesState,
  type StateValue,
} from 'xstate';

/**
 * The working state of one macrostep on the compiled engine: xstate's snapshot fields, updated in place by every
 * action and microstep, so that one snapshot is built at the end instead of one per action and microstep.
 * Unstable (part of `@banli/core/internal`), not covered by semver.
 */

/** An event as the engine handles it. */
export type Event = { type: string; [key: string]: unknown };
/** A machine context. */
export type Dict = Record<string, unknown>;
/** A guard as a machine config holds it: a name, a name with params, or an inline function. */
export type Guard = string | { type: string; params?: unknown } | ((...args: unknown[]) => boolean);

/** A node list's state value and tags. */
export interface Configuration {
  value: StateValue;
  tags: readonly string[];
}

/** The working state of one macrostep: xstate's snapshot fields, without building a snapshot per action. */
export interface Work {
  nodes: AnyStateNode[];
  value: StateValue | undefined;
  /** The cached value and tags of `nodes`, once looked up. */
  configuration?: Configuration | undefined;
  context: Dict;
  status: string;
  output: unknown;
  historyValue: unknown;
  /** Bumped on every change a new xstate snapshot object would reflect (context, nodes, status). */
  changes: number;
  view?: WorkView;
}

/** The working state of an active snapshot, before its event. */
export function workOf(snapshot: AnyMachineSnapshot): Work {
  return {
    nodes: snapshot._nodes,
    value: snapshot.value,
    context: snapshot.context,
    status: snapshot.status,
    output: snapshot.output,
    historyValue: snapshot.historyValue,
    changes: 0,
  };
}

/** The snapshot fields guards and xstate's transition selection read, taken live from a macrostep's work state. */
export class WorkView {
  /**
   * @param machine - the machine the work state belongs to.
   * @param work - the work state read live.
   * @param resolveValue - the state value of the work state's nodes (cached by the stepper).
   */
  constructor(
    readonly machine: AnyStateMachine,
    private readonly work: Work,
    private readonly resolveValue: (w: Work) => StateValue,
  ) {}
  /** The current state value. */
  get value(): StateValue {
    return this.resolveValue(this.work);
  }
  /** The current context. */
  get context(): Dict {
    return this.work.context;
  }
  /** The active state nodes, as xstate's snapshots name them. */
  get _nodes(): AnyStateNode[] {
    return this.work.nodes;
  }
  /** xstate's `snapshot.matches`. */
  matches(test: StateValue): boolean {
    return matchesState(test, this.value);
  }
}
