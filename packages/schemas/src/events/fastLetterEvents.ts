import { fastParseCoHandlingOpinion } from '../coHandlingOpinionFastParse.js';
import { fastIsoDate } from '../internal/fastLetterParts.js';
import { type FastParse, type Fields, fastArray, fastEnum, strictFields } from '../internal/fastParse.js';
import { fastText } from '../internal/fields.js';
import { fastParseReplyLetter } from '../replyLetterFastParse.js';
import type { BanliEvent, BanliEventType } from './union.js';

// The events that carry letters, each mirroring its schema in events/replyEvents.ts or events/caseEvents.ts:
// `defineCaseEvent`'s fields in its order (type, at, caseId), then the event's own.
const isSubmitDraft = fastEnum(['reply.submitDraft']);
const isFollowUpReply = fastEnum(['followUp.reply']);
const isSubmitOpinion = fastEnum(['coUnit.submitOpinion']);
const fastLetters = fastArray(fastParseReplyLetter);

const SUBMIT_DRAFT_KEYS = new Set(['type', 'at', 'caseId', 'letter', 'mergedLetters']);

/** `ReplySubmitDraftEventSchema`. */
function fastSubmitDraft(i: unknown): BanliEvent | undefined {
  if (!strictFields(i, SUBMIT_DRAFT_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = isSubmitDraft(i.type);
  if (v === undefined) return undefined;
  o.type = v;
  v = fastIsoDate(i.at);
  if (v === undefined) return undefined;
  o.at = v;
  v = fastText(i.caseId);
  if (v === undefined) return undefined;
  o.caseId = v;
  v = i.letter;
  if (v !== undefined) {
    v = fastParseReplyLetter(v);
    if (v === undefined) return undefined;
    o.letter = v;
  } else if ('letter' in i) o.letter = undefined;
  v = i.mergedLetters;
  if (v !== undefined) {
    v = fastLetters(v);
    if (v === undefined) return undefined;
    o.mergedLetters = v;
  } else if ('mergedLetters' in i) o.mergedLetters = undefined;
  return o as BanliEvent;
}

const FOLLOW_UP_REPLY_KEYS = new Set(['type', 'at', 'caseId', 'letter', 'mergedLetters']);

/** `FollowUpReplyEventSchema`. */
function fastFollowUpReply(i: unknown): BanliEvent | undefined {
  if (!strictFields(i, FOLLOW_UP_REPLY_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = isFollowUpReply(i.type);
  if (v === undefined) return undefined;
  o.type = v;
  v = fastIsoDate(i.at);
  if (v === undefined) return undefined;
  o.at = v;
  v = fastText(i.caseId);
  if (v === undefined) return undefined;
  o.caseId = v;
  v = i.letter;
  if (v !== undefined) {
    v = fastParseReplyLetter(v);
    if (v === undefined) return undefined;
    o.letter = v;
  } else if ('letter' in i) o.letter = undefined;
  v = i.mergedLetters;
  if (v !== undefined) {
    v = fastLetters(v);
    if (v === undefined) return undefined;
    o.mergedLetters = v;
  } else if ('mergedLetters' in i) o.mergedLetters = undefined;
  return o as BanliEvent;
}

const SUBMIT_OPINION_KEYS = new Set(['type', 'at', 'caseId', 'opinion']);

/** `CoUnitSubmitOpinionEventSchema`. */
function fastSubmitOpinion(i: unknown): BanliEvent | undefined {
  if (!strictFields(i, SUBMIT_OPINION_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = isSubmitOpinion(i.type);
  if (v === undefined) return undefined;
  o.type = v;
  v = fastIsoDate(i.at);
  if (v === undefined) return undefined;
  o.at = v;
  v = fastText(i.caseId);
  if (v === undefined) return undefined;
  o.caseId = v;
  v = fastParseCoHandlingOpinion(i.opinion);
  if (v === undefined) return undefined;
  o.opinion = v;
  return o as BanliEvent;
}

const parsers: Partial<Record<BanliEventType, FastParse<BanliEvent>>> = {
  'reply.submitDraft': fastSubmitDraft,
  'followUp.reply': fastFollowUpReply,
  'coUnit.submitOpinion': fastSubmitOpinion,
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
