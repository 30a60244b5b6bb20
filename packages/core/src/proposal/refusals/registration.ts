import { type RefusalRule, refusalRule } from '../../refusal/reason.js';
import type { ProposalEvent } from '../events.js';
import { keyHasLeader } from '../guards/index.js';
import type { ProposalContext } from '../types.js';

/**
 * S7, S52: a key (重点) item is led or supervised by a named leader, so registering it as key names the supervising
 * leader (the `keyHasLeader` guard); without one the refusal says so instead of naming the stage.
 */
export const registrationRefusals: RefusalRule<ProposalContext, ProposalEvent>[] = [
  refusalRule<ProposalContext, ProposalEvent, 'review.register'>(['review.register'], (ctx, e) => {
    if (keyHasLeader(ctx, e)) return undefined;
    const item =
      ctx.proposal.kind === 'suggestion'
        ? { 'zh-CN': '重点建议', en: 'key suggestion' }
        : { 'zh-CN': '重点提案', en: 'key proposal' };
    return {
      code: 'registration.keyNeedsLeader',
      source: 'S7',
      messages: {
        'zh-CN': `${item['zh-CN']}须由领导领衔督办：立案时请填写督办领导（supervisingLeader）`,
        en: `A ${item.en} is supervised by a named leader: give the supervising leader (supervisingLeader) when registering it`,
      },
    };
  }),
];
