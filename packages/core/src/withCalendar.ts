import { type Calendar, chinaMainland, computeDueDate } from '@banli/calendar';
import { type AnyStateMachine, assign } from 'xstate';
import { type CalendarRef, type DueDateResolver, fillDueDates, missingCalendar } from './calendar.js';
import type { Deadline } from './deadlines.js';

/** The resolver made for each calendar, so the machines' copies and the refusals' explanations share one. */
const resolvers = new WeakMap<Calendar, DueDateResolver>();

/**
 * A resolver backed by a `@banli/calendar` calendar; days it does not cover are estimated from the statutory holiday
 * rules and give `provisional` due dates. The same calendar gives the same resolver.
 */
export function calendarResolver(calendar: Calendar): DueDateResolver {
  let resolve = resolvers.get(calendar);
  if (!resolve) {
    resolve = (rule, start) => computeDueDate(calendar, rule, start, { uncovered: 'statutory' });
    resolvers.set(calendar, resolve);
  }
  return resolve;
}

/** The default resolver of the machines: the built-in China-mainland calendar when the ref names it, else a refusal. */
export function defaultResolver(ref: CalendarRef): DueDateResolver {
  const builtIn = ref.id === chinaMainland.id && ref.version === chinaMainland.version;
  return builtIn ? calendarResolver(chinaMainland) : missingCalendar(ref);
}

/**
 * Returns a copy of a banli machine whose `computeDueDates` action uses the given resolver (the original is untouched).
 *
 * @example
 * ```ts
 * const machine = withDueDateResolver(caseMachine, (rule, start) => computeDueDate(myCalendar, rule, start));
 * ```
 */
export function withDueDateResolver<M extends AnyStateMachine>(machine: M, resolve: DueDateResolver): M {
  const computeDueDates = assign(({ context }: { context: { deadlines: Deadline[] } }) => ({
    deadlines: fillDueDates(context.deadlines, resolve),
  }));
  return machine.provide({ actions: { computeDueDates } } as never) as M;
}

/** The copies `withCalendar` made, by machine and calendar. */
const copies = new WeakMap<AnyStateMachine, WeakMap<Calendar, AnyStateMachine>>();

/**
 * Returns a copy of a banli machine that computes due dates with this calendar (a closure; context keeps only its id
 * and version). The same machine and calendar give the same copy.
 *
 * @example
 * ```ts
 * const machine = withCalendar(proposalMachine, chinaMainland);
 * ```
 */
export function withCalendar<M extends AnyStateMachine>(machine: M, calendar: Calendar): M {
  // Machines are immutable, so one copy per machine and calendar serves every caller (a coordinator per request
  // reuses the state nodes, their structure hash and the compiled engine's per-transition caches).
  let byCalendar = copies.get(machine);
  if (!byCalendar) {
    byCalendar = new WeakMap();
    copies.set(machine, byCalendar);
  }
  let copy = byCalendar.get(calendar);
  if (!copy) {
    copy = withDueDateResolver(machine, calendarResolver(calendar));
    byCalendar.set(calendar, copy);
  }
  return copy as M;
}

/** The calendar reference to put in machine input. */
export function calendarRef(calendar: Pick<Calendar, 'id' | 'version'>): CalendarRef {
  return { id: calendar.id, version: calendar.version };
}
