import { type ClassMark, ClassMarkPositionSchema } from '../classMark.js';
import { checkDocNumber } from '../docNumber.js';
import { isRealIsoDate } from '../isoDate.js';
import type { ItemReference } from '../itemReference.js';
import type { Bilingual } from '../label.js';
import {
  type Contact,
  ContactSchema,
  type CopyTo,
  contactRules,
  type Disclosure,
  DisclosureModeSchema,
  disclosureRules,
  type Imprint,
  isPhoneNumber,
  isPostcode,
  type RecipientList,
} from '../letterFooter.js';
import { ProposalKindSchema } from '../proposal.js';
import { ReplyClassSchema } from '../replyClass.js';
import { PrintedDocNumberSchema } from '../replyLetter.js';
import { AdoptionSchema, type Response } from '../response.js';
import { type Signatory, SignatoryRoleSchema } from '../signatory.js';
import { textRuleViolation } from '../textRules.js';
import type { Unit, UnitPrincipal } from '../unit.js';
import {
  type FastParse,
  type Fields,
  fastArray,
  fastEnum,
  fastInt,
  fastString,
  holds,
  strictFields,
} from './fastParse.js';
import { fastText } from './fields.js';

// The fast parsers of the parts reply letters and co-handling opinions share, each mirroring its schema field by
// field, in the schema's key order (see `internal/fastParse.ts`; test/fastParseLetters.test.ts holds them to the
// schemas). A non-conforming printed document number, which a letter rarely carries, is left to its schema.

/** `isoDateField`: a real `YYYY-MM-DD` day. */
export const fastIsoDate: FastParse<string> = (input) =>
  typeof input === 'string' && isRealIsoDate(input) ? input : undefined;

/** `DocNumberSchema`: no GB/T 9704 rule broken, and the text rules. */
export const fastDocNumber = fastString((value) => checkDocNumber(value).length === 0);

/** `PrintedDocNumberSchema` (rare: parsed by its schema). */
export const fastPrintedDocNumber: FastParse<unknown> = (input) => {
  const result = PrintedDocNumberSchema.safeParse(input);
  return result.success ? result.data : undefined;
};

/** `ReplyClassSchema`. */
export const fastReplyClass = fastEnum(ReplyClassSchema.options);

/** A letter's `classGrade`: `z.number().int().min(1).max(9)`. */
export const fastClassGrade = fastInt(1, 9);

/** A list of paragraphs (`paragraphs`), or of unit names: `z.array(text(…))`. */
export const fastParagraphs = fastArray(fastText);

const fastProposalKind = fastEnum(ProposalKindSchema.options);
const fastClassMarkPosition = fastEnum(ClassMarkPositionSchema.options);
const fastAdoption = fastEnum(AdoptionSchema.options);
const fastSignatoryRole = fastEnum(SignatoryRoleSchema.options);
const fastDisclosureMode = fastEnum(DisclosureModeSchema.options);
const fastPositiveInt = fastInt(1);
const fastPointIds = fastArray(fastText, 1);
const fastPhone = fastString(isPhoneNumber);

// `BilingualSchema`'s texts: the text rules on the text as given, then trimmed, then at least one character.
const fastTrimmed: FastParse<string> = (input) => {
  if (typeof input !== 'string' || textRuleViolation(input) !== undefined) return undefined;
  const trimmed = input.trim();
  return trimmed === '' ? undefined : trimmed;
};

// The email pattern is the schema's own (zod's `z.email()` tests it, and nothing else).
const EMAIL = (ContactSchema.shape.email.unwrap()._zod.def as { pattern: RegExp }).pattern;
const fastEmail: FastParse<string> = (input) => {
  if (typeof input !== 'string') return undefined;
  EMAIL.lastIndex = 0;
  return EMAIL.test(input) ? input : undefined;
};

const fastPostcode: FastParse<string> = (input) => (typeof input === 'string' && isPostcode(input) ? input : undefined);

// `z.string().max(2)` counts code points; a string obeying the text rules has no lone surrogate, so `[...value]` does.
const SEPARATOR_MAX = 2;
const fastSeparator = fastString((value) => value.length <= SEPARATOR_MAX || [...value].length <= SEPARATOR_MAX);

const REFERENCE_KEYS = new Set(['kind', 'printed', 'term', 'session', 'number']);

