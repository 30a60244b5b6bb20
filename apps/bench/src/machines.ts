import { chinaMainland } from '@banli/calendar';
import { caseMachine, presets, proposalMachine, withCalendar } from '@banli/core';
import { createStepper, proposalInputFrom, type StepAction } from '@banli/core/internal';
import type { Proposal } from '@banli/schemas';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';

/** The policy every benchmark uses. */
export const policy = presets.guangdongCity;
/** The core machines bound to the China-mainland calendar, exactly as the coordinator builds them. */
export const pm = withCalendar(proposalMachine, chinaMainland);
/** The case machine bound to the calendar. */
export const cm = withCalendar(caseMachine, chinaMainland);

/** The proposal machine's input for a new proposal: core's own (`proposalInputFrom`), as the coordinator's `start`. */
export function proposalInput(proposal: unknown, at: string) {
  return proposalInputFrom({ proposal: proposal as Proposal, at }, policy, chinaMainland);
}

/** A notification emitted by a machine. */
export type Emitted = { type: string; caseId?: string; at: string; [key: string]: unknown };

/**
 * The case input for a `case.opened` notification and the proposal's event for a case notification: core's own
 * (`@banli/core/internal`), so the bare-XState baselines run on exactly the input the coordinator builds.
 */
export { caseInputFrom as caseInput, toProposalEvent } from '@banli/core/internal';

/**
 * `machine.transition(snapshot, event, scope)` through one reused actor scope: core's own xstate stepper
 * (`createStepper` of `@banli/core/internal`, the engine the coordinator runs with `engine: 'xstate'`), returning
 * the events the step emitted.
 */
export function reusedScope(machine: AnyStateMachine) {
  const stepper = createStepper(machine);
  return {
    transition(snapshot: AnyMachineSnapshot, event: unknown): [AnyMachineSnapshot, Emitted[]] {
      const [next, actions] = stepper.transition(snapshot, event as { type: string });
      return [next, emittedOf(actions)];
    },
    initial(input: unknown): [AnyMachineSnapshot, Emitted[]] {
      const [next, actions] = stepper.initial(input);
      return [next, emittedOf(actions)];
    },
  };
}

function emittedOf(actions: readonly StepAction[]): Emitted[] {
  const out: Emitted[] = [];
  for (const a of actions) if (a.type === 'xstate.emit') out.push((a.params as { event: Emitted }).event);
  return out;
}
