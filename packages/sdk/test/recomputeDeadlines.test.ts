import { chinaMainland, extendCalendar } from '@banli/calendar';
import { describe, expect, it } from 'vitest';
import { defaultSystemFactory } from '../src/defaults.js';
import { createDerivations, loadAggregate, replayAll } from '../src/internal/aggregate.js';
import { seedAccepted, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

// A local closure on Friday 2023-06-30 pushes the 30 June reply date (rollForward) to Monday 2023-07-03.
const corrected = extendCalendar(chinaMainland, {
  id: 'cn-mainland+zs-closure',
  version: '2023.1',
  extraHolidays: [
    { name: 'closure', label: { 'zh-CN': '闭馆', en: 'Closure' }, start: '2023-06-30', end: '2023-06-30' },
  ],
});

describe('recomputeDeadlines', () => {
  it('should move open deadlines to the corrected calendar and log old and new due dates', async () => {
    const { banli, clock } = seedBanli({ snapshotEvery: 3 });
    await seedAccepted(banli);
    clock.set('2023-05-10');
    const report = await banli.recomputeDeadlines(corrected);
    expect(report.from).toEqual({ id: chinaMainland.id, version: chinaMainland.version });
    expect(report.to).toEqual({ id: corrected.id, version: corrected.version });
    expect(report.examined).toBe(1);
    const reply = report.moved.find((m) => m.kind === 'reply');
    expect(reply).toMatchObject({ proposalId: seedId, caseId: seedCaseId, oldDue: '2023-06-30', newDue: '2023-07-03' });
    expect(reply?.text['zh-CN']).not.toBe('');
    const entry = (await banli.history(seedId)).at(-1);
    expect(entry?.type).toBe('calendar.corrected');
    expect(entry?.event.at).toBe('2023-05-10');
    expect(entry?.meta?.deadlineChanges).toContainEqual(
      expect.objectContaining({ oldDue: '2023-06-30', newDue: '2023-07-03' }),
    );
    const deadline = (await banli.deadlines(seedId)).find((d) => d.kind === 'reply');
    expect(deadline).toMatchObject({ due: '2023-07-03', calendarId: corrected.id, calendarVersion: '2023.1' });
    expect(banli.calendar).toBe(corrected);
  });

  it('should make the scheduler follow the new due date', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    await banli.recomputeDeadlines(corrected);
    const replyFired = async (now: string) =>
      (await banli.tick(now)).fired.filter((k) => k.deadlineId.includes('reply'));
    expect(await replyFired('2023-07-03')).toEqual([]);
    expect(await replyFired('2023-07-04')).toEqual([
      { streamId: seedId, deadlineId: expect.any(String), due: '2023-07-03' },
    ]);
  });

  it('should replay the correction from the log to the same state', async () => {
    const { banli, store } = seedBanli({ snapshotEvery: 4 });
    await seedAccepted(banli);
    await banli.recomputeDeadlines(corrected);
    const calendars = [chinaMainland, corrected];
    const resolve = (ref: { id: string; version: string } | undefined) => {
      const calendar = calendars.find((c) => c.id === ref?.id && c.version === ref?.version) ?? corrected;
      const system = defaultSystemFactory({ policy: banli.policy, calendar });
      return { system, derive: createDerivations(system) };
    };
    const { system, derive } = resolve(corrected);
    const loaded = await loadAggregate(store, system, derive, seedId);
    expect(loaded.lastSnapshotVersion).toBe(loaded.version);
    const full = replayAll(resolve, seedId, await store.readStream(seedId));
    // `derived` is a memo (a load may seed it with the last logged view), not state.
    expect({ ...loaded, lastSnapshotVersion: 0, derived: undefined }).toEqual({ ...full, derived: undefined });
  });

  it('should leave proposals alone when nothing changes', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    const before = (await banli.history(seedId)).length;
    const report = await banli.recomputeDeadlines(chinaMainland);
    expect(report.moved).toEqual([]);
    expect((await banli.history(seedId)).length).toBe(before);
  });
});
