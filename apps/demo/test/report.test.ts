import { describe, expect, it } from 'vitest';
import { printReport, type Report } from '../src/ui/report.js';

// Issue 18 (D8): `calendar add` and `letter read` print through one printer: labelled fields and counted lists, or
// JSON under --json.

const report: Report = {
  json: { answer: 42 },
  headline: ['已加入 2027 年放假安排'],
  fields: [
    { label: '依据', lines: ['国务院办公厅通知'] },
    { label: '正文', lines: ['', '第一段', '第二段'] },
  ],
  lists: [
    { title: { 'zh-CN': '变动期限', en: 'Deadlines changed' }, items: ['p1  答复期限 …'] },
    { title: { 'zh-CN': '提示', en: 'Warnings' }, items: [] },
  ],
};

const printed = (lang: 'zh-CN' | 'en', json = false) => {
  const lines: string[] = [];
  printReport(report, lang, (t) => lines.push(t), json);
  return lines;
};

describe('printReport', () => {
  it('should print the headline, each field with the language’s colon, further lines indented, lists counted', () => {
    expect(printed('zh-CN')).toEqual([
      '已加入 2027 年放假安排',
      '依据：国务院办公厅通知',
      '正文：',
      '    第一段',
      '    第二段',
      '变动期限（1）：',
      '    p1  答复期限 …',
      '提示（0）',
    ]);
    expect(printed('en').slice(1)).toEqual([
      '依据: 国务院办公厅通知',
      '正文:',
      '    第一段',
      '    第二段',
      'Deadlines changed (1):',
      '    p1  答复期限 …',
      'Warnings (0)',
    ]);
  });

  it('should print only the JSON value under --json', () => {
    expect(printed('zh-CN', true)).toEqual([JSON.stringify({ answer: 42 }, null, 2)]);
  });
});
