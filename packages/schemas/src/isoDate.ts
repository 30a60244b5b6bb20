import { z } from 'zod';
import { textRulesByShape } from './internal/fields.js';
import { raise } from './internal/issue.js';
import { bilingual } from './meta.js';

const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Tells whether a `YYYY-MM-DD` string names a day that exists in the proleptic Gregorian calendar. Years 0000–0099 are
 * refused, as they always were: this was first written with `Date.UTC`, which reads them as 1900–1999. Counted without
 * a `Date` (every letter carries dates, issue 15).
 */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE_SHAPE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : (DAYS_IN_MONTH[mo - 1] as number));
}

/** A business date `YYYY-MM-DD` that exists in the calendar (2023-02-29 fails). */
export const IsoDateSchema = textRulesByShape(
  z.string().superRefine((value, ctx) => {
    if (!ISO_DATE_SHAPE.test(value)) raise(ctx, 'iso_date_format', value, [], { value });
    else if (!isRealIsoDate(value)) raise(ctx, 'iso_date_not_real', value, [], { value });
  }),
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
