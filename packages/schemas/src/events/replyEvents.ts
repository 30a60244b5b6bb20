import { z } from 'zod';
import { FeedbackSchema } from '../feedback.js';
import { text, withTextRules } from '../internal/fields.js';
import { bilingual } from '../meta.js';
import { ReplyClassSchema } from '../replyClass.js';
import { ReplyLetterSchema } from '../replyLetter.js';
import { defineCaseEvent, eventMeta, noteField } from './define.js';

const unitId = text('单位标识', 'Unit id', '会签单位的标识。', 'The countersigning unit.');

/** `reply.submitDraft`: drafting → countersigning or signOff. */
export const ReplySubmitDraftEventSchema = defineCaseEvent(
  'reply.submitDraft',
  {
    letter: ReplyLetterSchema.meta(
      bilingual(
        '答复稿',
        'Draft reply',
        '给本件提出者的答复函草稿；重新办理时，本件提出者对上次答复均无不满意（只有并入提案的提出者不满意）的，可不填。',
        'The draft letter to the item’s own proposers; in a re-handling round where none of them was dissatisfied (only merged items’ proposers were), it may be left out.',
      ),
    ).optional(),
    mergedLetters: z
      .array(ReplyLetterSchema)
      .meta(
        bilingual(
          '并案答复稿',
          'Letters to merged items',
          '并案办理时，给每件并入提案（建议）提出者的答复稿，各一件，以 proposalId 区分（S20）。',
          'When items were merged in: one draft letter to each merged item’s proposers, told apart by proposalId (S20).',
        ),
      )
      .optional(),
  },
  eventMeta('提交答复稿', 'Submit draft', '提交答复函草稿。', 'The unit submits the draft reply.'),
);

/** `countersign.approve`: a co-unit countersigns (会签) the draft. */
export const CountersignApproveEventSchema = defineCaseEvent(
  'countersign.approve',
  { unitId },
  eventMeta('会签同意', 'Countersign', '会办单位会签同意。', 'A co-unit countersigns.'),
);

/** `countersign.requestChanges`: a co-unit asks for changes. */
export const CountersignRequestChangesEventSchema = defineCaseEvent(
  'countersign.requestChanges',
  { unitId, note: noteField },
  eventMeta('会签退改', 'Request changes', '会办单位要求修改答复稿。', 'A co-unit asks for changes.'),
);

/** `signOff.approve`: the unit leader signs off (签发). */
export const SignOffApproveEventSchema = defineCaseEvent(
  'signOff.approve',
  {
    signer: text('签发人', 'Signer', '签发的领导。', 'The leader who signs off.'),
    principal: z
      .boolean()
      .meta(
        bilingual(
          '主要负责人签发',
          'Signed by the principal leader',
          '签发人自述是否为单位主要负责人（仅作记录）；重点提案（建议）的签发人按单位资料中登记的主要负责人核对（S23）。',
          "The signer's own statement that they are the principal (recorded only); a key item's signer is checked against the principal recorded in the unit's data (S23).",
        ),
      )
      .optional(),
  },
  eventMeta('签发', 'Sign off', '单位负责人签发答复。', 'The unit leader signs off.'),
);

/** `signOff.return`: the leader returns the draft. */
export const SignOffReturnEventSchema = defineCaseEvent(
  'signOff.return',
  { note: noteField },
  eventMeta('签发退回', 'Return draft', '单位负责人退回答复稿。', 'The leader returns the draft.'),
);

/** `supervisor.approve`: the supervisor (督办) approves, possibly changing the class. */
export const SupervisorApproveEventSchema = defineCaseEvent(
  'supervisor.approve',
  { class: ReplyClassSchema.optional() },
  eventMeta(
    '督办审核通过',
    'Supervisor approves',
    '督办审核通过，可调整分类。',
    'The supervisor approves and may change the class.',
  ),
);

/** `supervisor.return`: the supervisor sends the reply back. */
export const SupervisorReturnEventSchema = defineCaseEvent(
  'supervisor.return',
  { note: noteField },
  eventMeta('督办退回', 'Supervisor returns', '督办退回重办。', 'The supervisor sends it back.'),
);

/** `feedback.submit`: one proposer's rating, once per round. */
export const FeedbackSubmitEventSchema = defineCaseEvent(
  'feedback.submit',
  { feedback: FeedbackSchema },
  eventMeta('反馈意见', 'Submit feedback', '提出者反馈满意度。', 'A proposer rates the reply.'),
);

/** `rehandling.start`: after 不满意, the office starts another round. */
export const RehandlingStartEventSchema = defineCaseEvent(
  'rehandling.start',
  { note: noteField.optional() },
  eventMeta('重新办理', 'Start re-handling', '不满意后重新办理。', 'Another handling round after dissatisfaction.'),
);

/**
 * `followUp.reply`: the second reply on a B/C commitment, to the item's own proposers (`letter`) and to merged items'
 * (`mergedLetters`); followUp → closed once every open commitment is answered.
 */
export const FollowUpReplyEventSchema = defineCaseEvent(
  'followUp.reply',
  {
    letter: ReplyLetterSchema.meta(
      bilingual(
        '二次答复函',
        'Second reply',
        '给本件提出者的二次答复；本件自身的答复没有作出承诺（只有并入提案的答复为 B/C 类）时不填。',
        'The second reply to the item’s own proposers; left out when only merged items’ replies made a commitment.',
      ),
    ).optional(),
    mergedLetters: z
      .array(ReplyLetterSchema)
      .meta(
        bilingual(
          '并案二次答复函',
          'Second replies to merged items',
          '并案办理时，给答复作出承诺（B/C 类）的并入提案（建议）提出者的二次答复，各一件，以 proposalId 区分（S10、S20）。',
          'When items were merged in: the second reply to each merged item whose reply made a commitment (class B/C), told apart by proposalId (S10, S20).',
        ),
      )
      .optional(),
  },
  eventMeta('跟踪答复', 'Follow-up reply', '落实承诺后再次答复。', 'The second reply once a commitment is met.'),
);

/** `publication.publish`: the reply is published (主动公开). */
export const PublicationPublishEventSchema = defineCaseEvent(
  'publication.publish',
  {
    url: withTextRules(z.url())
      .meta(bilingual('公开网址', 'URL', '公开答复的网址。', 'Where it is published.'))
      .optional(),
  },
  eventMeta('公开', 'Publish', '主动公开答复。', 'The reply is published.'),
);

/** `publication.disclose`: disclosed on request (依申请公开). */
export const PublicationDiscloseEventSchema = defineCaseEvent(
  'publication.disclose',
  { requestId: text('申请编号', 'Request id', '公开申请的编号。', 'The disclosure request.').optional() },
  eventMeta('依申请公开', 'Disclose on request', '依申请公开答复。', 'The reply is disclosed on request.'),
);
