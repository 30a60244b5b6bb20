import { chinaMainland, extendCalendar } from '@banli/calendar';
import { fixtures, seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import type { BanliNotification } from '../src/index.js';
import { seedAccepted, seedActors, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

// Issue 14 item 3: a calendar correction reaches deadlines that already fired (or were met).

const closure = (start: string, end: string, version: string) =>
  extendCalendar(chinaMainland, {
    id: 'cn-mainland+closure',
    version,
    extraHolidays: [{ name: 'closure', label: { 'zh-CN': '闭馆', en: 'Closure' }, start, end }],
  });

async function firstContact(banli: ReturnType<typeof seedBanli>['banli']) {
  const d = (await banli.deadlines(seedId)).find((x) => x.kind === 'firstContact');
  if (!d) throw new Error('no first-contact deadline');
  return d;
}

describe('corrections reach fired deadlines', () => {
  it('retracts a miss whose step was done by the corrected due date, keeping the miss in the log', async () => {
    const { banli, clock } = seedBanli();
    await seedAccepted(banli);
    const due = (await firstContact(banli)).due; // 2023-04-06
    expect(due).toBe('2023-04-06');
    clock.set('2023-04-07');
    await banli.tick('2023-04-07');
    expect((await firstContact(banli)).status).toBe('missed');
    const contact = {
      type: 'case.recordContact',
      at: '2023-04-10',
      caseId: seedCaseId,
      proposerId: seedActors.proposer.id,
      method: 'visit',
    };
    await banli.send(seedId, contact, { actor: seedActors.lead });
    clock.set('2023-04-12');
    const seen: BanliNotification[] = [];
    banli.subscribe((n) => void seen.push(n), ['deadline.corrected']);
    // A closure on 04-03 – 04-06 (04-05 is 清明 anyway) pushes the 15-working-day first contact past the 04-10 visit.
    const report = await banli.recomputeDeadlines(closure('2023-04-03', '2023-04-06', '2023.2'));
    const moved = report.moved.find((m) => m.kind === 'firstContact');
    expect(moved).toMatchObject({
      oldDue: '2023-04-06',
      newDue: '2023-04-11',
      outcome: 'missRetracted',
      statusBefore: 'missed',
      statusAfter: 'met',
      fromCalendar: { id: 'cn-mainland', version: chinaMainland.version },
      toCalendar: { id: 'cn-mainland+closure', version: '2023.2' },
    });
    expect(moved?.text['zh-CN']).toContain('撤销');
    const after = await firstContact(banli);
    expect(after).toMatchObject({ status: 'met', due: '2023-04-11', correctedAt: '2023-04-12' });
    expect(after).not.toHaveProperty('missedAt');
    const history = await banli.history(seedId);
    expect(history.some((e) => e.type === 'deadline.elapsed')).toBe(true); // nothing deleted
    const entry = history.at(-1);
    expect(entry?.type).toBe('calendar.corrected');
    expect(entry?.event.deadlines).toContainEqual(
      expect.objectContaining({
        deadlineId: after.id,
        oldDue: '2023-04-06',
        newDue: '2023-04-11',
        outcome: 'missRetracted',
      }),
    );
    expect(seen.map((n) => n.payload.outcome)).toContain('missRetracted');
  });

  it('reopens a miss whose step is pending when the corrected due date is still ahead', async () => {
    const { banli, clock } = seedBanli();
    await seedAccepted(banli);
    clock.set('2023-04-07');
    await banli.tick('2023-04-07');
    expect((await banli.get(seedId)).cases[0]?.tags).toContain('overdue');
    const report = await banli.recomputeDeadlines(closure('2023-04-03', '2023-04-06', '2023.2'));
    expect(report.moved.find((m) => m.kind === 'firstContact')).toMatchObject({
      outcome: 'reopened',
      statusAfter: 'open',
    });
    expect(await firstContact(banli)).toMatchObject({ status: 'open', due: '2023-04-11' });
    expect((await banli.get(seedId)).cases[0]?.tags).not.toContain('overdue');
    // the scheduler fires it again at its corrected due date
    expect((await banli.tick('2023-04-11')).fired.filter((k) => k.deadlineId.includes('firstContact'))).toEqual([]);
    const fired = (await banli.tick('2023-04-12')).fired.filter((k) => k.deadlineId.includes('firstContact'));
    expect(fired).toEqual([{ streamId: seedId, deadlineId: expect.any(String), due: '2023-04-11' }]);
    expect((await firstContact(banli)).status).toBe('missed');
  });

  it('fires a due date moved before today at the next tick, as a miss found by correction', async () => {
    const { banli, clock } = seedBanli();
    await seedAccepted(banli);
    clock.set('2023-04-05');
    // Three Saturdays worked move the 04-06 first contact earlier, to the last of them (04-01), already past.
    const worked = extendCalendar(chinaMainland, {
      id: 'cn-mainland+saturdays',
      version: '2023.3',
      extraWorkdays: ['2023-03-18', '2023-03-25', '2023-04-01'],
    });
    const dry = await banli.recomputeDeadlines(worked, { dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.moved.find((m) => m.kind === 'firstContact')).toMatchObject({
      newDue: '2023-04-01',
      firesAtNextTick: true,
    });
    expect(banli.calendar).toBe(chinaMainland); // a dry run switches nothing
    expect((await firstContact(banli)).due).toBe('2023-04-06');
    await banli.recomputeDeadlines(worked);
    const seen: BanliNotification[] = [];
    banli.subscribe((n) => void seen.push(n), ['deadline.missed']);
    await banli.tick('2023-04-05');
    expect(await firstContact(banli)).toMatchObject({ status: 'missed', due: '2023-04-01' });
    expect(seen[0]?.payload).toMatchObject({ foundBy: 'correction', correctedAt: '2023-04-05' });
  });

  it('counts the corrected result in statistics: a late reply becomes on time', async () => {
    const { banli, clock } = seedBanli();
    const { proposer, committee, office, lead, leader } = seedActors;
    const sole = {
      ...seedAssignment132402,
      mode: 'sole' as const,
      leadUnit: fixtures.seedUnits.zsCommerce,
      coUnits: [],
    };
    await banli.submit(seedProposal132402, { actor: proposer, at: '2023-02-20' });
    await banli.send(seedId, { type: 'review.start', at: '2023-02-21' }, { actor: committee });
    await banli.send(seedId, { type: 'review.register', at: '2023-03-01' }, { actor: committee });
    await banli.send(seedId, { type: 'assignment.assign', at: '2023-03-15', assignment: sole }, { actor: office });
    const send = (event: Record<string, unknown>, actor: (typeof seedActors)[keyof typeof seedActors]) =>
      banli.send(seedId, { caseId: seedCaseId, ...event }, { actor });
    await send({ type: 'case.accept', at: '2023-03-16' }, lead);
    await send({ type: 'case.recordContact', at: '2023-03-20', proposerId: proposer.id, method: 'visit' }, lead);
    await send({ type: 'case.startDrafting', at: '2023-06-20' }, lead);
    await send({ type: 'reply.submitDraft', at: '2023-06-25', letter: seedReplyLetter132402 }, lead);
    clock.set('2023-07-01');
    await banli.tick('2023-07-01'); // the 06-30 reply deadline is missed
    clock.set('2023-07-03');
    await send({ type: 'signOff.approve', at: '2023-07-03', signer: '局长' }, leader);
    const period = { from: '2023-01-01', to: '2023-12-31', asOf: '2023-07-10' };
    expect((await banli.statistics(period)).totals).toMatchObject({ repliedOnTime: 0, repliedLate: 1 });
    // a closure on Friday 06-30 rolls the reply date to Monday 07-03, the day the reply went out
    const report = await banli.recomputeDeadlines(closure('2023-06-30', '2023-06-30', '2023.1'));
    expect(report.moved.find((m) => m.kind === 'reply')).toMatchObject({
      outcome: 'missRetracted',
      newDue: '2023-07-03',
    });
    expect((await banli.statistics(period)).totals).toMatchObject({ repliedOnTime: 1, repliedLate: 0 });
    expect((await banli.history(seedId)).filter((e) => e.type === 'deadline.elapsed').length).toBeGreaterThan(0);
  });
});
