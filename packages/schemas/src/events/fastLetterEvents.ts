import type { FastParse } from '../internal/fastParse.js';
import { fastFollowUpReply, fastSubmitDraft, fastSubmitOpinion } from '../internal/fastParsers.generated.js';
import type { BanliEvent, BanliEventType } from './union.js';

// The events that carry letters, each parsed by a parser generated from its schema in events/replyEvents.ts or
// events/caseEvents.ts (scripts/genFastParsers.ts).
const parsers: Partial<Record<BanliEventType, FastParse<BanliEvent>>> = {
  'reply.submitDraft': fastSubmitDraft,
  'followUp.reply': fastFollowUpReply,
  'coUnit.submitOpinion': fastSubmitOpinion,
};

/** The event types that carry a reply letter or a co-handling opinion, which {@link fastLetterEventParser} parses. */
export const FAST_PARSED_EVENT_TYPES = Object.keys(parsers) as BanliEventType[];

/**
 * The fast parser of an event type that carries letters (`reply.submitDraft`, `followUp.reply`,
 * `coUnit.submitOpinion`), or `undefined` for other types. The parser returns exactly what the event's schema returns
 * for an event it accepts, or `undefined` when it does not vouch for the input: parse that with the schema (or
 * `BanliEventSchema`) for the issues. A 20 KB letter is parsed several times faster than by zod (issues 15 and 19).
 *
 * @example
 * ```ts
 * const event = fastLetterEventParser('reply.submitDraft')?.(input) ?? BanliEventSchema.parse(input);
 * ```
 */
export function fastLetterEventParser(type: unknown): FastParse<BanliEvent> | undefined {
  return typeof type === 'string' && Object.hasOwn(parsers, type) ? parsers[type as BanliEventType] : undefined;
}