/** `ItemReferenceSchema`. */
export function fastItemReference(i: unknown): ItemReference | undefined {
  if (!strictFields(i, REFERENCE_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = i.kind;
  if (v !== undefined) {
    v = fastProposalKind(v);
    if (v === undefined) return undefined;
    o.kind = v;
  } else if ('kind' in i) o.kind = undefined;
  v = fastText(i.printed);
  if (v === undefined) return undefined;
  o.printed = v;
  v = i.term;
  if (v !== undefined) {
    v = fastPositiveInt(v);
    if (v === undefined) return undefined;
    o.term = v;
  } else if ('term' in i) o.term = undefined;
  v = i.session;
  if (v !== undefined) {
    v = fastPositiveInt(v);
    if (v === undefined) return undefined;
    o.session = v;
  } else if ('session' in i) o.session = undefined;
  v = i.number;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.number = v;
  } else if ('number' in i) o.number = undefined;
  return o as ItemReference;
}

const CLASS_MARK_KEYS = new Set(['text', 'position']);

/** `ClassMarkSchema`. */
export function fastClassMark(i: unknown): ClassMark | undefined {
  if (!strictFields(i, CLASS_MARK_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = fastText(i.text);
  if (v === undefined) return undefined;
  o.text = v;
  v = i.position;
  if (v !== undefined) {
    v = fastClassMarkPosition(v);
    if (v === undefined) return undefined;
    o.position = v;
  } else if ('position' in i) o.position = undefined;
  return o as ClassMark;
}

const RESPONSE_KEYS = new Set(['suggestionIds', 'heading', 'adoption', 'statement', 'body']);

/** `ResponseSchema`. */
export function fastResponse(i: unknown): Response | undefined {
  if (!strictFields(i, RESPONSE_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = i.suggestionIds;
  if (v !== undefined) {
    v = fastPointIds(v);
    if (v === undefined) return undefined;
    o.suggestionIds = v;
  } else if ('suggestionIds' in i) o.suggestionIds = undefined;
  v = i.heading;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.heading = v;
  } else if ('heading' in i) o.heading = undefined;
  v = i.adoption;
  if (v !== undefined) {
    v = fastAdoption(v);
    if (v === undefined) return undefined;
    o.adoption = v;
  } else if ('adoption' in i) o.adoption = undefined;
  v = i.statement;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.statement = v;
  } else if ('statement' in i) o.statement = undefined;
  v = fastParagraphs(i.body);
  if (v === undefined) return undefined;
  o.body = v;
  return o as Response;
}

const BILINGUAL_KEYS = new Set(['zh-CN', 'en']);

/** `BilingualSchema`: each text trimmed, as its schema trims it. */
function fastBilingual(i: unknown): Bilingual | undefined {
  if (!strictFields(i, BILINGUAL_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = fastTrimmed(i['zh-CN']);
  if (v === undefined) return undefined;
  o['zh-CN'] = v;
  v = fastTrimmed(i.en);
  if (v === undefined) return undefined;
  o.en = v;
  return o as Bilingual;
}

const PRINCIPAL_KEYS = new Set(['title', 'name']);

/** `UnitPrincipalSchema`. */
function fastPrincipal(i: unknown): UnitPrincipal | undefined {
  if (!strictFields(i, PRINCIPAL_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = fastText(i.title);
  if (v === undefined) return undefined;
  o.title = v;
  v = i.name;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.name = v;
  } else if ('name' in i) o.name = undefined;
  return o as UnitPrincipal;
}

const UNIT_KEYS = new Set(['id', 'name', 'shortName', 'code', 'label', 'principal']);

/** `UnitSchema`. */
export function fastUnit(i: unknown): Unit | undefined {
  if (!strictFields(i, UNIT_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = fastText(i.id);
  if (v === undefined) return undefined;
  o.id = v;
  v = fastText(i.name);
  if (v === undefined) return undefined;
  o.name = v;
  v = i.shortName;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.shortName = v;
  } else if ('shortName' in i) o.shortName = undefined;
  v = i.code;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.code = v;
  } else if ('code' in i) o.code = undefined;
  v = i.label;
  if (v !== undefined) {
    v = fastBilingual(v);
    if (v === undefined) return undefined;
    o.label = v;
  } else if ('label' in i) o.label = undefined;
  v = i.principal;
  if (v !== undefined) {
    v = fastPrincipal(v);
    if (v === undefined) return undefined;
    o.principal = v;
  } else if ('principal' in i) o.principal = undefined;
  return o as Unit;
}

/** `UnitSchema.partial({ id: true })` (a letter's issuing unit). */
export function fastIssuingUnit(i: unknown): Partial<Unit> | undefined {
  if (!strictFields(i, UNIT_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = i.id;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.id = v;
  } else if ('id' in i) o.id = undefined;
  v = fastText(i.name);
  if (v === undefined) return undefined;
  o.name = v;
  v = i.shortName;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.shortName = v;
  } else if ('shortName' in i) o.shortName = undefined;
  v = i.code;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.code = v;
  } else if ('code' in i) o.code = undefined;
  v = i.label;
  if (v !== undefined) {
    v = fastBilingual(v);
    if (v === undefined) return undefined;
    o.label = v;
  } else if ('label' in i) o.label = undefined;
  v = i.principal;
  if (v !== undefined) {
    v = fastPrincipal(v);
    if (v === undefined) return undefined;
    o.principal = v;
  } else if ('principal' in i) o.principal = undefined;
  return o as Partial<Unit>;
}

const SIGNATORY_KEYS = new Set(['role', 'label', 'name']);

/** `SignatorySchema`. */
export function fastSignatory(i: unknown): Signatory | undefined {
  if (!strictFields(i, SIGNATORY_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = fastSignatoryRole(i.role);
  if (v === undefined) return undefined;
  o.role = v;
  v = fastText(i.label);
  if (v === undefined) return undefined;
  o.label = v;
  v = fastText(i.name);
  if (v === undefined) return undefined;
  o.name = v;
  return o as Signatory;
}

const CONTACT_KEYS = new Set(['person', 'department', 'phone', 'email', 'address', 'postcode']);

/** `ContactSchema`. */
export function fastContact(i: unknown): Contact | undefined {
  if (!strictFields(i, CONTACT_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = i.person;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.person = v;
  } else if ('person' in i) o.person = undefined;
  v = i.department;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.department = v;
  } else if ('department' in i) o.department = undefined;
  v = i.phone;
  if (v !== undefined) {
    v = fastPhone(v);
    if (v === undefined) return undefined;
    o.phone = v;
  } else if ('phone' in i) o.phone = undefined;
  v = i.email;
  if (v !== undefined) {
    v = fastEmail(v);
    if (v === undefined) return undefined;
    o.email = v;
  } else if ('email' in i) o.email = undefined;
  v = i.address;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.address = v;
  } else if ('address' in i) o.address = undefined;
  v = i.postcode;
  if (v !== undefined) {
    v = fastPostcode(v);
    if (v === undefined) return undefined;
    o.postcode = v;
  } else if ('postcode' in i) o.postcode = undefined;
  return holds(contactRules, o as Contact) ? (o as Contact) : undefined;
}

const DISCLOSURE_KEYS = new Set(['mode', 'mark', 'reason']);

/** `DisclosureSchema`. */
export function fastDisclosure(i: unknown): Disclosure | undefined {
  if (!strictFields(i, DISCLOSURE_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = i.mode;
  if (v !== undefined) {
    v = fastDisclosureMode(v);
    if (v === undefined) return undefined;
    o.mode = v;
  } else if ('mode' in i) o.mode = undefined;
  v = i.mark;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.mark = v;
  } else if ('mark' in i) o.mark = undefined;
  v = i.reason;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.reason = v;
  } else if ('reason' in i) o.reason = undefined;
  return holds(disclosureRules, o as Disclosure) ? (o as Disclosure) : undefined;
}

const COPY_TO_KEYS = new Set(['name', 'copies']);

/** `CopyToSchema`. */
function fastCopyTo(i: unknown): CopyTo | undefined {
  if (!strictFields(i, COPY_TO_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = fastText(i.name);
  if (v === undefined) return undefined;
  o.name = v;
  v = i.copies;
  if (v !== undefined) {
    v = fastPositiveInt(v);
    if (v === undefined) return undefined;
    o.copies = v;
  } else if ('copies' in i) o.copies = undefined;
  return o as CopyTo;
}

const fastRecipients = fastArray(fastCopyTo, 1);

const RECIPIENT_LIST_KEYS = new Set(['recipients', 'separator']);

/** `RecipientListSchema`. */
export function fastRecipientList(i: unknown): RecipientList | undefined {
  if (!strictFields(i, RECIPIENT_LIST_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = fastRecipients(i.recipients);
  if (v === undefined) return undefined;
  o.recipients = v;
  v = i.separator;
  if (v !== undefined) {
    v = fastSeparator(v);
    if (v === undefined) return undefined;
    o.separator = v;
  } else if ('separator' in i) o.separator = undefined;
  return o as RecipientList;
}

const IMPRINT_KEYS = new Set(['printedBy', 'printDate']);

/** `ImprintSchema`. */
export function fastImprint(i: unknown): Imprint | undefined {
  if (!strictFields(i, IMPRINT_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = fastText(i.printedBy);
  if (v === undefined) return undefined;
  o.printedBy = v;
  v = i.printDate;
  if (v !== undefined) {
    v = fastIsoDate(v);
    if (v === undefined) return undefined;
    o.printDate = v;
  } else if ('printDate' in i) o.printDate = undefined;
  return o as Imprint;
}
