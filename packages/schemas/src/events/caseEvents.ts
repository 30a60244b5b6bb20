import { CoHandlingOpinionSchema } from '../coHandlingOpinion.js';
import { EventDeadlineRuleSchema } from '../deadlineRule.js';
import { labelledEnum } from '../internal/enum.js';
import { text } from '../internal/fields.js';
import { MergedItemSchema } from '../mergedItem.js';
import { bilingual } from '../meta.js';
import { UnitSchema } from '../unit.js';
import { defineCaseEvent, eventMeta, noteField, reasonField } from './define.js';

/** `case.accept`: accepting → handling (签收). */
export const CaseAcceptEventSchema = defineCaseEvent(
  'case.accept',
  {},
  eventMeta('签收', 'Accept', '承办单位签收办件。', 'The unit accepts the case.'),
);

/** `case.requestAdjustment`: accepting → adjustmentRequested, only inside the policy window. */
export const CaseRequestAdjustmentEventSchema = defineCaseEvent(
  'case.requestAdjustment',
  {
    reason: reasonField,
    suggestedUnit: UnitSchema.meta(
      bilingual('建议承办单位', 'Suggested unit', '建议改由承办的单位。', 'The unit suggested instead.'),
    ).optional(),
  },
  eventMeta(
    '申请调整',
    'Request adjustment',
    '承办单位在规定期限内申请调整承办单位。',
    'The unit asks to be replaced.',
  ),
);

/** `adjustment.keep`: adjustmentRequested → accepting (same unit). */
export const AdjustmentKeepEventSchema = defineCaseEvent(
  'adjustment.keep',
  { note: noteField.optional() },
  eventMeta('维持交办', 'Keep unit', '交办机关维持原承办单位。', 'The office keeps the unit.'),
);

/** `adjustment.reassign`: adjustmentRequested → accepting with a new unit. */
export const AdjustmentReassignEventSchema = defineCaseEvent(
  'adjustment.reassign',
  {
    toUnit: UnitSchema.meta(bilingual('新承办单位', 'New unit', '改由承办的单位。', 'The unit it moves to.')),
    note: noteField.optional(),
  },
  eventMeta('改办', 'Reassign', '交办机关改由其他单位承办。', 'The office moves the case to another unit.'),
);

/** `coUnit.submitOpinion`: a co-handler's opinion, one per co-unit. */
export const CoUnitSubmitOpinionEventSchema = defineCaseEvent(
  'coUnit.submitOpinion',
  { opinion: CoHandlingOpinionSchema },
  eventMeta(
    '提交会办意见',
    'Submit co-handling opinion',
    '会办单位向主办单位提交会办意见。',
    'A co-unit sends its opinion.',
  ),
);

/** Labels of the ways a unit contacts a proposer. */
export const CONTACT_METHOD_LABELS = {
  visit: { 'zh-CN': '走访', en: 'Visit' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  meeting: { 'zh-CN': '座谈', en: 'Meeting' },
  letter: { 'zh-CN': '信函', en: 'Letter' },
  online: { 'zh-CN': '网络', en: 'Online' },
} as const;

/** How the unit contacted the proposer. */
export const ContactMethodSchema = labelledEnum(
  CONTACT_METHOD_LABELS,
  bilingual('沟通方式', 'Contact method', '与提出者沟通的方式。', 'How the proposer was contacted.'),
);

/** `case.recordContact`: records contact with a proposer. */
export const CaseRecordContactEventSchema = defineCaseEvent(
  'case.recordContact',
  {
    proposerId: text('提出者标识', 'Proposer id', '沟通的提出者。', 'The proposer contacted.'),
    method: ContactMethodSchema,
    note: noteField.optional(),
  },
  eventMeta('记录沟通', 'Record contact', '记录与提出者的沟通。', 'Records contact with a proposer.'),
);

/** `case.requestExtension`: asks the assigning office for more time. */
export const CaseRequestExtensionEventSchema = defineCaseEvent(
  'case.requestExtension',
  {
    reason: reasonField,
    rule: EventDeadlineRuleSchema.meta(
      bilingual('延期规则', 'Extension rule', '申请延长的期限。', 'The extension asked for.'),
    ).optional(),
  },
  eventMeta('申请延期', 'Request extension', '承办单位申请延期答复。', 'The unit asks for more time.'),
);

/** `extension.approve`: the assigning office grants the extension. */
export const ExtensionApproveEventSchema = defineCaseEvent(
  'extension.approve',
  {},
  eventMeta('批准延期', 'Approve extension', '交办机关同意延期。', 'The office grants the extension.'),
);

/** `extension.deny`: the assigning office refuses the extension. */
export const ExtensionDenyEventSchema = defineCaseEvent(
  'extension.deny',
  { reason: reasonField.optional() },
  eventMeta('不予延期', 'Deny extension', '交办机关不同意延期。', 'The office refuses the extension.'),
);

/** `case.startDrafting`: handling → drafting. */
export const CaseStartDraftingEventSchema = defineCaseEvent(
  'case.startDrafting',
  {},
  eventMeta('开始拟稿', 'Start drafting', '开始起草答复。', 'The unit starts drafting the reply.'),
);

/** `case.close`: the office closes the case. */
export const CaseCloseEventSchema = defineCaseEvent(
  'case.close',
  { note: noteField.optional() },
  eventMeta('办结', 'Close', '交办机关办结办件。', 'The office closes the case.'),
);

/** `case.overrideClose`: 提案委员会 closes a case despite an open B/C commitment, with a reason (S10, S74, S84). */
export const CaseOverrideCloseEventSchema = defineCaseEvent(
  'case.overrideClose',
  { reason: reasonField },
  eventMeta(
    '承诺未落实办结',
    'Close despite commitment',
    '答复承诺（B/C 类）尚未落实，经提案委员会决定仍予办结，须说明理由，计入统计。',
    'The committee closes a case whose B/C commitment is still open, giving its reason; counted in statistics.',
  ),
);

/** `case.addMergedItem` (internal): an item merged into the proposal joins this case; its proposers get their own letter. */
export const CaseAddMergedItemEventSchema = defineCaseEvent(
  'case.addMergedItem',
  { item: MergedItemSchema },
  eventMeta(
    '并案办理',
    'Add merged item',
    '并入的提案（建议）由本办件一并办理，单独答复其提出者（内部事件）。',
    'An item merged into the proposal is handled in this case; its proposers get their own reply (internal).',
    true,
  ),
);

/** `case.dropProposer` (internal): a co-signer withdrew their signature; the case no longer awaits them. */
export const CaseDropProposerEventSchema = defineCaseEvent(
  'case.dropProposer',
  { proposerId: text('提出者标识', 'Proposer id', '撤回联名的联名人。', 'The co-signer who withdrew.') },
  eventMeta(
    '联名人退出',
    'Drop co-signer',
    '联名人撤回联名，办件不再等待其反馈（内部事件）。',
    'A co-signer withdrew their signature; the case no longer awaits them (internal).',
    true,
  ),
);

/** `case.terminate` (internal): any open case state → terminated (withdrawal). */
export const CaseTerminateEventSchema = defineCaseEvent(
  'case.terminate',
  { reason: reasonField },
  eventMeta(
    '终止办理',
    'Terminate',
    '因撤回等原因终止办理（内部事件）。',
    'Handling ends, e.g. on withdrawal (internal).',
    true,
  ),
);
