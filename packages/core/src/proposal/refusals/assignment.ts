import { formatChineseDate } from '../../refusal/formatChineseDate.js';
import { type RefusalRule, refusalRule } from '../../refusal/reason.js';
import { responsibleUnits } from '../assignment.js';
import type { ProposalEvent } from '../events.js';
import type { ProposalContext } from '../types.js';

/** An assignment dated after the event that records it, or one that names no responsible unit. */
export const assignmentRefusals: RefusalRule<ProposalContext, ProposalEvent>[] = [
  refusalRule<ProposalContext, ProposalEvent, 'assignment.assign'>(['assignment.assign'], (_ctx, e) =>
    e.assignment.date > e.at
      ? {
          code: 'assignment.datedAfterEvent',
          messages: {
            'zh-CN': `交办日期（${formatChineseDate(e.assignment.date)}）不能晚于登记交办的日期（${formatChineseDate(e.at)}）`,
            en: `The assignment date (${e.assignment.date}) cannot be after the day it is recorded (${e.at})`,
          },
        }
      : undefined,
  ),
  refusalRule<ProposalContext, ProposalEvent, 'assignment.assign'>(['assignment.assign'], (_ctx, e) =>
    responsibleUnits(e.assignment).length === 0
      ? {
          code: 'assignment.noUnit',
          messages: { 'zh-CN': '交办须指定至少一个承办单位', en: 'An assignment must name at least one unit' },
        }
      : undefined,
  ),
];
