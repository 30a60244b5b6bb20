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
import { type Fields, fastArray, holds, strictFields } from './internal/fastParse.js';
import { fastText } from './internal/fields.js';

const OPINION_KEYS = new Set([
  'fromUnit',
  'toUnit',
  'title',
  'docNumber',
  'printedDocNumber',
  'reference',
  'text',
  'closing',
  'date',
  'dateText',
  'signatories',
  'contacts',
  'copyTo',
]);
const fastSignatories = fastArray(fastSignatory, 1);
const fastContacts = fastArray(fastContact, 1);

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
export function fastParseCoHandlingOpinion(i: unknown): CoHandlingOpinion | undefined {
  if (!strictFields(i, OPINION_KEYS)) return undefined;
  const o: Fields = {};
  let v: unknown;
  v = fastUnit(i.fromUnit);
  if (v === undefined) return undefined;
  o.fromUnit = v;
  v = fastUnit(i.toUnit);
  if (v === undefined) return undefined;
  o.toUnit = v;
  v = i.title;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.title = v;
  } else if ('title' in i) o.title = undefined;
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
  v = i.reference;
  if (v !== undefined) {
    v = fastItemReference(v);
    if (v === undefined) return undefined;
    o.reference = v;
  } else if ('reference' in i) o.reference = undefined;
  v = fastText(i.text);
  if (v === undefined) return undefined;
  o.text = v;
  v = i.closing;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.closing = v;
  } else if ('closing' in i) o.closing = undefined;
  v = fastIsoDate(i.date);
  if (v === undefined) return undefined;
  o.date = v;
  v = i.dateText;
  if (v !== undefined) {
    v = fastText(v);
    if (v === undefined) return undefined;
    o.dateText = v;
  } else if ('dateText' in i) o.dateText = undefined;
  v = i.signatories;
  if (v !== undefined) {
    v = fastSignatories(v);
    if (v === undefined) return undefined;
    o.signatories = v;
  } else if ('signatories' in i) o.signatories = undefined;
  v = i.contacts;
  if (v !== undefined) {
    v = fastContacts(v);
    if (v === undefined) return undefined;
    o.contacts = v;
  } else if ('contacts' in i) o.contacts = undefined;
  v = i.copyTo;
  if (v !== undefined) {
    v = fastRecipientList(v);
    if (v === undefined) return undefined;
    o.copyTo = v;
  } else if ('copyTo' in i) o.copyTo = undefined;
  return holds(opinionRules, o as CoHandlingOpinion) ? (o as CoHandlingOpinion) : undefined;
}
