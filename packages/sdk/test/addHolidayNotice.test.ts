import { readFileSync } from 'node:fs';
import {
  CalendarYearConflictError,
  chinaMainland,
  chinaMainlandYears,
  defineCalendar,
  estimateStatutoryYear,
  HolidayNoticeError,
} from '@banli/calendar';
import { presets } from '@banli/core';
import { fixtures, seedAssignment132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { createBanli, createManualClock, createMemoryStore } from '../src/index.js';
import { seedActors, seedCaseId, seedId } from './support/seedBanli.js';

// Issue 14 item 5: a year's notice loaded into a running system, persisted, recomputing in-flight deadlines.
// The notice text is the 2026 State Council notice (source: packages/calendar/test/fixtures/notices/sources.ts).
const notice2026 = readFileSync(new URL('./fixtures/notice-2026.txt', import.meta.url), 'utf8');
const until2025 = defineCalendar({
  id: 'cn-mainland',
  version: '2025.1',
  label: chinaMainland.label,
  years: chinaMainlandYears.filter((y) => y.year <= 2025),
});
const sole = { ...seedAssignment132402, mode: 'sole' as const, leadUnit: fixtures.seedUnits.zsCommerce, coUnits: [] };

async function assignedFeb2026(store = createMemoryStore({ isolate: true })) {
  const clock = createManualClock('2026-01-20');
  const banli = createBanli({ store, clock, policy: presets.guangdongCity, calendar: until2025 });
  const { proposer, committee, office, lead } = seedActors;
  await banli.submit(seedProposal132402, { actor: proposer, at: '2026-01-20' });
  await banli.send(seedId, { type: 'review.start', at: '2026-01-21' }, { actor: committee });
  await banli.send(seedId, { type: 'review.register', at: '2026-01-22' }, { actor: committee });
  clock.set('2026-02-01');
  await banli.send(
    seedId,
    { type: 'assignment.assign', at: '2026-02-01', assignment: { ...sole, date: '2026-02-01' } },
    { actor: office },
  );
  await banli.send(seedId, { type: 'case.accept', at: '2026-02-02', caseId: seedCaseId }, { actor: lead });
  clock.set('2026-02-03');
  return { banli, store, clock };
}

const firstContact = async (banli: Awaited<ReturnType<typeof assignedFeb2026>>['banli']) =>
  (await banli.deadlines(seedId)).find((d) => d.kind === 'firstContact');

describe('addHolidayNotice', () => {
  it('loads the notice, recomputes in-flight deadlines, reports what moved, and survives a restart', async () => {
    const { banli, store, clock } = await assignedFeb2026();
    expect(await firstContact(banli)).toMatchObject({ due: '2026-02-26', provisional: true }); // the statutory estimate
    const dry = await banli.addHolidayNotice(notice2026, { dryRun: true });
    expect(dry).toMatchObject({ year: 2026, added: true, dryRun: true, calendar: { version: '2025.1+2026' } });
    expect(dry.recompute.moved.find((m) => m.kind === 'firstContact')).toMatchObject({
      oldDue: '2026-02-26',
      newDue: '2026-02-27',
    });
    expect(banli.calendar).toBe(until2025);
    expect(await store.listCalendarYears?.('cn-mainland')).toEqual([]);

    const report = await banli.addHolidayNotice(notice2026);
    expect(report).toMatchObject({
      year: 2026,
      added: true,
      dryRun: false,
      calendar: { id: 'cn-mainland', version: '2025.1+2026' },
    });
    expect(report.source).toBe('国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）');
    expect(report.recompute.moved.find((m) => m.kind === 'firstContact')).toMatchObject({
      oldDue: '2026-02-26',
      newDue: '2026-02-27',
      outcome: 'moved',
      provisional: false,
      fromCalendar: { version: '2025.1' },
      toCalendar: { version: '2025.1+2026' },
    });
    expect(await firstContact(banli)).toMatchObject({
      due: '2026-02-27',
      provisional: false,
      calendarVersion: '2025.1+2026',
    });
    expect((await banli.get(seedId)).tags).not.toContain('provisional');
    expect(banli.calendar.lastYear).toBe(2026);

    const restarted = createBanli({ store, clock, policy: presets.guangdongCity, calendar: until2025 });
    await restarted.ready();
    expect(restarted.calendar).toMatchObject({ id: 'cn-mainland', version: '2025.1+2026', lastYear: 2026 });
    expect(await firstContact(restarted)).toMatchObject({ due: '2026-02-27', provisional: false });
    expect(await restarted.addHolidayNotice(notice2026)).toMatchObject({ added: false }); // the same year again
  });

  it('refuses bad input with typed errors and leaves the running calendar unchanged', async () => {
    const { banli, store } = await assignedFeb2026();
    await expect(
      banli.addHolidayNotice(notice2026.replace('2月28日（周六）', '2月30日（周六）')),
    ).rejects.toBeInstanceOf(HolidayNoticeError);
    await expect(banli.addHolidayNotice(estimateStatutoryYear(2024))).rejects.toBeInstanceOf(CalendarYearConflictError);
    expect(banli.calendar).toBe(until2025);
    expect(await store.listCalendarYears?.('cn-mainland')).toEqual([]);
    expect(await firstContact(banli)).toMatchObject({ due: '2026-02-26', provisional: true });
  });
});
