import { assertEvent, assign } from 'xstate';
import type { CaseEvent, CaseEventOf, CaseEventType } from '../events.js';
import type { CaseContext } from '../types.js';

/** Wraps a pure reducer of one event type into a named `assign` action (wrong event types throw). */
export function reduce<T extends CaseEventType>(
  type: T | T[],
  reducer: (ctx: CaseContext, e: CaseEventOf<T>) => Partial<CaseContext>,
) {
  return assign<CaseContext, CaseEvent, undefined, CaseEvent, never>(({ context, event }) => {
    assertEvent(event, type);
    return reducer(context, event as unknown as CaseEventOf<T>);
  });
}

/** Wraps a reducer that only needs the business date of whatever event triggered it. */
export function reduceAt(reducer: (ctx: CaseContext, at: string) => Partial<CaseContext>) {
  return assign<CaseContext, CaseEvent, undefined, CaseEvent, never>(({ context, event }) =>
    reducer(context, event.at),
  );
}
