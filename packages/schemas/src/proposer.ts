import { z } from 'zod';
import { labelledEnum } from './internal/enum.js';
import { text } from './internal/fields.js';
import { bilingual } from './meta.js';

/** Labels of the proposer types, from domain.md §1 (Roles); a 代表团 files suggestions only (issue 13.11). */
export const PROPOSER_TYPE_LABELS = {
  member: { 'zh-CN': '委员/代表个人', en: 'Individual member or deputy' },
  party: { 'zh-CN': '民主党派', en: 'Democratic party' },
  organisation: { 'zh-CN': '人民团体', en: "People's organisation" },
  sector: { 'zh-CN': '界别', en: 'Sector (界别)' },
  group: { 'zh-CN': '委员小组/联组', en: 'Members’ group' },
  delegation: { 'zh-CN': '代表团', en: 'Delegation' },
  committee: { 'zh-CN': '专门委员会', en: 'Special committee' },
} as const;

/** Who may file a proposal: a person or a body. */
export const ProposerTypeSchema = labelledEnum(
  PROPOSER_TYPE_LABELS,
  bilingual('提出者类型', 'Proposer type', '提案者是个人还是集体。', 'Whether the proposer is a person or a body.'),
);

/** Who may file a proposal: a person or a body. */
export type ProposerType = z.infer<typeof ProposerTypeSchema>;

/** One proposer (提案者/提出者): a member or deputy, or a party, organisation, 界别, group or committee. */
export const ProposerSchema = z
  .strictObject({
    id: text('提出者标识', 'Proposer id', '提出者在系统中的唯一标识。', 'The proposer’s unique id.'),
    type: ProposerTypeSchema,
    name: text('提出者名称', 'Proposer name', '姓名或集体名称。', 'Personal name or the body’s name.'),
    first: z
      .boolean()
      .meta(
        bilingual(
          '第一提案人/领衔代表',
          'First proposer',
          '联名提出时，标明第一提案人（政协）或领衔代表（人大）。',
          'In a joint filing, marks the first proposer (CPPCC) or leading deputy (NPC).',
        ),
      )
      .optional(),
    placeholder: z
      .boolean()
      .meta(
        bilingual(
          '占位姓名',
          'Placeholder name',
          '姓名为虚构的占位值，并非真实人员（用于示例数据）。',
          'The name is an invented placeholder, not a real person (sample data).',
        ),
      )
      .optional(),
  })
  .meta(
    bilingual(
      '提出者',
      'Proposer',
      '提案者或提出建议的人大代表，可以是个人，也可以是党派、团体、界别、小组或专门委员会。',
      'The member or deputy who filed, or a party, organisation, sector, group or committee.',
    ),
  );

/** One proposer of a proposal or suggestion. */
export type Proposer = z.infer<typeof ProposerSchema>;
