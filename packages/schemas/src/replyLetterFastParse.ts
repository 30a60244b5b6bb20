import {
  fastClassGrade,
  fastClassMark,
  fastContact,
  fastDisclosure,
  fastDocNumber,
  fastImprint,
  fastIsoDate,
  fastIssuingUnit,
  fastItemReference,
  fastPrintedDocNumber,
  fastRecipientList,
  fastReplyClass,
  fastResponse,
  fastSignatory,
} from './internal/fastLetterParts.js';
import { type FastParse, fastArray, fastStrictObject, opt } from './internal/fastParse.js';
import { fastText } from './internal/fields.js';
import { type ReplyLetter, replyLetterRules } from './replyLetter.js';

/**
 * Parses a reply letter by hand, field by field as {@link ReplyLetterSchema} does (issues 15 and 19: zod's parse of a
 * 20 KB letter was most of the cost of `reply.submitDraft`). Returns exactly what `ReplyLetterSchema.parse` returns
 * for a letter it accepts (a new object, keys in the schema's order, every check and rule applied), or `undefined`
 * when it does not vouch for the input: parse that with `ReplyLetterSchema` for the issues. It never accepts a letter
 * the schema refuses (test/fastParseLetters.test.ts compares both on generated and real letters).
 *
 * @example
 * ```ts
 * const letter = fastParseReplyLetter(input) ?? ReplyLetterSchema.parse(input);
 * ```
 */
export const fastParseReplyLetter: FastParse<ReplyLetter> = fastStrictObject<ReplyLetter>(
  {
    proposalId: opt(fastText),
    reference: opt(fastItemReference),
    docNumber: opt(fastDocNumber),
    printedDocNumber: opt(fastPrintedDocNumber),
    class: opt(fastReplyClass),
    classGrade: opt(fastClassGrade),
    classMark: opt(fastClassMark),
    letterhead: opt(fastText),
    title: opt(fastText),
    addressees: opt(fastArray(fastText)),
    opening: opt(fastText),
    intro: opt(fastArray(fastText)),
    responses: opt(fastArray(fastResponse, 1)),
    body: opt(fastArray(fastText)),
    closing: opt(fastText),
    issuingUnit: opt(fastIssuingUnit),
    coUnits: opt(fastArray(fastText)),
    consultedUnits: opt(fastArray(fastText)),
    signatories: opt(fastArray(fastSignatory)),
    date: opt(fastIsoDate),
    dateText: opt(fastText),
    contacts: opt(fastArray(fastContact, 1)),
    disclosure: opt(fastDisclosure),
    reportTo: opt(fastRecipientList),
    copyTo: opt(fastRecipientList),
    imprint: opt(fastImprint),
  },
  replyLetterRules,
);
