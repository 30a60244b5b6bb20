import {
  BANLI_EVENT_TYPES,
  type BanliEventType,
  CASE_EVENT_TYPES,
  eventSchemaFor,
  getMeta,
  isInternalEvent,
  PROPOSAL_EVENT_TYPES,
} from '@banli/schemas';
import type { Bilingual } from './domain.js';
import type { Notification } from './system/types.js';

/** Labels and routing facts of one event type. */
export interface EventMeta {
  label: Bilingual;
  description: Bilingual;
  /** Which machine takes it (`deadline.elapsed` goes to both). */
  machine: 'proposal' | 'case' | 'both';
  /** Sent only by the coordinator, SDK or scheduler. */
  internal: boolean;
}

const proposalTypes = new Set<string>(PROPOSAL_EVENT_TYPES);
const caseTypes = new Set<string>(CASE_EVENT_TYPES);

function metaOf(type: BanliEventType): EventMeta {
  const m = getMeta(eventSchemaFor(type));
  const inProposal = proposalTypes.has(type);
  const inCase = caseTypes.has(type);
  return {
    label: m?.['x-label'] ?? { 'zh-CN': '', en: '' },
    description: m?.['x-description'] ?? { 'zh-CN': '', en: '' },
    machine: inProposal && inCase ? 'both' : inProposal ? 'proposal' : 'case',
    internal: isInternalEvent(type),
  };
}

/**
 * zh-CN and en labels of every event, keyed by type (taken from the @banli/schemas event schemas' metadata).
 *
 * @example
 * ```ts
 * eventMeta['review.register'].label['zh-CN']; // '立案'
 * ```
 */
export const eventMeta = Object.fromEntries(BANLI_EVENT_TYPES.map((t) => [t, metaOf(t)])) as Record<
  BanliEventType,
  EventMeta
>;

/** zh-CN and en labels of every notification the machines emit, keyed by type. */
export const notificationMeta: Record<Notification['type'], { label: Bilingual }> = {
  'proposal.submitted': { label: { 'zh-CN': '提案已提交', en: 'Proposal submitted' } },
  'proposal.registered': { label: { 'zh-CN': '提案已立案', en: 'Proposal registered' } },
  'proposal.merged': { label: { 'zh-CN': '提案已并案', en: 'Proposal merged' } },
  'proposal.itemMerged': { label: { 'zh-CN': '已有提案并入本件', en: 'Item merged in' } },
  'proposal.converted': { label: { 'zh-CN': '已转为意见建议', en: 'Converted to an opinion' } },
  'proposal.rejected': { label: { 'zh-CN': '不予立案', en: 'Proposal rejected' } },
  'proposal.withdrawn': { label: { 'zh-CN': '提案已撤回', en: 'Proposal withdrawn' } },
  'proposal.signatureWithdrawn': { label: { 'zh-CN': '联名人已撤回联名', en: 'Co-signer withdrew' } },
  'case.opened': { label: { 'zh-CN': '已交办承办单位', en: 'Case opened' } },
  'proposal.answered': { label: { 'zh-CN': '提案已全部答复', en: 'Proposal answered' } },
  'proposal.closed': { label: { 'zh-CN': '提案已办结', en: 'Proposal closed' } },
  'proposal.archived': { label: { 'zh-CN': '提案已归档', en: 'Proposal archived' } },
  'deadline.missed': { label: { 'zh-CN': '期限已逾期', en: 'Deadline missed' } },
  'case.accepted': { label: { 'zh-CN': '承办单位已签收', en: 'Case accepted' } },
  'adjustment.requested': { label: { 'zh-CN': '已申请调整承办单位', en: 'Adjustment requested' } },
  'adjustment.kept': { label: { 'zh-CN': '维持原承办单位', en: 'Assignment kept' } },
  'case.reassigned': { label: { 'zh-CN': '已改由其他单位承办', en: 'Case reassigned' } },
  'extension.requested': { label: { 'zh-CN': '已申请延期', en: 'Extension requested' } },
  'extension.decided': { label: { 'zh-CN': '延期申请已处理', en: 'Extension decided' } },
  'reply.draftFlagged': { label: { 'zh-CN': '答复函草稿须补正', en: 'Draft letter flagged' } },
  'reply.issued': { label: { 'zh-CN': '答复函已发出', en: 'Reply issued' } },
  'mergedReply.issued': { label: { 'zh-CN': '并案提案答复函已发出', en: 'Reply to a merged item issued' } },
  'feedback.received': { label: { 'zh-CN': '已收到反馈意见', en: 'Feedback received' } },
  'rehandling.started': { label: { 'zh-CN': '已启动重新办理', en: 'Re-handling started' } },
  'followUp.replied': { label: { 'zh-CN': '已跟踪答复', en: 'Follow-up replied' } },
  'coUnit.opinionMissing': { label: { 'zh-CN': '会办意见逾期未送达', en: 'Co-handling opinion missing' } },
  'case.closed': { label: { 'zh-CN': '办件已办结', en: 'Case closed' } },
  'case.closeOverridden': {
    label: { 'zh-CN': '承诺未落实即办结（提案委员会决定）', en: 'Closed despite an open commitment (committee)' },
  },
  'case.terminated': { label: { 'zh-CN': '办件已终止', en: 'Case terminated' } },
  'publication.due': { label: { 'zh-CN': '答复待公开', en: 'Publication due' } },
  'reply.published': { label: { 'zh-CN': '答复已公开', en: 'Reply published' } },
};
