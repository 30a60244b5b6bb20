import type { CoHandlingOpinion } from './coHandlingOpinion.js';
import { fastParseCoHandlingOpinion as generated } from './internal/fastParsers.generated.js';

/**
 * Parses a co-handling opinion (会办意见函) by hand, field by field as {@link CoHandlingOpinionSchema} does: exactly
 * its output for an opinion it accepts, or `undefined` when it does not vouch for the input (parse that with the
 * schema for the issues). Like {@link fastParseReplyLetter}, it never accepts what the schema refuses; its code is
 * generated from the schema (scripts/genFastParsers.ts).
 *
 * @example
 * ```ts
 * const opinion = fastParseCoHandlingOpinion(input) ?? CoHandlingOpinionSchema.parse(input);
 * ```
 */
export const fastParseCoHandlingOpinion: (input: unknown) => CoHandlingOpinion | undefined = generated;
