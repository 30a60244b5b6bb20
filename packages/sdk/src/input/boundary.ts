import {
  type BanliEvent,
  BanliEventSchema,
  fastLetterEventCounted,
  fastLetterEventParser,
  type LetterEventSizes,
  type Proposal,
  ProposalSchema,
} from '@banli/schemas';
import { ValidationError, type ValidationIssue } from '../errors.js';
import type { Measurement } from '../internal/measurement.js';
import { fastParseEvent, proposalIssues, runtimeParseEvent, safeParseProposal } from '../internal/validate.js';
import type { SizeLimits } from '../limits.js';
import { type OnePassParse, onePassParser } from './onePass.js';
import { ARG } from './options.js';
import { checkPayload, checkPayloadShape } from './payload.js';
import { countedWithinSizeLimits, withinSizeLimits } from './sizes.js';

/**
 * A payload validated once at the boundary (issues 15 and 19). The payload walk checks its shape and sizes only
 * (`checkPayloadShape`); the schema parse enforces the text rules, which every string a banli schema
 * accepts obeys (schemas/test/textRuleInvariant.test.ts), so each string is read by one of them, not by both. When
 * the schema refuses, the whole payload walk runs first: the refusal is the one the walk-then-parse order gave, the
 * walk's first problem (a NUL, a lone surrogate, a leading U+FEFF, in the payload's order) or else the schema's
 * issues, with the same codes, paths and zh-CN/en messages (test/validateOnce.test.ts compares both on generated
 * inputs).
 *
 * Before either, one pass (`input/onePass.ts`) does the walk's work and the schema's at once for an input they both
 * accept, and gives the schema's output; it answers nothing for any other input, which then takes the way above. The
 * events that carry letters (a reply letter, a co-handling opinion) are parsed by their hand-written parsers from
 * @banli/schemas first, then their sizes counted (see `letterEventFirst`); what those parsers do not vouch for takes
 * the way above.
 */

/** Top-level fields of the events that carry letters, whose parsing is validate.ts's (see `fastParseEvent`). */
const LETTER_FIELDS = ['letter', 'mergedLetters', 'opinion'];

/** The one-pass parser of each event type that carries no letter. */
const onePassEvents = new Map<unknown, OnePassParse<BanliEvent>>();
for (const option of BanliEventSchema.options) {
  if (LETTER_FIELDS.some((field) => field in option.shape)) continue;
  const parse = onePassParser<BanliEvent>(option, { letter: true });
  if (parse) onePassEvents.set(option.shape.type.value, parse);
}
const onePassProposal = onePassParser<Proposal>(ProposalSchema);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An event dated: as sent when it has `at`, else a copy of it dated `today()` (the command's date). */
export function datedEvent(raw: Record<string, unknown>, today: () => string): Record<string, unknown> {
  return raw.at === undefined ? { ...raw, at: today() } : raw;
}

/** An event as the boundary left it: parsed, or the schema's issues to refuse it with where the command parses. */
export type BoundaryEvent =
  | { event: BanliEvent; issues?: undefined }
  | { event?: undefined; issues: ValidationIssue[] };

/** The refusal of an event that is not an object. */
export function notAnObject(): ValidationError {
  return new ValidationError([
    { path: [], code: 'invalid_type', messages: { 'zh-CN': '事件须为对象', en: 'must be an object' } },
  ]);
}

/**
 * Validates `send`'s event once, after the other arguments and before anything is read (`at`, when absent, is
 * `today`): its shape and sizes, that it is an object, then its schema. Throws the payload walk's problem, if it has
 * one, right away, where the argument checks always threw it; a refusal by the schema alone is returned, to be thrown
 * where the command has always parsed (after the version check and the load, with the state attached).
 */
export function eventAtBoundary(
  limits: SizeLimits,
  input: unknown,
  today: () => string,
  letterParse?: Measurement['letterParse'],
): BoundaryEvent {
  const onePass = isRecord(input) ? onePassEvents.get(input.type) : undefined;
  if (onePass !== undefined) {
    const raw = input as Record<string, unknown>;
    const event = onePass(datedEvent(raw, today), limits);
    if (event !== undefined) return { event };
  }
  const letters = letterEventFirst(limits, input, today, letterParse);
  if (letters !== undefined) return { event: letters };
  checkPayloadShape(input, limits, ARG.event, { letter: true });
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    checkPayload(input, limits, ARG.event, { letter: true });
    throw notAnObject();
  }
  const raw = input as Record<string, unknown>;
  const event = datedEvent(raw, today);
  const fast = fastParseEvent(event);
  if (fast !== undefined) return { event: fast };
  // Refused by the schema: the walk's first problem, if any, is the refusal, as it was when the walk ran first.
  checkPayload(input, limits, ARG.event, { letter: true });
  const parsed = runtimeParseEvent(event);
  return parsed.success ? { event: parsed.data } : { issues: parsed.issues };
}

/** The sizes a letter event's parse counted (one at a time: validation is synchronous). */
const counted: LetterEventSizes = { text: 0, longest: 0, longestId: 0, levels: 0 };

/**
 * An event that carries letters (issue 15: a 20 KB letter), parsed by its hand-written parser before the payload walk:
 * once the parser accepts it, it is plain JSON data, and only its sizes are left to check. The parser counts them as
 * it reads the event (`fastLetterEventCounted`; an event without `at` as a copy dated today, whose counts are the
 * event's and the date's), so the letter is read once; where those counts cannot vouch for the limits
 * (`countedWithinSizeLimits`), one pass reading lengths decides (`withinSizeLimits`) instead of the walk. Should that pass find a limit reached, the walk
 * runs and throws its problem, as it did when it ran first. `undefined` for other events, or when the parser does
 * not vouch for the event (or throws, as a hostile getter may): then the usual order runs, walk first. The benchmarks'
 * `letterParse` (measurement only) runs in place of the parser and its counts.
 */
function letterEventFirst(
  limits: SizeLimits,
  input: unknown,
  today: () => string,
  letterParse: Measurement['letterParse'],
): BanliEvent | undefined {
  if (!isRecord(input)) return undefined;
  const raw = input;
  if (fastLetterEventParser(raw.type) === undefined) return undefined;
  if (letterParse !== undefined) return letterParse(datedEvent(raw, today)) as BanliEvent;
  let parsed: BanliEvent | undefined;
  let sized = false;
  try {
    // Without `at`, the parser reads a copy dated today: its counts hold the key `at` and the date too, more than the
    // caller's event has, so limits they are within the caller's event is within as well (issue 19: each input is
    // read once; the length pass read a 20 KB letter again for every event sent without a date).
    parsed = fastLetterEventCounted(datedEvent(raw, today), counted);
    sized = parsed !== undefined && countedWithinSizeLimits(counted, limits);
  } catch {
    return undefined;
  }
  if (parsed !== undefined && !sized && !withinSizeLimits(input, limits, true))
    checkPayload(input, limits, ARG.event, { letter: true });
  return parsed;
}

/**
 * Validates `submit`'s proposal once, after the other arguments: its shape and sizes, then its schema. Throws the
 * payload walk's first problem, else the schema's issues.
 */
export function proposalAtBoundary(limits: SizeLimits, input: unknown): Proposal {
  const onePass = onePassProposal?.(input, limits);
  if (onePass !== undefined) return onePass;
  checkPayloadShape(input, limits, ARG.proposal);
  const parsed = safeParseProposal(input);
  if (parsed.success) return parsed.data;
  checkPayload(input, limits, ARG.proposal);
  throw new ValidationError(proposalIssues(parsed.error, input));
}
