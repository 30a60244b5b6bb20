import type { Bilingual } from '@banli/schemas';
import { formatChineseDate } from '../dates/formatChineseDate.js';
import { fromEpochDay, isoWeekday } from '../internal/epochDay.js';

const ZH_WEEKDAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A day number as `2023年10月7日（星期六）` / `2023-10-07 (Saturday)`: Chinese text prints dates the Chinese way. */
export function dayText(day: number): Bilingual {
  const w = isoWeekday(day) - 1;
  const iso = fromEpochDay(day);
  return { 'zh-CN': `${formatChineseDate(iso)}（${ZH_WEEKDAYS[w]}）`, en: `${iso} (${EN_WEEKDAYS[w]})` };
}

/** A day number as a bare date: `2023年10月7日` / `2023-10-07`. */
export function dateText(day: number): Bilingual {
  const iso = fromEpochDay(day);
  return { 'zh-CN': formatChineseDate(iso), en: iso };
}

/** A span of day numbers as text, collapsing one-day spans. */
export function spanText(from: number, to: number): Bilingual {
  const days = to - from + 1;
  if (days === 1) {
    const d = dayText(from);
    return { 'zh-CN': `${d['zh-CN']}，1 天`, en: `${d.en}, 1 day` };
  }
  return {
    'zh-CN': `${dateText(from)['zh-CN']} 至 ${dateText(to)['zh-CN']}，${days} 天`,
    en: `${fromEpochDay(from)} – ${fromEpochDay(to)}, ${days} days`,
  };
}

/** Ordinal wording of a working-day count. */
export function ordinalText(n: number): Bilingual {
  return { 'zh-CN': `第 ${n} 个工作日`, en: `working day ${n}` };
}
