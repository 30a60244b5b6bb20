import { assertEvent, assign } from 'xstate';
import type { ProposalEvent, ProposalEventOf, ProposalEventType } from '../events.js';
import type { ProposalContext } from '../types.js';

/** Wraps a pure reducer of one event type into a named `assign` action (wrong event types throw). */
export function reduce<T extends ProposalEventType>(
  type: T | T[],
  reducer: (ctx: ProposalContext, e: ProposalEventOf<T>) => Partial<ProposalContext>,
) {
  return assign<ProposalContext, ProposalEvent, undefined, ProposalEvent, never>(({ context, event }) => {
    assertEvent(event, type);
    return reducer(context, event as unknown as ProposalEventOf<T>);
  });
}
