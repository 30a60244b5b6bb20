import { fastParseCoHandlingOpinion } from '../coHandlingOpinionFastParse.js';
import { fastIsoDate } from '../internal/fastLetterParts.js';
import { type FastParse, fastArray, fastEnum, fastStrictObject, opt, req } from '../internal/fastParse.js';
import { fastText } from '../internal/fields.js';
import { fastParseReplyLetter } from '../replyLetterFastParse.js';
import type { BanliEvent, BanliEventType } from './union.js';

// `defineCaseEvent`'s fields, in its order: type, at, caseId, then the event's own.
const caseEvent = (type: string) => ({ type: req(fastEnum([type])), at: req(fastIsoDate), caseId: req(fastText) });

const letters = (type: string) =>
  fastStrictObject({
    ...caseEvent(type),
    letter: opt(fastParseReplyLetter),
    mergedLetters: opt(fastArray(fastParseReplyLetter)),
  });

// The events that carry letters, each mirroring its schema in events/replyEvents.ts or events/caseEvents.ts.
const parsers: Partial<Record<BanliEventType, FastParse<BanliEvent>>> = {
  'reply.submitDraft': letters('reply.submitDraft') as FastParse<BanliEvent>,
  'followUp.reply': letters('followUp.reply') as FastParse<BanliEvent>,
  'coUnit.submitOpinion': fastStrictObject({
    ...caseEvent('coUnit.submitOpinion'),
    opinion: req(fastParseCoHandlingOpinion),
  }) as FastParse<BanliEvent>,
};

/** The event types that carry a reply letter or a co-handling opinion, which {@link fastLetterEventParser} parses. */
export const FAST_PARSED_EVENT_TYPES = Object.keys(parsers) as BanliEventType[];

/**
 * The hand-written parser of an event type that carries letters (`reply.submitDraft`, `followUp.reply`,
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
