import { type Calendar, describeRule, explainDueDate } from '@banli/calendar';
import type { Deadline } from '@banli/core';
import { deadlineKindMeta, deadlineLabel, formatChineseDate } from '@banli/core';
import type { Bilingual } from '@banli/schemas';

/** The label of a deadline kind (falls back to the kind itself). */
function deadlineKindLabel(kind: string, itemKind?: string): Bilingual {
  if (kind in deadlineKindMeta && (itemKind === 'proposal' || itemKind === 'suggestion')) {
    return deadlineLabel(kind as keyof typeof deadlineKindMeta, itemKind);
  }
  return (
    (deadlineKindMeta as Record<string, { label: Bilingual } | undefined>)[kind]?.label ?? {
      'zh-CN': kind,
      en: kind,
    }
  );
}

/**
 * A deadline's label and a zh-CN/en explanation of its due date: the calendar's step-by-step trace when the deadline was
 * computed with this calendar, otherwise the rule in words and the calendar it used.
 */
export function explainDeadline(
  calendar: Calendar,
  d: Deadline,
  itemKind?: string,
): { label: Bilingual; explanation: Bilingual } {
  const label = deadlineKindLabel(d.kind, itemKind);
  const rule = d.rule as Parameters<typeof describeRule>[0];
  if (d.calendarId === calendar.id && d.calendarVersion === calendar.version) {
    try {
      const trace = explainDueDate(calendar, rule, d.start, { uncovered: 'statutory' });
      if (trace.due === d.due) return { label, explanation: { 'zh-CN': trace.text['zh-CN'], en: trace.text.en } };
    } catch {
      // Fall through to the short form for rules the calendar cannot trace.
    }
  }
  const words = describeRule(rule);
  return {
    label,
    explanation: {
      'zh-CN': `${label['zh-CN']}：自 ${formatChineseDate(d.start)} 起${words['zh-CN']}，截止 ${formatChineseDate(d.due)}（按日历 ${d.calendarId}@${d.calendarVersion} 计算）`,
      en: `${label.en}: ${words.en} from ${d.start}, due ${d.due} (computed with calendar ${d.calendarId}@${d.calendarVersion})`,
    },
  };
}
