import type { DueDateResolver } from '../calendar.js';
import type { Bilingual } from '../domain.js';

/**
 * Why an event was refused: a stable machine-readable `code`, the rule that refused it in plain zh-CN and en, and
 * the domain.md source of that rule when it has one.
 *
 * @example
 * ```ts
 * const reason: RefusalReason = {
 *   code: 'adjustment.windowClosed',
 *   source: 'S22',
 *   messages: { 'zh-CN': '调整申请须在交办后 3 个工作日内提出（截至 2023年3月20日）', en: '…' },
 * };
 * ```
 */
export interface RefusalReason {
  /** Stable code, `<area>.<rule>` in camelCase, e.g. `extension.afterDue`. */
  code: string;
  /** The rule in plain words, dates printed as 2023年3月15日 in Chinese. */
  messages: Bilingual;
  /** The domain.md source number of the rule (e.g. `S9`), when the rule is sourced. */
  source?: string;
  /**
   * Every item found, when one refusal lists several (e.g. `signOff.letterIncomplete`: each field the letter lacks),
   * each with its own code, field, messages and source; the `messages` above list them all.
   */
  details?: RefusalDetail[];
}

/** One item of a refusal that lists several, e.g. one field a reply letter lacks. */
export interface RefusalDetail {
  /** What was found, e.g. `letter.fieldMissing`. */
  code: string;
  /** The field concerned, e.g. `contact`. */
  field?: string;
  /** The item in plain zh-CN and en. */
  messages: Bilingual;
  /** The domain.md source of the rule that requires it, when it has one. */
  source?: string;
}

/**
 * One refusal rule: for the event types it covers, returns the reason when the rule refuses the event in this
 * context, `undefined` otherwise. Rules are checked in order; the first reason wins.
 */
export interface RefusalRule<C, E extends { type: string }> {
  /** The event types it explains. */
  events: readonly E['type'][];
  /**
   * The reason, when this rule is what refuses the event. `resolve` computes due dates with the calendar the
   * machines compute deadlines with, so a date the reason names is the one a deadline would have.
   */
  explain(ctx: C, event: E, resolve: DueDateResolver): RefusalReason | undefined;
}

/** Declares a refusal rule with its event types narrowed (a typing helper; returns the rule as is). */
export function refusalRule<C, E extends { type: string }, T extends E['type']>(
  events: readonly T[],
  explain: (ctx: C, event: Extract<E, { type: T }>, resolve: DueDateResolver) => RefusalReason | undefined,
): RefusalRule<C, E> {
  return { events, explain: explain as RefusalRule<C, E>['explain'] };
}

/** The first reason the rules give for this event, if any (`resolve`: the machines' due dates, for the rules). */
export function firstReason<C, E extends { type: string }>(
  rules: readonly RefusalRule<C, E>[],
  ctx: C,
  event: E,
  resolve: DueDateResolver,
): RefusalReason | undefined {
  for (const rule of rules) {
    if (!rule.events.includes(event.type)) continue;
    const reason = rule.explain(ctx, event, resolve);
    if (reason) return reason;
  }
  return undefined;
}
