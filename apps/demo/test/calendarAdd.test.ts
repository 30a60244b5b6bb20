import { readFileSync } from 'node:fs';
import { chinaMainland } from '@banli/calendar';
import { createBanli, createMemoryStore } from '@banli/sdk';
import { describe, expect, it } from 'vitest';
import { loadCommands } from '../src/cli/load.js';
import { parseCommandLine } from '../src/cli/parse.js';
import { addNotice } from '../src/commands/calendarAdd.js';

// `banli-demo calendar add notice.txt`: the 2026 State Council notice (source in packages/calendar/test/fixtures/notices).
const notice = readFileSync(new URL('./fixtures/notice-2026.txt', import.meta.url), 'utf8');
const commands = await loadCommands(new URL('../src/commands/', import.meta.url));

describe('banli-demo calendar add', () => {
  it('should parse the command with its file, store and flags', () => {
    const parsed = parseCommandLine(['calendar', 'add', 'notice.txt', '--store', 'dir', '--dry-run'], commands);
    expect(parsed).toMatchObject({
      kind: 'run',
      positionals: ['notice.txt'],
      options: { store: 'dir', 'dry-run': true },
    });
  });

  it('should report an unchanged calendar for a year it already has, in both languages', async () => {
    const store = createMemoryStore();
    const lines: string[] = [];
    expect(await addNotice(store, notice, { dryRun: false, supplements: [] }, 'zh-CN', (t) => lines.push(t))).toBe(0);
    expect(lines[0]).toBe(`日历已收录 2026 年的相同安排，未作更改（cn-mainland@${chinaMainland.version}）`);
    const en: string[] = [];
    await addNotice(store, notice, { dryRun: true, supplements: [] }, 'en', (t) => en.push(t));
    expect(en[0]).toContain('already has the same 2026 arrangement');
    expect(en[1]).toBe('Source: 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）');
  });

  it('should print the source, the proposals examined and the deadlines changed, or the SDK report as JSON', async () => {
    const store = createMemoryStore();
    const lines: string[] = [];
    await addNotice(store, notice, { dryRun: true, supplements: [] }, 'zh-CN', (t) => lines.push(t));
    expect(lines.slice(1)).toEqual([
      '依据：国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）',
      '检查提案数：0',
      '变动期限（0）',
    ]);
    const json: string[] = [];
    expect(await addNotice(store, notice, { dryRun: true, supplements: [] }, 'en', (t) => json.push(t), true)).toBe(0);
    expect(json).toHaveLength(1);
    expect(JSON.parse(json[0] as string)).toMatchObject({
      year: 2026,
      added: false,
      dryRun: true,
      calendar: { id: 'cn-mainland', version: chinaMainland.version },
      recompute: { examined: 0, moved: [] },
    });
  });

  it('should refuse a notice it cannot read, naming the line', async () => {
    const store = createMemoryStore();
    await expect(
      addNotice(
        store,
        notice.replace('2月28日（周六）', '2月28日（周日）'),
        { dryRun: false, supplements: [] },
        'en',
        () => {},
      ),
    ).rejects.toMatchObject({ code: 'invalid_notice', lineText: expect.stringContaining('二、春节') });
    // the same store's banli still has its calendar
    expect(createBanli({ store }).calendar).toBe(chinaMainland);
    expect(await store.listCalendarYears?.('cn-mainland')).toEqual([]);
  });
});
