import { z } from 'zod';
import { BilingualError } from './bilingualError.js';
import { withTextRules } from './internal/fields.js';
import { raise } from './internal/issue.js';
import type { BanliIssueCode } from './issueCodes.js';
import type { Bilingual } from './label.js';
import { bilingual } from './meta.js';

/** The parts of a document number (发文字号). */
export interface DocNumberParts {
  /** 机关代字, possibly layered, e.g. 中商务电函. */
  agency: string;
  /** The year, written in full. */
  year: number;
  /** The serial number, from 1. */
  serial: number;
}

/** A rule of GB/T 9704-2012 §7.2.5 that a document number breaks. */
export interface DocNumberProblem {
  code: BanliIssueCode;
  /** The offending text, when there is one. */
  found?: string;
}

const OPEN = '〔\\[(（【［〖﹝<〈《{｛';
const CLOSE = '〕\\])）】］〗﹞>〉》}｝';
const SHAPE = new RegExp(`^(.*?)([${OPEN}])([^${CLOSE}]*)([${CLOSE}])(.*)$`, 'u');
const TAIL = /^(第?)([0-9０-９]+)(号|號)?(.*)$/u;
/** Punctuation never belongs in a 机关代字 (e.g. the colon of 建议字:〔2023〕8号). */
const AGENCY_PUNCTUATION = /\p{P}/u;
const FULL_DIGITS = /[０-９]/gu;
const HAS_FULL_DIGIT = /[０-９]/u;

