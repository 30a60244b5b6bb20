import { type Policy, replyPeriodOf } from '@banli/core';
import type { Proposal } from '@banli/schemas';
import { ValidationError } from './errors.js';

/**
 * Refuses an item filed at the session whose reply period counts from the session's closing day (Chongqing, S13:
 * "自大会闭幕之日起三个月内") when the item does not carry that day (`session.closedOn`). Without it the deadline would
 * silently count from 交办, a later and wrong due date (issue 13 item 1).
 *
 * @throws ValidationError with the issue `sessionClose.missing` at `session.closedOn`, naming the policy and source.
 */
export function checkSessionClose(policy: Policy, proposal: Proposal): void {
  if (proposal.channel !== 'session' || proposal.session.closedOn !== undefined) return;
  const period = replyPeriodOf(policy.replyPeriods, {
    kind: proposal.kind,
    channel: proposal.channel,
    proposerTypes: proposal.proposers.map((p) => p.type),
  });
  if (period?.from !== 'sessionClose') return;
  const source = period.citation?.source ? `（${period.citation.source}）` : '';
  const sourceEn = period.citation?.source ? ` (${period.citation.source})` : '';
  throw new ValidationError([
    {
      path: ['session', 'closedOn'],
      code: 'sessionClose.missing',
      messages: {
        'zh-CN': `办理规则“${policy.label['zh-CN']}”（${policy.id}）的答复期限自大会闭幕之日起计算${source}，须填写会议闭幕日期`,
        en: `under “${policy.label.en}” (${policy.id}) the reply period counts from the session’s closing day${sourceEn}: give the closing day`,
      },
    },
  ]);
}
