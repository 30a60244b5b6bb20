import type { Bilingual } from '@banli/schemas';

/** Tags that answer cross-cutting questions about a snapshot, e.g. `snapshot.hasTag('overdue')`. */
export type BanliTag =
  | 'terminal'
  | 'clock.running'
  | 'awaitingUnit'
  | 'awaitingProposer'
  | 'awaitingOffice'
  | 'overdue';

/** Every tag with its zh-CN and en label. */
export const tagMeta: Record<BanliTag, { label: Bilingual }> = {
  terminal: { label: { 'zh-CN': '已终结', en: 'Terminal' } },
  'clock.running': { label: { 'zh-CN': '计时中', en: 'Clock running' } },
  awaitingUnit: { label: { 'zh-CN': '待承办单位处理', en: 'Awaiting the unit' } },
  awaitingProposer: { label: { 'zh-CN': '待提案者反馈', en: 'Awaiting the proposers' } },
  awaitingOffice: { label: { 'zh-CN': '待交办机关处理', en: 'Awaiting the office' } },
  overdue: { label: { 'zh-CN': '已逾期', en: 'Overdue' } },
};
