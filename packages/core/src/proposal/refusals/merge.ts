import { type RefusalRule, refusalRule } from '../../refusal/reason.js';
import type { ProposalEvent } from '../events.js';
import type { ProposalContext } from '../types.js';

/** 并案 (S20, S11, S17): merged items are handled together but replied to separately. */
export const mergeRefusals: RefusalRule<ProposalContext, ProposalEvent>[] = [
  refusalRule<ProposalContext, ProposalEvent, 'review.merge'>(['review.merge'], (ctx, e) =>
    e.into.trim() === '' || e.into === ctx.proposal.id
      ? {
          code: 'merge.intoItself',
          source: 'S20',
          messages: {
            'zh-CN': `并案须并入另一件提案（建议），不能并入自身（${ctx.proposal.id}）`,
            en: `An item is merged into another item, never into itself (${ctx.proposal.id})`,
          },
        }
      : undefined,
  ),
  refusalRule<ProposalContext, ProposalEvent, 'review.merge'>(['review.merge'], (ctx) =>
    ctx.answeredAt !== undefined || ctx.cases.some((c) => c.reply !== undefined)
      ? {
          code: 'merge.itemReplied',
          source: 'S20',
          messages: {
            'zh-CN': `并案须在答复前决定：${ctx.proposal.id} 已经答复，不能再并案`,
            en: `Merging is decided before the reply: ${ctx.proposal.id} has already been replied to`,
          },
        }
      : undefined,
  ),
  refusalRule<ProposalContext, ProposalEvent, 'proposal.addMergedItem'>(['proposal.addMergedItem'], (ctx) =>
    ctx.answeredAt !== undefined || ctx.cases.some((c) => c.reply !== undefined)
      ? {
          code: 'merge.targetReplied',
          source: 'S20',
          messages: {
            'zh-CN': `并案的提案（建议）随主办件一并办理、分别答复，须在主办件答复前并入：${ctx.proposal.id} 已经答复`,
            en: `A merged item is handled with the target and replied to separately, so it joins before the target's reply: ${ctx.proposal.id} has already been replied to`,
          },
        }
      : undefined,
  ),
  refusalRule<ProposalContext, ProposalEvent, 'proposal.addMergedItem'>(['proposal.addMergedItem'], (ctx, e) =>
    (ctx.mergedItems ?? []).some((m) => m.proposalId === e.item.proposalId) || e.item.proposalId === ctx.proposal.id
      ? {
          code: 'merge.alreadyMerged',
          source: 'S20',
          messages: {
            'zh-CN': `${e.item.proposalId} 已并入 ${ctx.proposal.id}`,
            en: `${e.item.proposalId} is already merged into ${ctx.proposal.id}`,
          },
        }
      : undefined,
  ),
];
