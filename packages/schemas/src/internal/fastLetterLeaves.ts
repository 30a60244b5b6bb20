import { ClassMarkPositionSchema } from '../classMark.js';
import { checkDocNumber } from '../docNumber.js';
import { isRealIsoDate } from '../isoDate.js';
import {
  ContactSchema,
  DisclosureModeSchema,
  isMaskedPhoneNumber,
  isPhoneNumber,
  isPostcode,
} from '../letterFooter.js';
import { ProposalKindSchema } from '../proposal.js';
import { ReplyClassSchema } from '../replyClass.js';
import { PrintedDocNumberSchema } from '../replyLetter.js';
import { AdoptionSchema } from '../response.js';
import { SignatoryRoleSchema } from '../signatory.js';
import { textRuleViolation } from '../textRules.js';
import { countText, type FastParse, fastEnum, fastInt, fastString, tally } from './fastParse.js';

// The hand-written leaves of the letter fast parsers: one fast parser per string, number or enum schema a letter
// field uses (besides `fastText`, in `fields.ts`). The object parsers made of them (the reply letter, the co-handling
// opinion, their parts and the events carrying them) are generated from the schemas into `fastParsers.generated.ts`
// by scripts/genFastParsers.ts, which names the leaf of each field; test/fastParseLetters.test.ts holds every parser
// to its schema. A non-conforming printed document number, which a letter rarely carries, is left to its schema.

/** `isoDateField`: a real `YYYY-MM-DD` day. */
export const fastIsoDate: FastParse<string> = (input) => {
  if (typeof input !== 'string' || !isRealIsoDate(input)) return undefined;
  countText(input);
  return input;
};

// A document number in the plain form most letters print (Han characters or Latin letters, 〔year〕, serial, 号), which
// breaks no rule `checkDocNumber` knows; any other form is analysed by it (issue 15: the analysis was a tenth of a
// letter's parse less its text-rule scan). A shortcut, not a second definition: it only ever answers "conforms" for
// numbers the analysis passes (test/fastParseLetters.test.ts generates numbers near the rules to hold it to that).
const PLAIN_DOC_NUMBER = /^[\p{Script=Han}A-Za-z]+〔[0-9]{4}〕[1-9][0-9]{0,8}号$/u;

/** `DocNumberSchema`: no GB/T 9704 rule broken, and the text rules. */
export const fastDocNumber = fastString((value) => PLAIN_DOC_NUMBER.test(value) || checkDocNumber(value).length === 0);

/** `PrintedDocNumberSchema` (rare: parsed by its schema, so its text is not counted: the tally says so). */
export const fastPrintedDocNumber: FastParse<unknown> = (input) => {
  const result = PrintedDocNumberSchema.safeParse(input);
  if (!result.success) return undefined;
  tally.counted = false;
  return result.data;
};

/** `ReplyClassSchema`. */
export const fastReplyClass = fastEnum(ReplyClassSchema.options);

/** A letter's `classGrade`: `z.number().int().min(1).max(9)`. */
export const fastClassGrade = fastInt(1, 9);

/** `ProposalKindSchema` (an item reference's kind). */
export const fastProposalKind = fastEnum(ProposalKindSchema.options);

/** `ClassMarkPositionSchema`. */
export const fastClassMarkPosition = fastEnum(ClassMarkPositionSchema.options);

/** `AdoptionSchema` (a response's adoption). */
export const fastAdoption = fastEnum(AdoptionSchema.options);

/** `SignatoryRoleSchema`. */
export const fastSignatoryRole = fastEnum(SignatoryRoleSchema.options);

/** `DisclosureModeSchema`. */
export const fastDisclosureMode = fastEnum(DisclosureModeSchema.options);

/** `z.number().int().min(1)`: a term, a session, a number of copies. */
export const fastPositiveInt = fastInt(1);

/** A contact's telephone number (`isPhoneNumber`, and the text rules). */
export const fastPhone = fastString(isPhoneNumber);

/** A contact's telephone printed with digits masked (`isMaskedPhoneNumber`, and the text rules). */
export const fastMaskedPhone = fastString(isMaskedPhoneNumber);

/** `BilingualSchema`'s texts: the text rules on the text as given, then trimmed, then at least one character. */
export const fastTrimmed: FastParse<string> = (input) => {
  if (typeof input !== 'string' || textRuleViolation(input) !== undefined) return undefined;
  const trimmed = input.trim();
  if (trimmed === '') return undefined;
  countText(input);
  return trimmed;
};

// The email pattern is the schema's own (zod's `z.email()` tests it, and nothing else).
const EMAIL = (ContactSchema.shape.email.unwrap()._zod.def as { pattern: RegExp }).pattern;

/** A contact's email (`z.email()`). */
export const fastEmail: FastParse<string> = (input) => {
  if (typeof input !== 'string') return undefined;
  EMAIL.lastIndex = 0;
  if (!EMAIL.test(input)) return undefined;
  countText(input);
  return input;
};

/** A contact's postcode (`isPostcode`). */
export const fastPostcode: FastParse<string> = (input) => {
  if (typeof input !== 'string' || !isPostcode(input)) return undefined;
  countText(input);
  return input;
};

// `z.string().max(2)` counts code points; a string obeying the text rules has no lone surrogate, so `[...value]` does.
const SEPARATOR_MAX = 2;

/** A recipient list's separator: at most two characters, and the text rules. */
export const fastSeparator = fastString((value) => value.length <= SEPARATOR_MAX || [...value].length <= SEPARATOR_MAX);
