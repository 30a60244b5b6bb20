import { z } from 'zod';
import { labelledEnum } from './internal/enum.js';
import { refinedBy } from './internal/fastChecks.js';
import { text } from './internal/fields.js';
import type { RuleReport } from './internal/issue.js';
import { isoDateField } from './isoDate.js';
import { bilingual } from './meta.js';

/** Labels of the satisfaction levels on the 征询意见表, domain.md §4 [S74][S67][S85][S72]. */
export const FEEDBACK_LEVEL_LABELS = {
  satisfied: { 'zh-CN': '满意', en: 'Satisfied' },
  basicallySatisfied: { 'zh-CN': '基本满意', en: 'Basically satisfied' },
  dissatisfied: { 'zh-CN': '不满意', en: 'Dissatisfied' },
} as const;

/** 满意 / 基本满意 / 不满意. */
export const FeedbackLevelSchema = labelledEnum(
  FEEDBACK_LEVEL_LABELS,
  bilingual('满意程度', 'Level', '满意、基本满意或不满意。', 'Satisfied, basically satisfied or dissatisfied.'),
);

/** A satisfaction level. */
export type FeedbackLevel = z.infer<typeof FeedbackLevelSchema>;

/** A feedback's fields, before the rule across them ({@link feedbackRules}). */
const FeedbackFieldsSchema = z.strictObject({
  proposerId: text('提出者标识', 'Proposer id', '作出评价的提出者。', 'The proposer who rates the reply.'),
  level: FeedbackLevelSchema,
  comment: text('意见', 'Comment', '具体意见；不满意时必填。', 'Comments; required when dissatisfied.').optional(),
  date: isoDateField('评价日期', 'Date', '反馈意见的日期。', 'The date of the feedback.'),
});

/** A feedback's rule across its fields (不满意 needs a comment), reported through `report` (see `refinedBy`). */
function feedbackRules(f: z.output<typeof FeedbackFieldsSchema>, report: RuleReport): void {
  if (f.level === 'dissatisfied' && f.comment === undefined)
    report('feedback_comment_required', f.comment, ['comment']);
}

/** One proposer's rating of a reply (征询意见); 不满意 requires a comment. */
export const FeedbackSchema = refinedBy(FeedbackFieldsSchema, feedbackRules).meta(
  bilingual('征询意见', 'Feedback', '提出者对答复的满意度评价。', "A proposer's satisfaction rating of the reply.", {
    'x-source': 'domain.md §4',
  }),
);

/** One proposer's rating of a reply. */
export type Feedback = z.infer<typeof FeedbackSchema>;
