import { describe, expect, it } from 'vitest';
import { type BanliNotification, createBanli } from '../src/index.js';
import { createFakeSystem } from './support/fakeSystem.js';
import { actors, caseId, id, replyEvent, setupFake, toHandling } from './support/setup.js';

const replyDeadline = { streamId: id, deadlineId: `${caseId}:reply:1`, due: '2023-04-14' };

describe('tick', () => {
  it('should do nothing before a deadline is due, and fire it once the day after', async () => {
    const { banli } = setupFake();
    await toHandling(banli);
    expect((await banli.tick('2023-04-14')).fired).toEqual([]);
    const report = await banli.tick('2023-04-15');
    expect(report.fired).toEqual([replyDeadline]);
    const last = (await banli.history(id)).at(-1);
    expect(last?.type).toBe('deadline.elapsed');
    expect(last?.actor).toEqual({ role: 'system', id: 'scheduler' });
    expect(last?.event).toEqual({
      type: 'deadline.elapsed',
      at: '2023-04-15',
      deadlineId: replyDeadline.deadlineId,
      caseId,
    });
  });

  it('should fire each deadline exactly once across repeated and concurrent ticks', async () => {
    const { banli, store } = setupFake();
    await toHandling(banli);
    const reports = await Promise.all([banli.tick('2023-04-20'), banli.tick('2023-04-20', { claimant: 'w2' })]);
    await banli.tick('2023-04-21');
    expect(reports.flatMap((r) => r.fired)).toEqual([replyDeadline]);
    const elapsed = (await store.readStream(id)).filter((e) => e.type === 'deadline.elapsed');
    expect(elapsed).toHaveLength(1);
  });

  it('should fire after a restart from the same store (no timers in memory)', async () => {
    const { banli, store, clock } = setupFake();
    await toHandling(banli);
    const restarted = createBanli({ store, clock, createSystem: () => createFakeSystem() });
    expect((await restarted.tick('2023-04-15')).fired).toEqual([replyDeadline]);
    expect((await banli.tick('2023-04-16')).fired).toEqual([]);
  });

  it('should not fire a deadline whose step was completed in time', async () => {
    const { banli } = setupFake();
    await toHandling(banli);
    await banli.send(id, replyEvent, { actor: actors.lead });
    const report = await banli.tick('2023-05-01');
    expect(report.fired).toEqual([]);
  });

  it('should fire a recomputed deadline on its new due date only', async () => {
    const { banli } = setupFake();
    await toHandling(banli);
    await banli.send(
      id,
      { type: 'case.requestExtension', at: '2023-04-01', caseId, reason: 'x' },
      { actor: actors.lead },
    );
    expect((await banli.tick('2023-04-20')).fired).toEqual([]);
    expect((await banli.tick('2023-04-30')).fired).toEqual([{ ...replyDeadline, due: '2023-04-29' }]);
  });

  it('should send reminders before the due date and escalate after it, each once', async () => {
    const { banli } = setupFake({ alerts: { reminderLeadTimes: [10, 3], escalateAfter: [0, 2] } });
    await toHandling(banli);
    const seen: BanliNotification[] = [];
    banli.subscribe((n) => {
      seen.push(n);
    });
    // 2023-04-14 is a Friday; 10 working days before skips 清明 (04-05) → 03-30; 3 working days → 04-11.
    expect((await banli.tick('2023-03-29')).reminders).toBe(0);
    expect((await banli.tick('2023-03-30')).reminders).toBe(1);
    expect((await banli.tick('2023-04-11')).reminders).toBe(1);
    expect((await banli.tick('2023-04-12')).reminders).toBe(0);
    const after = await banli.tick('2023-04-15');
    expect([after.fired.length, after.escalations]).toEqual([1, 1]);
    expect((await banli.tick('2023-04-18')).escalations).toBe(1);
    expect((await banli.tick('2023-04-30')).escalations).toBe(0);
    const types = seen.map((n) => `${n.type}:${n.payload.workingDaysBefore ?? n.payload.workingDaysAfter ?? ''}`);
    expect(types).toEqual([
      'reminder.due:10',
      'reminder.due:3',
      'deadline.missed:',
      'deadline.escalated:0',
      'deadline.escalated:2',
    ]);
    expect(seen.find((n) => n.type === 'deadline.escalated')?.payload).toMatchObject({
      to: 'supervisor',
      caseId,
      kind: 'reply',
    });
  });

  it('should not remind about a deadline already past when the tick runs late', async () => {
    const { banli } = setupFake();
    await toHandling(banli);
    const report = await banli.tick('2023-04-20');
    expect(report.reminders).toBe(0);
    expect(await banli.tick('2023-04-21')).toMatchObject({ reminders: 0, escalations: 0 });
  });
});
