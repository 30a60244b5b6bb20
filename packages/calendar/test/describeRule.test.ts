import { describe, expect, it } from 'vitest';
import { describeRule } from '../src/index.js';

describe('describeRule', () => {
  it('should describe working days in both languages', () => {
    expect(describeRule({ kind: 'workingDays', days: 15 })).toEqual({ 'zh-CN': '15 个工作日', en: '15 working days' });
    expect(describeRule({ kind: 'workingDays', days: 1 }).en).toBe('1 working day');
    expect(describeRule({ kind: 'workingDays', days: -3 })).toEqual({
      'zh-CN': '提前 3 个工作日',
      en: '3 working days before',
    });
  });

  it('should mention roll-forward only when the rule has it', () => {
    expect(describeRule({ kind: 'calendarDays', days: 30 }).en).toBe('30 calendar days');
    expect(describeRule({ kind: 'calendarDays', days: 30, rollForward: true })['zh-CN']).toBe(
      '30 日（自然日），最后一日为休息日的顺延至其后第一个工作日',
    );
  });

  it('should describe months with the month-end clamp', () => {
    expect(describeRule({ kind: 'months', months: 3 }).en).toBe(
      "3 months (the corresponding day, or the month's last day)",
    );
  });

  it('should describe a fixed date and the next-year choice', () => {
    expect(describeRule({ kind: 'fixedDate', monthDay: '06-30' })).toEqual({
      'zh-CN': '当年 6 月 30 日前（起算日已过该日的，为次年 6 月 30 日）',
      en: "by June 30 of the start year (the next year's if the start is past it)",
    });
  });

  it('should describe the earliest and latest of several rules', () => {
    const rules = [
      { kind: 'workingDays', days: 15 },
      { kind: 'calendarDays', days: 30 },
    ] as const;
    expect(describeRule({ kind: 'earliest', rules: [...rules] }).en).toBe(
      'the earliest of: 15 working days; 30 calendar days',
    );
    expect(describeRule({ kind: 'latest', rules: [...rules] })['zh-CN']).toBe(
      '以下期限中最晚届满者：15 个工作日；30 日（自然日）',
    );
  });
});
