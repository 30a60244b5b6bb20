import { proposalSetup } from '../setup.js';

const ended = (zh: string, en: string, description: string) =>
  proposalSetup.createStateConfig({
    description,
    meta: { label: { 'zh-CN': zh, en } },
    tags: ['terminal'],
    type: 'final',
  });

/** 已归档. */
export const archived = ended('已归档', 'Archived', 'Handling is complete and archived');
/** 并案: merged into another item. */
export const merged = ended('已并案', 'Merged', 'Merged into another item');
/** 转意见建议: converted to an opinion letter. */
export const converted = ended('转意见建议', 'Converted', 'Converted to an opinion letter');
/** 不予立案. */
export const rejected = ended('不予立案', 'Rejected', 'Not registered, with a statutory reason');
/** 已撤回. */
export const withdrawn = ended('已撤回', 'Withdrawn', 'Withdrawn by the proposer');
