import type { Calendar } from '@banli/calendar';
import type { Proposal } from '@banli/schemas';
import type { BanliOptions } from '@banli/sdk';
import type { ActorRef } from './actors.js';

/** A zh-CN / en pair. */
export interface Bilingual {
  'zh-CN': string;
  en: string;
}

/** What a step or the whole scenario expects; every field is optional and checked only when given. */
export interface Expectation {
  /** The proposal's top-level state, e.g. `inHandling`, `archived`. */
  proposal?: string;
  /** Case states by unit id, as a dotted path prefix of the case's main region, e.g. `replied.awaitingFeedback`. */
  cases?: Record<string, string>;
  /** Deadlines that must exist (by kind, optionally unit, due date and status). */
  deadlines?: readonly DeadlineExpectation[];
  /** Notification types this step must emit (e.g. `reply.issued`, `deadline.missed`, `deadline.escalated`). */
  emitted?: readonly string[];
  /** The step must be refused with this SDK error code (e.g. `TRANSITION_REFUSED`); nothing is written. */
  refused?: string;
}

/** One expected deadline. */
export interface DeadlineExpectation {
  kind: string;
  /** The unit whose case holds it. */
  unit?: string;
  due?: string;
  status?: 'open' | 'met' | 'missed' | 'cancelled';
}

/** An event as a tester writes it: `at` defaults to the step's date and `caseId` comes from `case`. */
export type StepEvent = { type: string } & Record<string, unknown>;

/** Submit the scenario's proposal. */
export interface SubmitStep {
  on: string;
  by: ActorRef;
  submit: true;
  expect?: Expectation;
}

/** Send one event; `case` names the unit whose case it targets. */
export interface SendStep {
  on: string;
  by: ActorRef;
  send: StepEvent;
  case?: string;
  expect?: Expectation;
}

/** Let the scheduler run on this date (fires due deadlines, reminders and escalations). */
export interface TickStep {
  on: string;
  tick: true;
  expect?: Expectation;
}

/** One line of a scenario. */
export type ScenarioStep = SubmitStep | SendStep | TickStep;

/** What the scenario ends with, beyond a final `Expectation`. */
export interface FinalExpectation extends Expectation {
  /** Letters issued, by unit id: document number and class of the latest reply. */
  letters?: Record<string, { docNumber?: string; class?: string }>;
  /** How many deadlines were missed over the whole run. */
  missedDeadlines?: number;
}

/** "Given a proposal, when these actors send these events on these dates, then these states, deadlines and letters." */
export interface Scenario {
  /** A camelCase name, e.g. `seedCase132402`. */
  name: string;
  /** What the scenario shows, for humans. */
  title: Bilingual;
  /** Given: the proposal. */
  proposal: Proposal;
  /** The policy. @defaultValue the harness default (`guangdongCity`) */
  policy?: BanliOptions['policy'];
  /** The calendar. @defaultValue `chinaMainland` */
  calendar?: Calendar;
  /** The unit id of the assigning office, for the `office` actor. */
  officeUnitId?: string;
  /** When: the steps, in date order. */
  steps: readonly ScenarioStep[];
  /** Then: the end state (`outcome`, since a `then` property would make the object thenable). */
  outcome?: FinalExpectation;
}

/**
 * Declares a scenario (an identity function that gives it its type).
 *
 * @example
 * ```ts
 * export const rejected = defineScenario({
 *   name: 'rejected', title: { 'zh-CN': '不予立案', en: 'Not registered' }, proposal,
 *   steps: [
 *     { on: '2023-02-20', by: 'proposer', submit: true },
 *     { on: '2023-02-21', by: 'committee', send: { type: 'review.start' } },
 *     { on: '2023-02-24', by: 'committee', send: { type: 'review.reject', reason: 'notInScope' } },
 *   ],
 *   outcome: { proposal: 'rejected' },
 * });
 * ```
 */
export function defineScenario(scenario: Scenario): Scenario {
  return scenario;
}
