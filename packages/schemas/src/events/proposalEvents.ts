import { z } from 'zod';
import { AssignmentSchema } from '../assignment.js';
import { text } from '../internal/fields.js';
import { isoDateField } from '../isoDate.js';
import { MergedItemSchema } from '../mergedItem.js';
import { bilingual } from '../meta.js';
import { ChannelSchema } from '../proposal.js';
import { RejectionReasonSchema } from '../rejectionReason.js';
import { ReplyClassSchema } from '../replyClass.js';
import { UnitSchema } from '../unit.js';
import { caseIdField, defineEvent, eventMeta, noteField, reasonField } from './define.js';

/** `proposal.submit`: draft → submitted. */
export const ProposalSubmitEventSchema = defineEvent(
  'proposal.submit',
  { channel: ChannelSchema.optional() },
  eventMeta('提交', 'Submit', '提出者提交提案或建议。', 'The proposer submits the item.'),
);

/** `review.start`: submitted → review. */
export const ReviewStartEventSchema = defineEvent(
  'review.start',
  {},
  eventMeta('开始审查', 'Start review', '提案委员会开始审查。', 'The committee starts reviewing.'),
);

/** `review.register`: review → registered (立案). */
export const ReviewRegisterEventSchema = defineEvent(
  'review.register',
  {
    key: z
      .boolean()
      .meta(bilingual('重点提案', 'Key item', '是否列为重点。', 'Whether it is a key item.'))
      .optional(),
    supervisingLeader: text(
      '领衔督办领导',
      'Supervising leader',
      '领衔督办的领导。',
      'The leader who supervises it.',
    ).optional(),
    urgent: z
      .boolean()
      .meta(bilingual('紧急', 'Urgent', '是否按紧急件办理。', 'Whether it is handled as urgent.'))
      .optional(),
  },
  eventMeta('立案', 'Register', '审查后予以立案。', 'The item is registered (立案).'),
);

/** `review.merge`: review → merged (并案). */
export const ReviewMergeEventSchema = defineEvent(
  'review.merge',
  {
    into: text('并入提案', 'Merged into', '并入的提案标识。', 'Id of the item it is merged into.'),
    reason: reasonField.optional(),
  },
  eventMeta('并案', 'Merge', '与相近提案并案办理。', 'Merged with a similar item.'),
);

/** `review.convert`: review → converted (转为意见建议). */
export const ReviewConvertEventSchema = defineEvent(
  'review.convert',
  { reason: reasonField.optional() },
  eventMeta(
    '转为意见建议',
    'Convert',
    '不立案，转为意见和建议或委员来信处理。',
    'Not registered; handled as an opinion or letter.',
  ),
);

/** `review.reject`: review → rejected (不予立案). */
export const ReviewRejectEventSchema = defineEvent(
  'review.reject',
  { reason: RejectionReasonSchema, note: noteField.optional() },
  eventMeta('不予立案', 'Reject', '不予立案并告知提出者。', 'Not registered; the proposer is told why.'),
);

/** The written request (书面申请) behind a withdrawal (S31): its date and, when it has one, its reference number. */
export const WrittenRequestSchema = z
  .strictObject({
    date: isoDateField('申请日期', 'Request date', '书面申请的日期。', 'The date of the written request.'),
    reference: text('申请文号', 'Reference', '书面申请的编号或文号。', 'The written request’s number.').optional(),
  })
  .meta(
    bilingual(
      '书面申请',
      'Written request',
      '撤回须以书面形式提出（S31）。',
      'A withdrawal is requested in writing (S31).',
      { 'x-source': 'domain.md §6 [S31]' },
    ),
  );

/** `proposal.withdraw`: any state before `answered` → withdrawn; open cases terminate. Only the first proposer (领衔). */
export const ProposalWithdrawEventSchema = defineEvent(
  'proposal.withdraw',
  {
    by: text(
      '撤回人',
      'Withdrawn by',
      '提出撤回的第一提案人（领衔代表）标识。',
      'The first proposer (leading deputy) who withdraws.',
    ),
    writtenRequest: WrittenRequestSchema,
    reason: reasonField.optional(),
  },
  eventMeta(
    '撤回',
    'Withdraw',
    '第一提案人（领衔代表）书面申请撤回，办理终止。',
    'The first proposer (leading deputy) withdraws in writing; handling ends.',
  ),
);

