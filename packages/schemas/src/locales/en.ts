import { ASSIGNMENT_MODE_LABELS } from '../assignmentMode.js';
import type { BanliIssueCode } from '../issueCodes.js';
import type { BanliLocale, MessageTemplate } from './types.js';

const GBT = ' (GB/T 9704-2012 §7.2.5)';
const mode = (m: unknown) => ASSIGNMENT_MODE_LABELS[m as keyof typeof ASSIGNMENT_MODE_LABELS]?.en ?? String(m);

/** en message templates keyed by banli issue code. */
export const enMessages: Record<BanliIssueCode, MessageTemplate> = {
  required: (p) => `${p.field} is required`,
  invalid_type: (p) => `${p.field} has the wrong type: expected ${p.expected}, received ${p.received}`,
  not_integer: (p) => `${p.field} must be a whole number`,
  empty_text: (p) => `${p.field} must not be empty`,
  too_short: (p) => `${p.field} needs at least ${p.minimum} characters`,
  too_long: (p) => `${p.field} allows at most ${p.maximum} characters`,
  too_few_items: (p) => `${p.field} needs at least ${p.minimum} item(s)`,
  too_many_items: (p) => `${p.field} allows at most ${p.maximum} item(s)`,
  number_too_small: (p) =>
    p.inclusive === false ? `${p.field} must be greater than ${p.minimum}` : `${p.field} must be at least ${p.minimum}`,
  number_too_big: (p) =>
    p.inclusive === false ? `${p.field} must be less than ${p.maximum}` : `${p.field} must be at most ${p.maximum}`,
  invalid_option: (p) => `${p.field} is not a valid option: expected one of ${p.options}`,
  unknown_key: (p) => `${p.field} has unknown field(s): ${p.keys}`,
  invalid_format: (p) => `${p.field} is not in the expected format`,
  invalid_email: (p) => `${p.field} is not a valid email address`,
  invalid_url: (p) => `${p.field} is not a valid URL`,
  invalid_union: (p) => `${p.field} does not match any allowed form`,
  invalid_value: (p) => `${p.field} is not valid`,
  iso_date_format: (p) => `${p.field} must be a date in YYYY-MM-DD format, received "${p.value}"`,
  iso_date_not_real: (p) => `${p.field} is not a real calendar date: "${p.value}"`,
  month_day_format: (p) => `${p.field} must be a month and day in MM-DD format, received "${p.value}"`,
  invalid_phone: (p) => `${p.field} is not a valid telephone number: "${p.value}"`,
  duplicate_id: (p) => `${p.field} contains the id "${p.value}" more than once`,
  duplicate_unit: (p) => `${p.field} lists the unit "${p.value}" more than once`,
  doc_number_agency: (p) => `${p.field} lacks the agency code${GBT}`,
  doc_number_brackets: (p) => `${p.field} must wrap the year in hexagonal brackets 〔〕, not "${p.found}"${GBT}`,
  doc_number_year: (p) => `${p.field} must give the year in full with four digits, not "${p.found}"${GBT}`,
  doc_number_digits: (p) => `${p.field} must use half-width Arabic numerals, not "${p.found}"${GBT}`,
  doc_number_ordinal: (p) => `${p.field} must not put "第" before the serial number${GBT}`,
  doc_number_leading_zero: (p) =>
    `${p.field} must not pad the serial with zeros (1, not 01), received "${p.found}"${GBT}`,
  doc_number_suffix: (p) => `${p.field} must end with "号"${GBT}`,
  doc_number_whitespace: (p) => `${p.field} must not contain spaces`,
  doc_number_format: (p) =>
    `${p.field} is not a document number of the form 代字〔year〕serial号, e.g. 中商务电函〔2023〕12号`,
  doc_number_agency_punctuation: (p) =>
    `${p.field}: the agency code must not contain punctuation, found "${p.found}"${GBT}`,
  doc_number_trailing: (p) => `${p.field} must end at "号", found trailing text "${p.found}"${GBT}`,
  doc_number_year_mismatch: (p) => `${p.field}: the year ${p.found} differs from the letter's date (${p.value})`,
  printed_doc_number_flags: (p) =>
    `${p.field}: the flags of the printed number must be the rules it breaks (${p.value}), found "${p.found}"`,
  postcode_format: (p) => `${p.field} must be a six-digit postcode, received "${p.value}"`,
  contact_empty: (p) => `${p.field} needs a person, a telephone number or an email address`,
  letter_body_missing: (p) => `${p.field}: a letter needs point-by-point responses or a body`,
  class_grade_without_class: (p) => `${p.field}: a class grade needs a class`,
  class_mark_mismatch: (p) => `${p.field}: the printed class mark "${p.found}" disagrees with the class ${p.value}`,
  first_proposer_missing: (p) => `${p.field}: a joint filing must mark exactly one first proposer (leading deputy)`,
  first_proposer_multiple: (p) => `${p.field}: only one first proposer (leading deputy) is allowed, found ${p.count}`,
  suggestion_proposer_type: (p) =>
    `${p.field}: a deputies' suggestion is filed by deputies or a delegation, not "${p.value}"`,
  proposal_proposer_type: (p) => `${p.field}: a delegation files suggestions, not CPPCC proposals`,
  assignment_lead_unit_required: (p) => `${p.field}: handling mode "${mode(p.mode)}" needs a lead unit`,
  assignment_lead_unit_forbidden: (p) => `${p.field}: handling mode "${mode(p.mode)}" has no lead unit`,
  assignment_co_units_required: (p) =>
    `${p.field}: handling mode "${mode(p.mode)}" needs at least one co-handling unit`,
  assignment_co_units_forbidden: (p) => `${p.field}: handling mode "${mode(p.mode)}" has no co-handling units`,
  assignment_split_units_required: (p) =>
    `${p.field}: handling mode "${mode(p.mode)}" needs at least ${p.minimum} split units`,
  assignment_split_units_forbidden: (p) => `${p.field}: handling mode "${mode(p.mode)}" has no split units`,
  assignment_reference_units_required: (p) =>
    `${p.field}: handling mode "${mode(p.mode)}" needs at least one reference unit`,
  opinion_same_unit: (p) => `${p.field}: the co-handling unit cannot be the lead unit ("${p.value}")`,
  disclosure_reason_required: (p) => `${p.field}: a reason is required when the reply is withheld from publication`,
  print_date_before_issue: (p) => `${p.field} (${p.value}) cannot be earlier than the letter's date (${p.found})`,
  class_not_in_scheme: (p) => `${p.field} "${p.value}" is not in the local class scheme (${p.options})`,
  feedback_comment_required: (p) => `${p.field}: a comment is required when the proposer is dissatisfied`,
  nul_character: (p) => `${p.field} must not contain a NUL character (U+0000)`,
  lone_surrogate: (p) => `${p.field} contains a lone UTF-16 surrogate (not well-formed Unicode text)`,
  leading_bom: (p) => `${p.field} must not start with a byte-order mark (U+FEFF)`,
  too_deep: (p) => `${p.field} is nested more than ${p.maximum} levels deep`,
  not_json: (p) => `${p.field} is not plain JSON data (${p.found})`,
  too_large: (p) => `${p.field} is larger than the limit of ${p.maximum} characters`,
  letter_too_large: (p) =>
    `${p.field}: the reply letter is larger than the letter limit (limits.letterLength) of ${p.maximum} characters`,
  stream_full: (p) => `${p.field} already holds the maximum of ${p.maximum} events`,
};

/** The en locale: messages, type names and how fields are quoted. */
export const en: BanliLocale = {
  locale: 'en',
  messages: enMessages,
  typeNames: {
    string: 'text',
    number: 'number',
    int: 'whole number',
    boolean: 'true/false',
    object: 'object',
    array: 'list',
    undefined: 'nothing (missing)',
    null: 'null',
    bigint: 'big integer',
    date: 'Date object',
    unknown: 'unknown type',
  },
  quote: (label) => `"${label}"`,
  item: (index) => `#${index + 1}`,
  separator: ' › ',
  listSeparator: ', ',
};
