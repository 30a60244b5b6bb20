import { z } from 'zod';
import { labelledEnum } from './internal/enum.js';
import { paragraphs, text } from './internal/fields.js';
import { bilingual } from './meta.js';

/** Labels of how each point was taken up. */
export const ADOPTION_LABELS = {
  adopted: { 'zh-CN': '吸收采纳', en: 'Adopted' },
  partlyAdopted: { 'zh-CN': '部分采纳', en: 'Partly adopted' },
  planned: { 'zh-CN': '列入计划', en: 'Planned' },
  underStudy: { 'zh-CN': '研究办理', en: 'Under study' },
  forReference: { 'zh-CN': '留作参考', en: 'For reference' },
  notAdopted: { 'zh-CN': '未予采纳', en: 'Not adopted' },
} as const;

/** How one point of the proposal was taken up. */
export const AdoptionSchema = labelledEnum(
  ADOPTION_LABELS,
  bilingual('采纳情况', 'Adoption', '对该条建议的采纳情况。', 'How the point was taken up.'),
);

/** How one point of the proposal was taken up. */
export type Adoption = z.infer<typeof AdoptionSchema>;

/**
 * One itemized answer: heading, adoption statement and body paragraphs, all verbatim. It may answer several points of
 * the item at once (issue 15 reports a reply answering four points under one heading), or none that the letter identifies.
 */
export const ResponseSchema = z
  .strictObject({
    suggestionIds: z
      .array(text('建议事项标识', 'Point id', '所答复的建议事项的标识。', 'Id of a point answered.'))
      .min(1)
      .meta(
        bilingual('所答复事项', 'Points answered', '本条答复所回应的建议事项标识。', 'The points this answer covers.'),
      )
      .optional(),
    heading: text(
      '标题',
      'Heading',
      '如“一、关于……的建议”，原文照录。',
      'E.g. “一、关于……的建议”, verbatim.',
    ).optional(),
    adoption: AdoptionSchema.optional(),
    statement: text(
      '采纳表述',
      'Statement',
      '如“吸收采纳该建议。”，原文照录。',
      'E.g. “吸收采纳该建议。”, verbatim.',
    ).optional(),
    body: paragraphs('答复正文', 'Body', '逐段答复内容，含“（一）…”小标题。', 'The answer, paragraph by paragraph.'),
  })
  .meta(bilingual('逐条答复', 'Response', '对一条或几条建议的答复。', 'The answer to one or more points.'));

/** One itemized answer. */
export type Response = z.infer<typeof ResponseSchema>;