/** `proposal.withdrawSignature`: a co-signer withdraws their own signature in writing; the item stays in handling. */
export const ProposalWithdrawSignatureEventSchema = defineEvent(
  'proposal.withdrawSignature',
  {
    by: text('撤回联名人', 'Co-signer', '撤回本人联名的联名人标识。', 'The co-signer who withdraws their signature.'),
    writtenRequest: WrittenRequestSchema,
    reason: reasonField.optional(),
  },
  eventMeta(
    '撤回联名',
    'Withdraw signature',
    '联名人书面申请撤回本人的联名，提案（建议）继续办理。',
    'A co-signer withdraws their own signature in writing; the item stays in handling.',
  ),
);

/** `assignment.assign`: registered → assigned; opens one case per responsible unit. */
export const AssignmentAssignEventSchema = defineEvent(
  'assignment.assign',
  { assignment: AssignmentSchema },
  eventMeta('交办', 'Assign', '交办机关确定承办单位。', 'The assigning office names the handling units.'),
);

/** `proposal.addMergedItem` (internal, from the SDK's 并案): another item is merged into this one. */
export const ProposalAddMergedItemEventSchema = defineEvent(
  'proposal.addMergedItem',
  { item: MergedItemSchema },
  eventMeta(
    '并入提案',
    'Merge item in',
    '另一件提案（建议）并入本件办理，单独答复（内部事件）。',
    'Another item is merged into this one, to be replied to separately (internal).',
    true,
  ),
);

/** `case.accepted` (internal): assigned → inHandling on the first acceptance. */
export const CaseAcceptedEventSchema = defineEvent(
  'case.accepted',
  { caseId: caseIdField },
  eventMeta(
    '办件已签收',
    'Case accepted',
    '某承办单位已签收（内部事件）。',
    'A unit has accepted its case (internal).',
    true,
  ),
);

/** `case.reassigned` (internal): records the new unit of a case. */
export const CaseReassignedEventSchema = defineEvent(
  'case.reassigned',
  {
    caseId: caseIdField,
    toUnit: UnitSchema.meta(bilingual('新承办单位', 'New unit', '调整后的承办单位。', 'The unit after reassignment.')),
  },
  eventMeta(
    '办件已改办',
    'Case reassigned',
    '办件改由其他单位承办（内部事件）。',
    'A case moved to another unit (internal).',
    true,
  ),
);

/** `case.replied` (internal): inHandling → answered once every case has replied. */
export const CaseRepliedEventSchema = defineEvent(
  'case.replied',
  { caseId: caseIdField, class: ReplyClassSchema },
  eventMeta('办件已答复', 'Case replied', '某办件已答复（内部事件）。', 'A case has replied (internal).', true),
);

/** `case.closed` (internal): answered → closed once every case is closed. */
export const CaseClosedEventSchema = defineEvent(
  'case.closed',
  { caseId: caseIdField },
  eventMeta('办件已办结', 'Case closed', '某办件已办结（内部事件）。', 'A case is closed (internal).', true),
);

/** `proposal.archive`: closed → archived. */
export const ProposalArchiveEventSchema = defineEvent(
  'proposal.archive',
  {},
  eventMeta('归档', 'Archive', '办结后归档。', 'Archived after closing.'),
);

/** `deadline.elapsed` (internal, from the scheduler): marks a deadline missed; `caseId` routes it to a case. */
export const DeadlineElapsedEventSchema = defineEvent(
  'deadline.elapsed',
  {
    deadlineId: text('期限标识', 'Deadline id', '到期的期限。', 'The deadline that elapsed.'),
    caseId: caseIdField.optional(),
  },
  eventMeta(
    '期限届满',
    'Deadline elapsed',
    '调度器报告期限已到（内部事件）。',
    'The scheduler reports a deadline passed (internal).',
    true,
  ),
);
