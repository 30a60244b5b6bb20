import { caseSetup } from '../setup.js';

const issued = (mode: 'proactive' | 'onRequest' | 'withheld') =>
  ({ type: 'replyIssuedWith', params: { mode } }) as const;

/** 公开: runs beside the handling; the disclosure mode marked on the letter decides the path. */
export const publication = caseSetup.createStateConfig({
  description: 'Publication of the reply, beside the handling',
  meta: { label: { 'zh-CN': '答复公开', en: 'Publication' } },
  initial: 'pendingReply',
  states: {
    pendingReply: {
      description: 'No reply issued yet',
      meta: { label: { 'zh-CN': '待答复', en: 'Pending reply' } },
      always: [
        { guard: issued('proactive'), target: 'due' },
        { guard: issued('onRequest'), target: 'onRequest' },
        { guard: issued('withheld'), target: 'withheld' },
        { guard: 'endedWithoutReply', target: 'notApplicable' },
      ],
    },
    due: {
      description: 'Proactive publication (主动公开) is due within the policy period',
      meta: { label: { 'zh-CN': '待主动公开', en: 'Publication due' } },
      tags: ['clock.running'],
      entry: ['openPublication', 'emitPublicationDue'],
      on: { 'publication.publish': { target: 'published', actions: ['recordPublication', 'emitReplyPublished'] } },
    },
    published: {
      description: 'The reply is published',
      meta: { label: { 'zh-CN': '已公开', en: 'Published' } },
      type: 'final',
    },
    onRequest: {
      description: 'Disclosed on request (依申请公开)',
      meta: { label: { 'zh-CN': '依申请公开', en: 'Disclosed on request' } },
      on: { 'publication.disclose': { actions: 'recordDisclosure' } },
    },
    withheld: {
      description: 'Not disclosed, with a reason (不予公开)',
      meta: { label: { 'zh-CN': '不予公开', en: 'Withheld' } },
      type: 'final',
    },
    notApplicable: {
      description: 'No reply was issued (reference case or withdrawal)',
      meta: { label: { 'zh-CN': '无需公开', en: 'Not applicable' } },
      type: 'final',
    },
  },
});
