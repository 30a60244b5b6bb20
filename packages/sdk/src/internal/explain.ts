import { type Calendar, describeRule, explainDueDate } from '@banli/calendar';
import type { BilingualMessage } from '../errors.js';
import type { SystemDeadline } from '../system.js';

const KIND_LABELS: Record<string, BilingualMessage> = {
  assignment: { 'zh-CN': '交办期限', en: 'Assignment' },
  adjustmentWindow: { 'zh-CN': '签收及申请调整期限', en: 'Acceptance and adjustment window' },
  adjustmentAnswer: { 'zh-CN': '调整申请答复期限', en: 'Answer to adjustment request' },
  acceptance: { 'zh-CN': '签收期限', en: 'Acceptance' },
  firstContact: { 'zh-CN': '首次联系提案者期限', en: 'First contact with proposers' },
  coOpinion: { 'zh-CN': '会办意见期限', en: 'Co-handling opinion' },
  reply: { 'zh-CN': '答复期限', en: 'Reply' },
  feedback: { 'zh-CN': '反馈意见期限', en: 'Proposer feedback' },
  rehandling: { 'zh-CN': '重新办理期限', en: 'Re-handling' },
  publication: { 'zh-CN': '主动公开期限', en: 'Publication' },
  followUp: { 'zh-CN': '跟踪办理期限', en: 'Follow-up reply' },
};

/** The label of a deadline kind (falls back to the kind itself). */
export function deadlineKindLabel(kind: string): BilingualMessage {
  return KIND_LABELS[kind] ?? { 'zh-CN': kind, en: kind };
}

/**
 * A deadline's label and a zh-CN/en explanation of its due date: the calendar's step-by-step trace when the deadline was
 * computed with this calendar, otherwise the rule in words and the calendar it used.
 */
export function explainDeadline(
  calendar: Calendar,
  d: SystemDeadline,
): { label: BilingualMessage; explanation: BilingualMessage } {
  const label = deadlineKindLabel(d.kind);
  const rule = d.rule as Parameters<typeof describeRule>[0];
  if (d.calendarId === calendar.id && d.calendarVersion === calendar.version) {
    try {
      const trace = explainDueDate(calendar, rule, d.start, { uncovered: 'provisional' });
      if (trace.due === d.due) return { label, explanation: { 'zh-CN': trace.text['zh-CN'], en: trace.text.en } };
    } catch {
      // Fall through to the short form for rules the calendar cannot trace.
    }
  }
  const words = describeRule(rule);
  return {
    label,
    explanation: {
      'zh-CN': `${label['zh-CN']}：自 ${d.start} 起${words['zh-CN']}，截止 ${d.due}（按日历 ${d.calendarId}@${d.calendarVersion} 计算）`,
      en: `${label.en}: ${words.en} from ${d.start}, due ${d.due} (computed with calendar ${d.calendarId}@${d.calendarVersion})`,
    },
  };
}
