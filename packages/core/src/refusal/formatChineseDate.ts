// Defined once in @banli/calendar (its explanation traces print Chinese dates too); core re-exports it.
export { formatChineseDate } from '@banli/calendar';
