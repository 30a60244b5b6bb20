import type { z } from 'zod';
import { ClassMarkPositionSchema } from '../classMark.js';
import { checkDocNumber } from '../docNumber.js';
import { isRealIsoDate } from '../isoDate.js';
import { BilingualSchema } from '../label.js';
import {
  ContactSchema,
  contactRules,
  DisclosureModeSchema,
  disclosureRules,
  isPhoneNumber,
  isPostcode,
} from '../letterFooter.js';
import { ProposalKindSchema } from '../proposal.js';
import { ReplyClassSchema } from '../replyClass.js';
import { PrintedDocNumberSchema } from '../replyLetter.js';
import { AdoptionSchema } from '../response.js';
import { SignatoryRoleSchema } from '../signatory.js';
import { type FastParse, fastArray, fastEnum, fastInt, fastStrictObject, fastString, opt, req } from './fastParse.js';
import { fastText } from './fields.js';

// The fast parsers of the parts reply letters and co-handling opinions share, each mirroring its schema field by
// field, in the schema's key order (see `internal/fastParse.ts`; test/fastParseLetters.test.ts holds them to the
// schemas). What a letter rarely carries and costs nothing to leave to zod (a non-conforming printed number, a
// bilingual unit name) is parsed by its schema.

/** Parses with a zod schema: its output, or `undefined` when it refuses. */
function byZod<T>(schema: z.ZodType<T>): FastParse<T> {
  return (input) => {
    const result = schema.safeParse(input);
    return result.success ? result.data : undefined;
  };
}

/** `isoDateField`: a real `YYYY-MM-DD` day. */
export const fastIsoDate: FastParse<string> = (input) =>
  typeof input === 'string' && isRealIsoDate(input) ? input : undefined;

/** `DocNumberSchema`: no GB/T 9704 rule broken, and the text rules. */
export const fastDocNumber = fastString((value) => checkDocNumber(value).length === 0);

/** `PrintedDocNumberSchema` (rare: left to zod). */
export const fastPrintedDocNumber = byZod(PrintedDocNumberSchema);

/** `ReplyClassSchema`. */
export const fastReplyClass = fastEnum(ReplyClassSchema.options);

/** `ItemReferenceSchema`. */
export const fastItemReference = fastStrictObject({
  kind: opt(fastEnum(ProposalKindSchema.options)),
  printed: req(fastText),
  term: opt(fastInt(1)),
  session: opt(fastInt(1)),
  number: opt(fastText),
});

/** `ClassMarkSchema`. */
export const fastClassMark = fastStrictObject({
  text: req(fastText),
  position: opt(fastEnum(ClassMarkPositionSchema.options)),
});

/** `ResponseSchema`. */
export const fastResponse = fastStrictObject({
  suggestionIds: opt(fastArray(fastText, 1)),
  heading: opt(fastText),
  adoption: opt(fastEnum(AdoptionSchema.options)),
  statement: opt(fastText),
  body: req(fastArray(fastText)),
});

const unitShape = {
  id: req(fastText),
  name: req(fastText),
  shortName: opt(fastText),
  code: opt(fastText),
  // Rare, and trimmed by its schema: left to zod.
  label: opt(byZod(BilingualSchema)),
  principal: opt(fastStrictObject({ title: req(fastText), name: opt(fastText) })),
};

/** `UnitSchema`. */
export const fastUnit = fastStrictObject(unitShape);

/** `UnitSchema.partial({ id: true })` (a letter's issuing unit). */
export const fastIssuingUnit = fastStrictObject({ ...unitShape, id: opt(fastText) });

/** `SignatorySchema`. */
export const fastSignatory = fastStrictObject({
  role: req(fastEnum(SignatoryRoleSchema.options)),
  label: req(fastText),
  name: req(fastText),
});

// The email pattern is the schema's own (zod's `z.email()` tests it, and nothing else).
const EMAIL = (ContactSchema.shape.email.unwrap()._zod.def as { pattern: RegExp }).pattern;

/** `ContactSchema`. */
export const fastContact = fastStrictObject(
  {
    person: opt(fastText),
    department: opt(fastText),
    phone: opt(fastString(isPhoneNumber)),
    email: opt((input) => {
      if (typeof input !== 'string') return undefined;
      EMAIL.lastIndex = 0;
      return EMAIL.test(input) ? input : undefined;
    }),
    address: opt(fastText),
    postcode: opt((input) => (typeof input === 'string' && isPostcode(input) ? input : undefined)),
  },
  contactRules,
);

/** `DisclosureSchema`. */
export const fastDisclosure = fastStrictObject(
  { mode: opt(fastEnum(DisclosureModeSchema.options)), mark: opt(fastText), reason: opt(fastText) },
  disclosureRules,
);

// `z.string().max(2)` counts code points; a string obeying the text rules has no lone surrogate, so `[...value]` does.
const SEPARATOR_MAX = 2;

/** `RecipientListSchema`. */
export const fastRecipientList = fastStrictObject({
  recipients: req(fastArray(fastStrictObject({ name: req(fastText), copies: opt(fastInt(1)) }), 1)),
  separator: opt(fastString((value) => value.length <= SEPARATOR_MAX || [...value].length <= SEPARATOR_MAX)),
});

/** `ImprintSchema`. */
export const fastImprint = fastStrictObject({ printedBy: req(fastText), printDate: opt(fastIsoDate) });

/** A letter's `classGrade`: `z.number().int().min(1).max(9)`. */
export const fastClassGrade = fastInt(1, 9);
