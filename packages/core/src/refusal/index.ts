export { formatChineseDate } from './formatChineseDate.js';
export { stageReason } from './generic.js';
export { shortPeriod } from './period.js';
export { type RefusalDetail, type RefusalReason, type RefusalRule, refusalRule } from './reason.js';
