import { type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, createActor } from 'xstate';

/** An action xstate hands back from a pure transition (assign is already applied; emit and custom ones are data). */
export interface StepAction {
  type: string;
  info?: unknown;
  params?: unknown;
  exec?: ((info: unknown, params: unknown) => void) | undefined;
}

/** Pure transitions of one machine through a single reused actor scope. */
export interface Stepper {
  /** The next snapshot and the actions to run, like xstate's `transition()`. */
  transition(snapshot: AnyMachineSnapshot, event: { type: string }): [AnyMachineSnapshot, StepAction[]];
  /** Like `transition`, but `undefined` (and nothing run) when `snapshot.can(event)` is false. */
  transitionIfAccepted(
    snapshot: AnyMachineSnapshot,
    event: { type: string },
  ): [AnyMachineSnapshot, StepAction[]] | undefined;
  /** The initial snapshot and its actions, like xstate's `initialTransition()`. */
  initial(input: unknown): [AnyMachineSnapshot, StepAction[]];
  /** The reused actor scope (its `self` and `system` are what actions receive). */
  readonly scope: AnyActorScope;
  /** Whether transitions run on banli's compiled path (`createCompiledStepper`) rather than xstate's `transition`. */
  readonly compiled: boolean;
  /** How many transitions a compiled stepper handed to xstate because they used what it does not run. */
  readonly fallbacks: number;
}

/**
 * Builds a stepper: the same result as xstate's `transition()`/`initialTransition()`, without building a throwaway
 * actor (and its initial snapshot) on every call, which made `transition()` about 3× slower than `machine.transition`.
 */
export function createStepper(machine: AnyStateMachine): Stepper {
  // As xstate's inert scope: the actor is never started; its eager initial snapshot may fail without input (ignored).
  const self = createActor(machine);
  let sink: StepAction[] = [];
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: (action: StepAction) => {
      sink.push(action);
    },
  } as unknown as AnyActorScope;
  return {
    scope,
    compiled: false,
    fallbacks: 0,
    transition(snapshot, event) {
      const actions: StepAction[] = [];
      sink = actions;
      const next = machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
      return [next, actions];
    },
    transitionIfAccepted(snapshot, event) {
      return snapshot.can(event) ? this.transition(snapshot, event) : undefined;
    },
    initial(input) {
      const actions: StepAction[] = [];
      sink = actions;
      const next = machine.getInitialSnapshot(scope, input) as AnyMachineSnapshot;
      return [next, actions];
    },
  };
}
