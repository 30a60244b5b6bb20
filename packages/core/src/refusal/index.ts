export { formatChineseDate } from './formatChineseDate.js';
export { stageReason, unknownCaseReason } from './generic.js';
export { shortPeriod } from './period.js';
export { firstReason, type RefusalDetail, type RefusalReason, type RefusalRule, refusalRule } from './reason.js';
