import { type RefusalReason, TransitionRefusedError } from '@banli/core';
import type { StateView } from '../stateView.js';
import { statePaths } from './stateView.js';

/**
 * The reason of a refusal thrown by the handling system: the core error's own reason, or — for a system that throws
 * something else — `state.notAccepting` naming the event.
 */
export function refusalReasonOf(error: unknown, eventType: string, view: StateView | undefined): RefusalReason {
  if (error instanceof TransitionRefusedError) return error.reason;
  const stage = view ? statePaths(view.proposal).join('、') : '';
  return {
    code: 'state.notAccepting',
    messages: {
      'zh-CN': `当前阶段不能办理事件 ${eventType}${stage ? `（${stage}）` : ''}`,
      en: `Event ${eventType} is not possible at this stage${stage ? ` (${stage})` : ''}`,
    },
  };
}
