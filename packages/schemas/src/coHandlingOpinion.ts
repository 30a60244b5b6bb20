import { z } from 'zod';
import { DocNumberSchema } from './docNumber.js';
import { text } from './internal/fields.js';
import { raise } from './internal/issue.js';
import { isoDateField } from './isoDate.js';
import { bilingual } from './meta.js';
import { UnitSchema } from './unit.js';

/** A co-handling unit's written opinion (会办意见) sent to the lead unit, which merges it into the reply. */
export const CoHandlingOpinionSchema = z
  .strictObject({
    fromUnit: UnitSchema.meta(bilingual('会办单位', 'From unit', '出具意见的会办单位。', 'The co-handling unit.')),
    toUnit: UnitSchema.meta(
      bilingual('主办单位', 'To lead unit', '接收意见的主办单位。', 'The lead unit receiving it.'),
    ),
    title: text('标题', 'Title', '如“…的会办意见”。', 'E.g. “…的会办意见”.').optional(),
    docNumber: DocNumberSchema.meta(
      bilingual(
        '发文字号',
        'Document number',
        '会办意见的发文字号（如有，使用单独的代字）。',
        'Its document number, if any.',
      ),
    ).optional(),
    text: text('意见内容', 'Opinion', '会办意见全文。', 'The opinion’s full text.'),
    date: isoDateField('日期', 'Date', '出具意见的日期。', 'The date of the opinion.'),
  })
  .superRefine((o, ctx) => {
    if (o.fromUnit.id === o.toUnit.id) raise(ctx, 'opinion_same_unit', o.toUnit, ['toUnit'], { value: o.toUnit.name });
  })
  .meta(
    bilingual(
      '会办意见',
      'Co-handling opinion',
      '会办单位向主办单位出具的书面意见。',
      "A co-handling unit's written opinion to the lead unit.",
    ),
  );

/** A co-handling unit's written opinion. */
export type CoHandlingOpinion = z.infer<typeof CoHandlingOpinionSchema>;
