import { fastParseReplyLetter as generated } from './internal/fastParsers.generated.js';
import type { ReplyLetter } from './replyLetter.js';

/**
 * Parses a reply letter by hand, field by field as {@link ReplyLetterSchema} does (issues 15 and 19: zod's parse of a
 * 20 KB letter was most of the cost of `reply.submitDraft`). Returns exactly what `ReplyLetterSchema.parse` returns
 * for a letter it accepts (a new object, keys in the schema's order, every check and rule applied), or `undefined`
 * when it does not vouch for the input: parse that with `ReplyLetterSchema` for the issues. It never accepts a letter
 * the schema refuses (test/fastParseLetters.test.ts compares both on generated and real letters). The code is
 * generated from the schema (scripts/genFastParsers.ts).
 *
 * @example
 * ```ts
 * const letter = fastParseReplyLetter(input) ?? ReplyLetterSchema.parse(input);
 * ```
 */
export const fastParseReplyLetter: (input: unknown) => ReplyLetter | undefined = generated;
