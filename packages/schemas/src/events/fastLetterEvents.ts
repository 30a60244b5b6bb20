import type { z } from 'zod';
import { type FastParse, resetTally, tally } from '../internal/fastParse.js';
import { fastFollowUpReply, fastSubmitDraft, fastSubmitOpinion } from '../internal/fastParsers.generated.js';
import { CoUnitSubmitOpinionEventSchema } from './caseEvents.js';
import { FollowUpReplyEventSchema, ReplySubmitDraftEventSchema } from './replyEvents.js';
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

/**
 * The text of a letter event {@link fastLetterEventCounted} parsed, counted as it was read (issue 15: the size
 * limits are checked from these, without reading a 20 KB letter again). Characters are UTF-16 code units
 * (`String.length`), keys included.
 */
export interface LetterEventSizes {
  /**
   * Characters of every string value and every key in the event; `Infinity` when the parser accepted a part whose
   * text it does not count (a non-conforming printed document number, which its schema parses): count it another way.
   */
  text: number;
  /** The longest string value or key. */
  longest: number;
  /** The longest string held directly under an `id` or `…Id` key (0 if none). */
  longestId: number;
  /** The most objects and lists nested in one another the event's schema allows, the event itself counted. */
  levels: number;
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as z.core.$ZodType)._zod.def as unknown as Def;

/** The most objects and lists nested in a schema's values; `Infinity` for a schema kind not known here. */
function levelsOf(def: Def): number {
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'literal':
    case 'enum':
      return 0;
    case 'optional':
      return levelsOf(defOf(def.innerType));
    case 'array':
      return 1 + levelsOf(defOf(def.element));
    case 'object':
      return 1 + Math.max(0, ...Object.values(def.shape as object).map((field) => levelsOf(defOf(field))));
    default:
      return Number.POSITIVE_INFINITY;
  }
}

const counted: Partial<Record<BanliEventType, [FastParse<BanliEvent>, number]>> = {
  'reply.submitDraft': [fastSubmitDraft, levelsOf(defOf(ReplySubmitDraftEventSchema))],
  'followUp.reply': [fastFollowUpReply, levelsOf(defOf(FollowUpReplyEventSchema))],
  'coUnit.submitOpinion': [fastSubmitOpinion, levelsOf(defOf(CoUnitSubmitOpinionEventSchema))],
};

/**
 * {@link fastLetterEventParser}'s parse of `input` (a `type` it has a parser for), which also fills `sizes` with the
 * text it read, or `undefined` when the parser does not vouch for the input (`sizes` is then left as it was).
 *
 * @example
 * ```ts
 * const sizes = { text: 0, longest: 0, longestId: 0, levels: 0 };
 * const event = fastLetterEventCounted(input, sizes);
 * if (event !== undefined && sizes.text > 1_000_000) throw new Error('too large');
 * ```
 */
export function fastLetterEventCounted(input: unknown, sizes: LetterEventSizes): BanliEvent | undefined {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  const entry = typeof type === 'string' && Object.hasOwn(counted, type) ? counted[type as BanliEventType] : undefined;
  if (entry === undefined) return undefined;
  resetTally();
  const event = entry[0](input);
  if (event === undefined) return undefined;
  sizes.text = tally.counted ? tally.text : Number.POSITIVE_INFINITY;
  sizes.longest = tally.longest;
  sizes.longestId = tally.longestId;
  sizes.levels = entry[1];
  return event;
}
