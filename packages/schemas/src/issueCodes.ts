/** Every issue code banli reports; zod's own codes are mapped onto these by `toBanliIssues`. */
export const BANLI_ISSUE_CODES = [
  'required',
  'invalid_type',
  'not_integer',
  'empty_text',
  'too_short',
  'too_long',
  'too_few_items',
  'too_many_items',
  'number_too_small',
  'number_too_big',
  'invalid_option',
  'unknown_key',
  'invalid_format',
  'invalid_email',
  'invalid_url',
  'invalid_union',
  'invalid_value',
  'iso_date_format',
  'iso_date_not_real',
  'month_day_format',
  'invalid_phone',
  'duplicate_id',
  'duplicate_unit',
  'doc_number_agency',
  'doc_number_brackets',
  'doc_number_year',
  'doc_number_digits',
  'doc_number_ordinal',
  'doc_number_leading_zero',
  'doc_number_suffix',
  'doc_number_whitespace',
  'doc_number_format',
  'doc_number_agency_punctuation',
  'doc_number_trailing',
  'doc_number_year_mismatch',
  'printed_doc_number_flags',
  'postcode_format',
  'contact_empty',
  'letter_body_missing',
  'class_grade_without_class',
  'class_mark_mismatch',
  'first_proposer_missing',
  'first_proposer_multiple',
  'suggestion_proposer_type',
  'proposal_proposer_type',
  'assignment_lead_unit_required',
  'assignment_lead_unit_forbidden',
  'assignment_co_units_required',
  'assignment_co_units_forbidden',
  'assignment_split_units_required',
  'assignment_split_units_forbidden',
  'assignment_reference_units_required',
  'opinion_same_unit',
  'disclosure_reason_required',
  'print_date_before_issue',
  'class_not_in_scheme',
  'feedback_comment_required',
  'nul_character',
  'lone_surrogate',
  'leading_bom',
  'too_deep',
  'not_json',
  'too_large',
  'letter_too_large',
  'stream_full',
] as const;

/** A banli issue code (snake_case, stable, used as the key of the locale message tables). */
export type BanliIssueCode = (typeof BANLI_ISSUE_CODES)[number];

/** Values a message template may interpolate besides the field name. */
export interface MessageParams {
  /** The field, already labelled and quoted for the locale. */
  field: string;
  expected?: string;
  received?: string;
  minimum?: number | string;
  maximum?: number | string;
  inclusive?: boolean;
  options?: string;
  keys?: string;
  value?: string;
  found?: string;
  mode?: string;
  [key: string]: unknown;
}