/** Converts full-width digits (０-９) to ASCII digits. */
export const toAsciiDigits = (s: string) =>
  s.replace(FULL_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

interface Analysis {
  problems: DocNumberProblem[];
  parts?: DocNumberParts;
  /** Problems that cannot be normalized away. */
  fatal: boolean;
}

function analyse(input: string): Analysis {
  const problems: DocNumberProblem[] = [];
  if (/\s/u.test(input)) problems.push({ code: 'doc_number_whitespace' });
  const compact = input.replace(/\s+/gu, '');
  const m = SHAPE.exec(compact);
  if (!m) return { problems: [...problems, { code: 'doc_number_format', found: input }], fatal: true };
  const [, agency = '', open = '', rawYear = '', close = '', rest = ''] = m;
  let fatal = false;
  if (agency === '') {
    problems.push({ code: 'doc_number_agency' });
    fatal = true;
  } else {
    const punct = AGENCY_PUNCTUATION.exec(agency);
    if (punct) {
      problems.push({ code: 'doc_number_agency_punctuation', found: punct[0] });
      fatal = true;
    }
  }
  if (open !== '〔' || close !== '〕') problems.push({ code: 'doc_number_brackets', found: `${open}${close}` });
  if (HAS_FULL_DIGIT.test(rawYear)) problems.push({ code: 'doc_number_digits', found: rawYear });
  const year = toAsciiDigits(rawYear);
  if (!/^\d{4}$/.test(year)) {
    problems.push({ code: 'doc_number_year', found: rawYear });
    fatal = true;
  }
  const t = TAIL.exec(rest);
  if (!t) return { problems: [...problems, { code: 'doc_number_format', found: input }], fatal: true };
  const [, di = '', rawSerial = '', hao, trailing = ''] = t;
  if (trailing !== '') {
    problems.push({ code: 'doc_number_trailing', found: trailing });
    fatal = true;
  }
  if (di) problems.push({ code: 'doc_number_ordinal', found: di });
  if (HAS_FULL_DIGIT.test(rawSerial)) problems.push({ code: 'doc_number_digits', found: rawSerial });
  const serial = toAsciiDigits(rawSerial);
  if (/^0+$/.test(serial)) {
    problems.push({ code: 'doc_number_format', found: input });
    fatal = true;
  } else if (serial.startsWith('0')) problems.push({ code: 'doc_number_leading_zero', found: rawSerial });
  if (hao !== '号') problems.push({ code: 'doc_number_suffix', found: hao ?? '' });
  if (fatal) return { problems, fatal };
  return { problems, fatal, parts: { agency, year: Number(year), serial: Number(serial) } };
}

/** Lists every GB/T 9704-2012 §7.2.5 rule a document number breaks (empty when it is valid). */
export function checkDocNumber(input: string): DocNumberProblem[] {
  return analyse(input).problems;
}

/**
 * A document number (发文字号) exactly as GB/T 9704-2012 §7.2.5 prescribes: 机关代字 + full year in 〔〕 + serial with
 * no leading zero and no 第 + 号, e.g. 中商务电函〔2023〕12号. Each broken rule is its own issue code.
 */
export const DocNumberSchema = withTextRules(
  z.string().superRefine((value, ctx) => {
    for (const p of checkDocNumber(value)) raise(ctx, p.code, value, [], { found: p.found ?? '', value });
  }),
).meta(
  bilingual(
    '发文字号',
    'Document number',
    '发文字号，由机关代字、用六角括号括入的四位年份和不编虚位、不加“第”的序号加“号”组成（GB/T 9704-2012 第7.2.5条）。',
    'Agency code, full year in 〔〕, serial without leading zeros or 第, then 号 (GB/T 9704-2012 §7.2.5).',
    { pattern: '^\\S+?〔\\d{4}〕[1-9]\\d*号$', 'x-source': 'GB/T 9704-2012 §7.2.5' },
  ),
);

/** A document number in the strict GB/T 9704-2012 form. */
export type DocNumber = z.infer<typeof DocNumberSchema>;

/** The outcome of {@link parseDocNumber}. */
export type DocNumberParseResult =
  | { success: true; value: DocNumber; parts: DocNumberParts; warnings: DocNumberProblem[] }
  | { success: false; errors: DocNumberProblem[] };

/**
 * Parses a document number leniently, accepting the deviations seen on real letters ([] () （） 【】 brackets,
 * full-width digits, spaces, 第, leading zeros, a missing 号) and returning the strict form plus what was fixed.
 *
 * @example
 * ```ts
 * const r = parseDocNumber('中商务电函[2023]012号');
 * if (r.success) r.value; // '中商务电函〔2023〕12号', r.warnings → doc_number_brackets, doc_number_leading_zero
 * ```
 */
export function parseDocNumber(input: string): DocNumberParseResult {
  const { problems, parts, fatal } = analyse(input);
  if (fatal || !parts) return { success: false, errors: problems };
  return { success: true, value: formatDocNumber(parts), parts, warnings: problems };
}

/** Thrown by {@link formatDocNumber} when the parts cannot make a valid document number. */
export class DocNumberError extends BilingualError<BanliIssueCode> {
  constructor(code: BanliIssueCode, messages: Bilingual) {
    super(code, messages);
    this.name = 'DocNumberError';
  }
}

/**
 * Writes the strict form of a document number.
 *
 * @example
 * ```ts
 * formatDocNumber({ agency: '中商务电函', year: 2023, serial: 12 }); // '中商务电函〔2023〕12号'
 * ```
 */
export function formatDocNumber(parts: DocNumberParts): DocNumber {
  if (parts.agency.trim() === '' || /[\s〔〕]/u.test(parts.agency) || AGENCY_PUNCTUATION.test(parts.agency))
    throw new DocNumberError('doc_number_agency', {
      'zh-CN': `机关代字无效：“${parts.agency}”`,
      en: `Invalid agency code: "${parts.agency}"`,
    });
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999)
    throw new DocNumberError('doc_number_year', {
      'zh-CN': `年份须为四位整数：${parts.year}`,
      en: `The year must be a four-digit integer: ${parts.year}`,
    });
  if (!Number.isInteger(parts.serial) || parts.serial < 1)
    throw new DocNumberError('doc_number_format', {
      'zh-CN': `序号须为正整数：${parts.serial}`,
      en: `The serial must be a positive integer: ${parts.serial}`,
    });
  return `${parts.agency}〔${parts.year}〕${parts.serial}号`;
}
