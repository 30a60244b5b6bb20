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
  fastParagraphs,
  fastPrintedDocNumber,
  fastRecipientList,
  fastReplyClass,
  fastResponse,
  fastSignatory,
} from './internal/fastLetterParts.js';
import { type Fields, fastArray, holds, strictFields } from './internal/fastParse.js';
import { fastText } from './internal/fields.js';
import { type ReplyLetter, replyLetterRules } from './replyLetter.js';

const LETTER_KEYS = new Set([
  'proposalId',
  'reference',
  'docNumber',
  'printedDocNumber',
  'class',
  'classGrade',
  'classMark',
  'letterhead',
  'title',
  'addressees',
  'opening',
  'intro',
  'responses',
  'body',
  'closing',
  'issuingUnit',
  'coUnits',
  'consultedUnits',
  'signatories',
  'date',
  'dateText',
  'contacts',
  'disclosure',
  'reportTo',
  'copyTo',
  'imprint',
]);
const fastResponses = fastArray(fastResponse, 1);
const fastSignatories = fastArray(fastSignatory);
const fastContacts = fastArray(fastContact, 1);

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
export function fastParseReplyLetter(i: unknown): ReplyLetter | undefined {
  if (!strictFields(i, LETTER_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = i.proposalId;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.proposalId = v;
  } else if ('proposalId' in i) o.proposalId = undefined;
  v = i.reference;
  if (v !== undefined) {
    v = fastItemReference(v);
    if (v === undefined) return undefined;
    o.reference = v;
  } else if ('reference' in i) o.reference = undefined;
  v = i.docNumber;
  if (v !== undefined) {
    v = fastDocNumber(v);
    if (v === undefined) return undefined;
    o.docNumber = v;
  } else if ('docNumber' in i) o.docNumber = undefined;
  v = i.printedDocNumber;
  if (v !== undefined) {
    v = fastPrintedDocNumber(v);
    if (v === undefined) return undefined;
    o.printedDocNumber = v;
  } else if ('printedDocNumber' in i) o.printedDocNumber = undefined;
  v = i.class;
  if (v !== undefined) {
    v = fastReplyClass(v);
    if (v === undefined) return undefined;
    o.class = v;
  } else if ('class' in i) o.class = undefined;
  v = i.classGrade;
  if (v !== undefined) {
    v = fastClassGrade(v);
    if (v === undefined) return undefined;
    o.classGrade = v;
  } else if ('classGrade' in i) o.classGrade = undefined;
  v = i.classMark;
  if (v !== undefined) {
    v = fastClassMark(v);
    if (v === undefined) return undefined;
    o.classMark = v;
  } else if ('classMark' in i) o.classMark = undefined;
  v = i.letterhead;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.letterhead = v;
  } else if ('letterhead' in i) o.letterhead = undefined;
  v = i.title;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.title = v;
  } else if ('title' in i) o.title = undefined;
  v = i.addressees;
  if (v !== undefined) {
    v = fastParagraphs(v);
    if (v === undefined) return undefined;
    o.addressees = v;
  } else if ('addressees' in i) o.addressees = undefined;
  v = i.opening;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.opening = v;
  } else if ('opening' in i) o.opening = undefined;
  v = i.intro;
  if (v !== undefined) {
    v = fastParagraphs(v);
    if (v === undefined) return undefined;
    o.intro = v;
  } else if ('intro' in i) o.intro = undefined;
  v = i.responses;
  if (v !== undefined) {
    v = fastResponses(v);
    if (v === undefined) return undefined;
    o.responses = v;
  } else if ('responses' in i) o.responses = undefined;
  v = i.body;
  if (v !== undefined) {
    v = fastParagraphs(v);
    if (v === undefined) return undefined;
    o.body = v;
  } else if ('body' in i) o.body = undefined;
  v = i.closing;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.closing = v;
  } else if ('closing' in i) o.closing = undefined;
  v = i.issuingUnit;
  if (v !== undefined) {
    v = fastIssuingUnit(v);
    if (v === undefined) return undefined;
    o.issuingUnit = v;
  } else if ('issuingUnit' in i) o.issuingUnit = undefined;
  v = i.coUnits;
  if (v !== undefined) {
    v = fastParagraphs(v);
    if (v === undefined) return undefined;
    o.coUnits = v;
  } else if ('coUnits' in i) o.coUnits = undefined;
  v = i.consultedUnits;
  if (v !== undefined) {
    v = fastParagraphs(v);
    if (v === undefined) return undefined;
    o.consultedUnits = v;
  } else if ('consultedUnits' in i) o.consultedUnits = undefined;
  v = i.signatories;
  if (v !== undefined) {
    v = fastSignatories(v);
    if (v === undefined) return undefined;
    o.signatories = v;
  } else if ('signatories' in i) o.signatories = undefined;
  v = i.date;
  if (v !== undefined) {
    v = fastIsoDate(v);
    if (v === undefined) return undefined;
    o.date = v;
  } else if ('date' in i) o.date = undefined;
  v = i.dateText;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.dateText = v;
  } else if ('dateText' in i) o.dateText = undefined;
  v = i.contacts;
  if (v !== undefined) {
    v = fastContacts(v);
    if (v === undefined) return undefined;
    o.contacts = v;
  } else if ('contacts' in i) o.contacts = undefined;
  v = i.disclosure;
  if (v !== undefined) {
    v = fastDisclosure(v);
    if (v === undefined) return undefined;
    o.disclosure = v;
  } else if ('disclosure' in i) o.disclosure = undefined;
  v = i.reportTo;
  if (v !== undefined) {
    v = fastRecipientList(v);
    if (v === undefined) return undefined;
    o.reportTo = v;
  } else if ('reportTo' in i) o.reportTo = undefined;
  v = i.copyTo;
  if (v !== undefined) {
    v = fastRecipientList(v);
    if (v === undefined) return undefined;
    o.copyTo = v;
  } else if ('copyTo' in i) o.copyTo = undefined;
  v = i.imprint;
  if (v !== undefined) {
    v = fastImprint(v);
    if (v === undefined) return undefined;
    o.imprint = v;
  } else if ('imprint' in i) o.imprint = undefined;
  return holds(replyLetterRules, o as ReplyLetter) ? (o as ReplyLetter) : undefined;
}
