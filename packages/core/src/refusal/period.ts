import type { Bilingual } from '../domain.js';
import type { DeadlineRule } from '../policy/deadlineRule.js';

/**
 * A deadline rule in the few words a refusal needs, e.g. `3 个工作日` / `3 working days`, `3 个月` / `3 months`.
 * Combined rules fall back to `规定期限` / `the set period`.
 */
export function shortPeriod(rule: DeadlineRule): Bilingual {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  switch (rule.kind) {
    case 'workingDays':
      return { 'zh-CN': `${rule.days} 个工作日`, en: n(rule.days, 'working day') };
    case 'calendarDays':
      return { 'zh-CN': `${rule.days} 日`, en: n(rule.days, 'day') };
    case 'months':
      return { 'zh-CN': `${rule.months} 个月`, en: n(rule.months, 'month') };
    case 'fixedDate': {
      const [m, d] = rule.monthDay.split('-').map(Number);
      return { 'zh-CN': `每年${m}月${d}日前`, en: `by ${rule.monthDay} each year` };
    }
    default:
      return { 'zh-CN': '规定期限', en: 'the set period' };
  }
}
