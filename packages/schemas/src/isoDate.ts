import { z } from 'zod';
import { withFastCheck } from './internal/fastChecks.js';
import { textRulesByShape } from './internal/fields.js';
import { raise } from './internal/issue.js';
import { bilingual } from './meta.js';

const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Tells whether a `YYYY-MM-DD` string names a day that exists in the proleptic Gregorian calendar. Years 0000–0099 are
 * refused, as they always were: this was first written with `Date.UTC`, which reads them as 1900–1999. Counted without
 * a `Date`, and read digit by digit: no match array and no substrings (every letter event carries two or three dates,
 * read in every command that submits one, issue 15). The shape is {@link ISO_DATE_SHAPE}'s: ten characters, ASCII
 * digits and two dashes.
 */
export function isRealIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false;
  const y = digits(value, 0, 4);
  const mo = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : (DAYS_IN_MONTH[mo - 1] as number));
}

const DASH = 45;
const ZERO = 48;

/** The number the ASCII digits of `value` from `start` to `end` spell, or -1 if one is not a digit. */
function digits(value: string, start: number, end: number): number {
  let n = 0;
  for (let k = start; k < end; k++) {
    const digit = value.charCodeAt(k) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** A business date `YYYY-MM-DD` that exists in the calendar (2023-02-29 fails). */
// The check's fast form (`fastCheckOf`) is `isRealIsoDate`, which is false for a string of another shape too.
export const IsoDateSchema = withFastCheck(
  textRulesByShape(
    z.string().superRefine((value, ctx) => {
      if (!ISO_DATE_SHAPE.test(value)) raise(ctx, 'iso_date_format', value, [], { value });
      else if (!isRealIsoDate(value)) raise(ctx, 'iso_date_not_real', value, [], { value });
    }),
  ),
  isRealIsoDate,
).meta(
  bilingual(
    '日期',
    'Date',
    '业务日期，格式为 YYYY-MM-DD，且须为真实存在的日期。',
    'A business date, YYYY-MM-DD, that exists.',
    {
      format: 'date',
      pattern: ISO_DATE_SHAPE.source,
    },
  ),
);

/** A business date `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** Re-labels {@link IsoDateSchema} for a particular field, keeping its checks. */
export function isoDateField(zhTitle: string, enTitle: string, zhDescription: string, enDescription: string) {
  return IsoDateSchema.meta(
    bilingual(zhTitle, enTitle, zhDescription, enDescription, { format: 'date', pattern: ISO_DATE_SHAPE.source }),
  );
}
