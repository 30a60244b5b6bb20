import { describe, expect, it } from 'vitest';
import {
  CalendarCoverageError,
  chinaMainland,
  computeDueDate,
  type DeadlineRule,
  explainDueDate,
  InvalidDeadlineRuleError,
} from '../src/index.js';

describe('explainDueDate', () => {
  it('should agree with computeDueDate', () => {
    const rules: DeadlineRule[] = [
      { kind: 'workingDays', days: 15 },
      { kind: 'calendarDays', days: 30, rollForward: true },
      { kind: 'months', months: 3, rollForward: true },
      { kind: 'fixedDate', monthDay: '10-01', rollForward: true },
      {
        kind: 'earliest',
        rules: [
          { kind: 'workingDays', days: 10 },
          { kind: 'calendarDays', days: 14 },
        ],
      },
    ];
    for (const rule of rules) {
      for (const start of ['2023-09-20', '2024-02-01', '2025-09-15']) {
        expect(explainDueDate(chinaMainland, rule, start).due).toBe(computeDueDate(chinaMainland, rule, start).due);
      }
    }
  });

  it('should list the skipped holiday span and the make-up day counted', () => {
    const e = explainDueDate(chinaMainland, { kind: 'workingDays', days: 2 }, '2024-02-08');
    expect(e.steps.map((s) => s.kind)).toEqual(['start', 'skip', 'makeUpWorkday', 'count', 'due']);
    expect(e.steps[1]).toMatchObject({
      from: '2024-02-10',
      to: '2024-02-17',
      days: 8,
      reason: 'holiday',
      holiday: { name: 'springFestival' },
    });
    expect(e.steps[2]).toMatchObject({ date: '2024-02-18', ordinal: 2, holiday: { name: 'springFestival' } });
  });

  it('should name the calendar id, version and notice in both languages', () => {
    const e = explainDueDate(chinaMainland, { kind: 'workingDays', days: 1 }, '2023-09-28');
    expect(e.text['zh-CN']).toContain(`日历：cn-mainland@${chinaMainland.version}`);
    expect(e.text.en).toContain(`Calendar: cn-mainland@${chinaMainland.version}`);
    expect(e.text['zh-CN']).toContain('计入 2023年10月7日（星期六）：调休上班日（中秋节、国庆节），第 1 个工作日');
    expect(e.text.en).toContain(
      'Counted 2023-10-07 (Saturday): make-up working day (Mid-Autumn Festival and National Day), working day 1',
    );
    expect(e.sources).toEqual([chinaMainland.years.get(2023)?.source]);
  });

  it('should separate ordinary weekends from holidays', () => {
    const e = explainDueDate(chinaMainland, { kind: 'workingDays', days: 15 }, '2023-09-20');
    const skips = e.steps.filter((s) => s.kind === 'skip');
    expect(skips.map((s) => [s.from, s.to, s.reason])).toEqual([
      ['2023-09-23', '2023-09-24', 'weekend'],
      ['2023-09-29', '2023-10-06', 'holiday'],
      ['2023-10-14', '2023-10-15', 'weekend'],
    ]);
  });

  it('should explain a roll-forward', () => {
    const e = explainDueDate(chinaMainland, { kind: 'calendarDays', days: 3, rollForward: true }, '2023-09-28');
    expect(e.steps.map((s) => s.kind)).toEqual(['start', 'land', 'restDay', 'skip', 'rollForward', 'due']);
    expect(e.text['zh-CN']).toContain('顺延至其后第一个工作日 2023年10月7日（星期六）');
  });

  it('should note a rest-day due date that the rule does not roll', () => {
    const e = explainDueDate(chinaMainland, { kind: 'calendarDays', days: 3 }, '2023-09-28');
    expect(e.steps.find((s) => s.kind === 'restDay')).toMatchObject({ date: '2023-10-01', rolled: false });
  });

  it('should explain each candidate of an earliest rule and mark the one used', () => {
    const e = explainDueDate(
      chinaMainland,
      {
        kind: 'earliest',
        rules: [
          { kind: 'workingDays', days: 15 },
          { kind: 'months', months: 1, rollForward: true },
        ],
      },
      '2024-09-02',
    );
    const candidates = e.steps.filter((s) => s.kind === 'candidate');
    expect(candidates.map((c) => [c.due, c.chosen])).toEqual([
      ['2024-09-24', true],
      ['2024-10-08', false],
    ]);
    expect(e.text.en).toContain('  Skipped 2024-10-02 – 2024-10-07, 6 days: National Day');
  });

  it('should explain a clamped month end', () => {
    const e = explainDueDate(chinaMainland, { kind: 'months', months: 1 }, '2024-01-31');
    expect(e.steps[1]).toMatchObject({ kind: 'land', date: '2024-02-29', clamped: true });
    expect(e.text['zh-CN']).toContain('取月末日');
  });

  it("should explain next year's fixed date", () => {
    const e = explainDueDate(chinaMainland, { kind: 'fixedDate', monthDay: '06-30' }, '2024-07-01');
    expect(e.steps[1]).toMatchObject({ kind: 'land', date: '2025-06-30', nextYear: true });
  });

  it('should refuse a backward count: a deadline rule counts forward (one set of bounds, @banli/schemas)', () => {
    expect(() => explainDueDate(chinaMainland, { kind: 'workingDays', days: -3 }, '2023-10-09')).toThrow(
      InvalidDeadlineRuleError,
    );
  });

  it('should explain make-up workdays crossed by a count', () => {
    const e = explainDueDate(chinaMainland, { kind: 'workingDays', days: 3 }, '2023-09-28');
    expect(e.due).toBe('2023-10-09');
    expect(e.steps.filter((s) => s.kind === 'makeUpWorkday').map((s) => s.date)).toEqual(['2023-10-07', '2023-10-08']);
  });

  it('should say where coverage ends and that the result is provisional', () => {
    const e = explainDueDate(chinaMainland, { kind: 'workingDays', days: 5 }, '2026-12-28', {
      uncovered: 'provisional',
    });
    expect(e.provisional).toBe(true);
    expect(e.steps.map((s) => s.kind)).toEqual(['start', 'coverageEnds', 'skip', 'count', 'provisional', 'due']);
    expect(e.text['zh-CN']).toContain('届满日：2027年1月4日（星期一）（临时结果）');
    expect(e.text.en).toContain('Due: 2027-01-04 (Monday) (provisional)');
  });

  it('should print Chinese dates (2023年10月7日), never ISO dates, in the zh-CN trace (issue 13.11)', () => {
    const traces = [
      explainDueDate(chinaMainland, { kind: 'workingDays', days: 15 }, '2023-09-20'),
      explainDueDate(chinaMainland, { kind: 'calendarDays', days: 3, rollForward: true }, '2023-09-28'),
      explainDueDate(chinaMainland, { kind: 'months', months: 3 }, '2023-11-30'),
      explainDueDate(
        chinaMainland,
        {
          kind: 'earliest',
          rules: [
            { kind: 'fixedDate', monthDay: '06-30' },
            { kind: 'months', months: 3 },
          ],
        },
        '2023-03-15',
      ),
      explainDueDate(chinaMainland, { kind: 'workingDays', days: 5 }, '2026-12-28', { uncovered: 'provisional' }),
      explainDueDate(chinaMainland, { kind: 'workingDays', days: 5 }, '2027-02-01', { uncovered: 'statutory' }),
    ];
    for (const e of traces) {
      // The 依据 line quotes the notices' citations as published data; every computed date is in Chinese.
      const computed = e.text['zh-CN'].split('\n').filter((line) => !line.startsWith('依据：'));
      expect(computed.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(e.text['zh-CN']).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      expect(e.text.en).toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    expect(traces[0]?.text['zh-CN']).toContain('跳过 2023年9月29日 至 2023年10月6日，8 天：中秋节、国庆节');
    expect(traces[4]?.text['zh-CN']).toContain('日历覆盖范围止于 2026年12月31日');
  });

  it('should throw past coverage by default', () => {
    expect(() => explainDueDate(chinaMainland, { kind: 'workingDays', days: 5 }, '2026-12-28')).toThrow(
      CalendarCoverageError,
    );
  });

  it('should give every step a zh-CN and an en text', () => {
    const e = explainDueDate(
      chinaMainland,
      {
        kind: 'latest',
        rules: [
          { kind: 'workingDays', days: 20 },
          { kind: 'calendarDays', days: 3, rollForward: true },
        ],
      },
      '2026-09-28',
    );
    const all = e.steps.flatMap((s) => (s.kind === 'candidate' ? [s, ...s.steps] : [s]));
    for (const s of all) {
      expect(s.text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(s.text.en).toMatch(/[A-Za-z]/);
    }
  });
});
