/**
 * Formats an ISO date as Chinese documents and explanations print it: `2023-03-15` → `2023年3月15日`.
 *
 * @example
 * ```ts
 * formatChineseDate('2023-03-20'); // '2023年3月20日'
 * ```
 */
export function formatChineseDate(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
