import type { Bilingual } from '@banli/schemas';
import type { DeadlineRule } from './deadlineRule.js';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const plural = (n: number, word: string) => `${n} ${word}${Math.abs(n) === 1 ? '' : 's'}`;

const ROLL: Bilingual = {
  'zh-CN': '，最后一日为休息日的顺延至其后第一个工作日',
  en: ', moved to the next working day if it falls on a rest day',
};

function roll(rule: { rollForward?: boolean }, locale: keyof Bilingual): string {
  return rule.rollForward ? ROLL[locale] : '';
}

/**
 * Describes a deadline rule in zh-CN and en, e.g. `{ 'zh-CN': '15 个工作日', en: '15 working days' }`.
 *
 * @example
 * ```ts
 * describeRule({ kind: 'months', months: 3 }).en; // '3 months (the corresponding day, or the month's last day)'
 * ```
 */
export function describeRule(rule: DeadlineRule): Bilingual {
  switch (rule.kind) {
    case 'workingDays':
      return rule.days >= 0
        ? { 'zh-CN': `${rule.days} 个工作日`, en: plural(rule.days, 'working day') }
        : { 'zh-CN': `提前 ${-rule.days} 个工作日`, en: `${plural(-rule.days, 'working day')} before` };
    case 'calendarDays':
      return rule.days >= 0
        ? {
            'zh-CN': `${rule.days} 日（自然日）${roll(rule, 'zh-CN')}`,
            en: `${plural(rule.days, 'calendar day')}${roll(rule, 'en')}`,
          }
        : {
            'zh-CN': `提前 ${-rule.days} 日（自然日）${roll(rule, 'zh-CN')}`,
            en: `${plural(-rule.days, 'calendar day')} before${roll(rule, 'en')}`,
          };
    case 'months':
      return {
        'zh-CN': `${rule.months} 个月（到期月的对应日，无对应日的为该月末日）${roll(rule, 'zh-CN')}`,
        en: `${plural(rule.months, 'month')} (the corresponding day, or the month's last day)${roll(rule, 'en')}`,
      };
    case 'fixedDate': {
      const month = Number(rule.monthDay.slice(0, 2));
      const day = Number(rule.monthDay.slice(3, 5));
      return {
        'zh-CN': `当年 ${month} 月 ${day} 日前（起算日已过该日的，为次年 ${month} 月 ${day} 日）${roll(rule, 'zh-CN')}`,
        en: `by ${EN_MONTHS[month - 1]} ${day} of the start year (the next year's if the start is past it)${roll(rule, 'en')}`,
      };
    }
    case 'earliest':
    case 'latest': {
      const parts = rule.rules.map(describeRule);
      const earliest = rule.kind === 'earliest';
      return {
        'zh-CN': `${earliest ? '以下期限中最早届满者' : '以下期限中最晚届满者'}：${parts.map((p) => p['zh-CN']).join('；')}`,
        en: `the ${earliest ? 'earliest' : 'latest'} of: ${parts.map((p) => p.en).join('; ')}`,
      };
    }
  }
}
