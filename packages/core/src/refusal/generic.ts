import type { Bilingual } from '../domain.js';
import { eventMeta } from '../meta.js';
import type { RefusalReason } from './reason.js';

/** The label of an event type, or the type itself when it has none. */
function eventLabel(type: string): Bilingual {
  const label = (eventMeta as Record<string, { label: Bilingual } | undefined>)[type]?.label;
  return label && label['zh-CN'] !== '' ? label : { 'zh-CN': type, en: type };
}

/**
 * The reason given when no refusal rule explains a refusal: the step is not possible at this stage, named by the
 * stage's label (never raw state keys). Code `state.notAccepting`.
 */
export function stageReason(eventType: string, stage: Bilingual): RefusalReason {
  const event = eventLabel(eventType);
  return {
    code: 'state.notAccepting',
    messages: {
      'zh-CN': `“${stage['zh-CN']}”阶段不能办理“${event['zh-CN']}”`,
      en: `“${event.en}” is not possible at the “${stage.en}” stage`,
    },
  };
}

/** The reason given when an event names a case the proposal does not have. Code `case.notFound`. */
export function unknownCaseReason(eventType: string, caseId: string | undefined): RefusalReason {
  const event = eventLabel(eventType);
  return {
    code: 'case.notFound',
    messages: {
      'zh-CN': `“${event['zh-CN']}”所指的办件${caseId ? ` ${caseId} ` : ''}不属于本提案`,
      en: `“${event.en}” names a case${caseId ? ` (${caseId})` : ''} this proposal does not have`,
    },
  };
}
