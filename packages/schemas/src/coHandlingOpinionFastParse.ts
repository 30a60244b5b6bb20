import { type CoHandlingOpinion, opinionRules } from './coHandlingOpinion.js';
import {
  fastContact,
  fastDocNumber,
  fastIsoDate,
  fastItemReference,
  fastPrintedDocNumber,
  fastRecipientList,
  fastSignatory,
  fastUnit,
} from './internal/fastLetterParts.js';
import { type FastParse, fastArray, fastStrictObject, opt, req } from './internal/fastParse.js';
import { fastText } from './internal/fields.js';

/**
 * Parses a co-handling opinion (会办意见函) by hand, field by field as {@link CoHandlingOpinionSchema} does: exactly
 * its output for an opinion it accepts, or `undefined` when it does not vouch for the input (parse that with the
 * schema for the issues). Like {@link fastParseReplyLetter}, it never accepts what the schema refuses.
 *
 * @example
 * ```ts
 * const opinion = fastParseCoHandlingOpinion(input) ?? CoHandlingOpinionSchema.parse(input);
 * ```
 */
export const fastParseCoHandlingOpinion: FastParse<CoHandlingOpinion> = fastStrictObject<CoHandlingOpinion>(
  {
    fromUnit: req(fastUnit),
    toUnit: req(fastUnit),
    title: opt(fastText),
    docNumber: opt(fastDocNumber),
    printedDocNumber: opt(fastPrintedDocNumber),
    reference: opt(fastItemReference),
    text: req(fastText),
    closing: opt(fastText),
    date: req(fastIsoDate),
    dateText: opt(fastText),
    signatories: opt(fastArray(fastSignatory, 1)),
    contacts: opt(fastArray(fastContact, 1)),
    copyTo: opt(fastRecipientList),
  },
  opinionRules,
);
