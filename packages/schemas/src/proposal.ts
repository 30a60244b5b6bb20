import { z } from 'zod';
import { labelledEnum } from './internal/enum.js';
import { refinedBy } from './internal/fastChecks.js';
import { duplicates, text } from './internal/fields.js';
import type { RuleReport } from './internal/issue.js';
import { isoDateField } from './isoDate.js';
import { bilingual } from './meta.js';
import { ProposerSchema } from './proposer.js';
import { SessionSchema } from './session.js';

/** Who files a deputies' suggestion: a deputy, or a delegation (代表团). */
const SUGGESTION_FILERS: readonly string[] = ['member', 'delegation'];

/** Labels of the two kinds of item banli handles. */
export const PROPOSAL_KIND_LABELS = {
  proposal: { 'zh-CN': '政协提案', en: 'CPPCC proposal' },
  suggestion: { 'zh-CN': '人大代表建议', en: "Deputies' suggestion" },
} as const;

/** `proposal` (政协提案) or `suggestion` (人大代表建议). */
export const ProposalKindSchema = labelledEnum(
  PROPOSAL_KIND_LABELS,
  bilingual('类别', 'Kind', '政协提案或人大代表建议。', "A CPPCC proposal or an NPC deputies' suggestion."),
);

/** Labels of the submission channels. */
export const CHANNEL_LABELS = {
  session: { 'zh-CN': '大会期间提出', en: 'During the session' },
  interSession: { 'zh-CN': '闭会期间提出', en: 'Between sessions' },
} as const;

/** Whether the item was filed during the plenary or between sessions. */
export const ChannelSchema = labelledEnum(
  CHANNEL_LABELS,
  bilingual('提出渠道', 'Channel', '大会期间或闭会期间提出。', 'Filed during the plenary or between sessions.'),
);

/** One point of a proposal (建议事项); the reply answers each one. */
export const SuggestionPointSchema = z
  .strictObject({
    id: text(
      '建议事项标识',
      'Point id',
      '建议事项的标识，答复中的每条回应引用它。',
      'Id referenced by the reply’s responses.',
    ),
    title: text('建议标题', 'Point title', '建议事项的标题或概要。', 'The point’s title or summary.'),
    text: text('建议内容', 'Point text', '建议事项的全文。', 'The point’s full text.').optional(),
  })
  .meta(bilingual('建议事项', 'Suggestion point', '提案或建议中的一条具体建议。', 'One concrete point of the item.'));

/** One point of a proposal. */
export type SuggestionPoint = z.infer<typeof SuggestionPointSchema>;

/** A proposal's fields, before the rules across them ({@link proposalRules}). */
const ProposalFieldsSchema = z.strictObject({
  kind: ProposalKindSchema,
  id: text('提案标识', 'Id', '提案或建议在系统中的唯一标识。', 'The item’s unique id in the system.'),
  number: z
    .number()
    .int()
    .min(1)
    .meta(
      bilingual('编号', 'Number', '提案号或建议号，如 132402。', 'The proposal or suggestion number, e.g. 132402.'),
    ),
  assembly: text(
    '大会',
    'Assembly',
    '受理的政协或人大，如“中山市政协”。',
    'The CPPCC committee or people’s congress, e.g. 中山市政协.',
  ).optional(),
  session: SessionSchema,
  title: text('标题', 'Title', '提案或建议的标题。', 'The item’s title.'),
  body: text('正文', 'Body', '提案或建议的正文。', 'The item’s full text.').optional(),
  suggestions: z
    .array(SuggestionPointSchema)
    .min(1)
    .meta(bilingual('建议事项', 'Suggestion points', '逐条列出的建议。', 'The points, one by one.')),
  proposers: z
    .array(ProposerSchema)
    .min(1)
    .meta(
      bilingual(
        '提出者',
        'Proposers',
        '提案者或代表；联名时须标明第一提案人。',
        'Who filed it; joint filings mark the first.',
      ),
    ),
  channel: ChannelSchema,
  key: z
    .boolean()
    .meta(bilingual('重点提案', 'Key item', '是否列为重点提案（重点建议）。', 'Whether it is a key (重点) item.'))
    .optional(),
  submittedAt: isoDateField('提交日期', 'Submitted on', '提出提案或建议的日期。', 'The date it was filed.').optional(),
});

/**
 * The rules of a proposal across its fields (one first proposer, no id twice, who may file which kind), reported
 * through `report`: the schema's refinement, and through `holds` that refinement's fast form (`fastCheckOf`).
 */
function proposalRules(p: z.output<typeof ProposalFieldsSchema>, report: RuleReport): void {
  // Plain loops, no callbacks: a command runs these rules once, where they stay unoptimised (issue 19).
  const proposers = p.proposers;
  const ids: string[] = new Array(proposers.length);
  let firsts = 0;
  for (let i = 0; i < proposers.length; i++) {
    const x = proposers[i] as (typeof proposers)[number];
    if (x.first === true) firsts++;
    ids[i] = x.id;
  }
  if (proposers.length > 1 && firsts === 0) report('first_proposer_missing', proposers, ['proposers']);
  if (firsts > 1) report('first_proposer_multiple', proposers, ['proposers'], { count: firsts });
  for (const id of duplicates(ids)) report('duplicate_id', id, ['proposers'], { value: id });
  const suggestions = p.suggestions;
  const pointIds: string[] = new Array(suggestions.length);
  for (let i = 0; i < suggestions.length; i++) pointIds[i] = (suggestions[i] as (typeof suggestions)[number]).id;
  for (const id of duplicates(pointIds)) report('duplicate_id', id, ['suggestions'], { value: id });
  for (let i = 0; i < proposers.length; i++) {
    const type = (proposers[i] as (typeof proposers)[number]).type;
    if (p.kind === 'suggestion' && !SUGGESTION_FILERS.includes(type))
      report('suggestion_proposer_type', type, ['proposers', i, 'type'], { value: type });
    if (p.kind === 'proposal' && type === 'delegation')
      report('proposal_proposer_type', type, ['proposers', i, 'type'], { value: type });
  }
}

/** A CPPCC proposal (政协提案) or an NPC deputies' suggestion (人大代表建议). */
export const ProposalSchema = refinedBy(ProposalFieldsSchema, proposalRules).meta(
  bilingual(
    '提案/建议',
    'Proposal or suggestion',
    '政协委员的提案或人大代表的建议，含编号、届次、建议事项和提出者。',
    "A CPPCC member's proposal or an NPC deputy's suggestion: number, session, points and proposers.",
  ),
);

/** A CPPCC proposal or an NPC deputies' suggestion. */
export type Proposal = z.infer<typeof ProposalSchema>;
