import { formatChineseDate } from '../../refusal/formatChineseDate.js';
import { type RefusalReason, type RefusalRule, refusalRule } from '../../refusal/reason.js';
import type { ProposalEvent, WrittenRequest } from '../events.js';
import { firstProposerId } from '../guards/index.js';
import type { ProposalContext } from '../types.js';

/** 第一提案人 (CPPCC proposals) or 领衔代表 (NPC suggestions). */
const firstLabel = (ctx: ProposalContext) =>
  ctx.proposal.kind === 'suggestion'
    ? { 'zh-CN': '领衔代表', en: 'leading deputy' }
    : { 'zh-CN': '第一提案人', en: 'first proposer' };

const requestAfterEvent = (request: WrittenRequest, at: string): RefusalReason | undefined =>
  request.date > at
    ? {
        code: 'withdrawal.requestAfterEvent',
        source: 'S31',
        messages: {
          'zh-CN': `撤回须有书面申请在先：申请日期（${formatChineseDate(request.date)}）晚于登记日期（${formatChineseDate(at)}）`,
          en: `A withdrawal rests on an earlier written request: the request (${request.date}) is dated after the event (${at})`,
        },
      }
    : undefined;

/** S31: the first proposer withdraws the item in writing; a co-signer may only withdraw their own signature. */
export const withdrawalRefusals: RefusalRule<ProposalContext, ProposalEvent>[] = [
  refusalRule<ProposalContext, ProposalEvent, 'proposal.withdraw'>(['proposal.withdraw'], (ctx, e) => {
    if (e.by === firstProposerId(ctx)) return undefined;
    const first = firstLabel(ctx);
    return {
      code: 'withdrawal.notFirstProposer',
      source: 'S31',
      messages: {
        'zh-CN': `撤回须由${first['zh-CN']}书面申请；联名人只能撤回本人的联名`,
        en: `Only the ${first.en} may withdraw the item, in writing; a co-signer may withdraw only their own signature`,
      },
    };
  }),
  refusalRule<ProposalContext, ProposalEvent, 'proposal.withdrawSignature'>(
    ['proposal.withdrawSignature'],
    (ctx, e) => {
      const first = firstLabel(ctx);
      if (e.by === firstProposerId(ctx)) {
        return {
          code: 'withdrawal.firstProposerSignature',
          source: 'S31',
          messages: {
            'zh-CN': `${first['zh-CN']}不能只撤回联名；如需撤回，须书面申请撤回整件`,
            en: `The ${first.en} cannot withdraw only a signature; they withdraw the whole item in writing`,
          },
        };
      }
      if (!ctx.proposal.proposers.some((p) => p.id === e.by)) {
        return {
          code: 'withdrawal.notCosigner',
          messages: { 'zh-CN': `${e.by} 不是本件的联名人`, en: `${e.by} is not a co-signer of this item` },
        };
      }
      return undefined;
    },
  ),
  refusalRule<ProposalContext, ProposalEvent, 'proposal.withdraw' | 'proposal.withdrawSignature'>(
    ['proposal.withdraw', 'proposal.withdrawSignature'],
    (_ctx, e) => requestAfterEvent(e.writtenRequest, e.at),
  ),
];
