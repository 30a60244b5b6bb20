import { chinaMainland } from '@banli/calendar';
import type { Bilingual } from '@banli/schemas';
import { fixtures, seedAssignment132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import type { BanliNotification } from '../src/index.js';
import { seedActors, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

// Issue 14 item 2: a deadline computed past the last holiday notice is provisional, and says so everywhere.

const sole = { ...seedAssignment132402, mode: 'sole' as const, leadUnit: fixtures.seedUnits.zsCommerce, coUnits: [] };

async function acceptedLate2026() {
  const seeded = seedBanli();
  const { banli, clock } = seeded;
  const { proposer, committee, office, lead } = seedActors;
  clock.set('2026-11-20');
  await banli.submit(seedProposal132402, { actor: proposer, at: '2026-11-20' });
  await banli.send(seedId, { type: 'review.start', at: '2026-11-23' }, { actor: committee });
  await banli.send(seedId, { type: 'review.register', at: '2026-11-24' }, { actor: committee });
  await banli.send(
    seedId,
    { type: 'assignment.assign', at: '2026-12-01', assignment: { ...sole, date: '2026-12-01' } },
    { actor: office },
  );
  await banli.send(seedId, { type: 'case.accept', at: '2026-12-02', caseId: seedCaseId }, { actor: lead });
  return seeded;
}

describe('provisional deadlines are visible everywhere', () => {
  it('marks a 2027 due date provisional with its reason in both languages, tags the proposal and filters on it', async () => {
    const { banli } = await acceptedLate2026();
    expect(banli.calendar).toBe(chinaMainland);
    const reply = (await banli.deadlines(seedId)).find((d) => d.kind === 'reply');
    expect(reply?.due.startsWith('2027')).toBe(true);
    expect(reply).toMatchObject({ provisional: true, provisionalReason: { code: 'statutoryEstimate' } });
    expect(reply?.provisionalReason?.messages['zh-CN']).toContain('全国年节及纪念日放假办法');
    expect(reply?.provisionalReason?.messages.en).toContain('statutory holiday rules');
    expect(reply?.explanation['zh-CN']).toContain('推算');
    const firstContact = (await banli.deadlines(seedId)).find((d) => d.kind === 'firstContact');
    expect(firstContact?.due.startsWith('2026')).toBe(true);
    expect(firstContact).toMatchObject({ provisional: false });
    expect(firstContact).not.toHaveProperty('provisionalReason');
    expect((await banli.get(seedId)).tags).toContain('provisional');
    expect((await banli.query({ provisional: true })).map((s) => s.streamId)).toEqual([seedId]);
  });

  it('does not tag or filter a proposal whose deadlines all fall in covered years', async () => {
    const { banli } = seedBanli();
    const { proposer, committee } = seedActors;
    await banli.submit(seedProposal132402, { actor: proposer, at: '2023-02-20' });
    await banli.send(seedId, { type: 'review.start', at: '2023-02-21' }, { actor: committee });
    expect((await banli.get(seedId)).tags).not.toContain('provisional');
    expect(await banli.query({ provisional: true })).toEqual([]);
  });

  it('says so in reminders and misses fired on a provisional date, and counts it in statistics', async () => {
    const { banli, clock } = await acceptedLate2026();
    const reply = (await banli.deadlines(seedId)).find((d) => d.kind === 'reply');
    if (!reply) throw new Error('no reply deadline');
    const seen: BanliNotification[] = [];
    banli.subscribe((n) => void seen.push(n), ['reminder.due', 'deadline.missed', 'deadline.escalated']);
    clock.set(reply.due);
    await banli.tick(reply.due);
    const reminder = seen.find((n) => n.type === 'reminder.due' && n.payload.kind === 'reply');
    expect(reminder?.payload).toMatchObject({ provisional: true, provisionalNote: { code: 'statutoryEstimate' } });
    const after = new Date(Date.parse(`${reply.due}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    clock.set(after);
    await banli.tick(after);
    const missed = seen.find((n) => n.type === 'deadline.missed' && n.payload.deadlineId === reply.id);
    const note = missed?.payload.provisionalNote as { messages: Bilingual } | undefined;
    expect(missed?.payload.provisional).toBe(true);
    expect(note?.messages['zh-CN']).toContain('临时期限');
    // Chinese text prints the date the Chinese way (issue 13.11): 2027年M月D日, never the ISO date.
    expect(note?.messages['zh-CN']).toContain(
      `届满日 ${reply.due.slice(0, 4)}年${Number(reply.due.slice(5, 7))}月${Number(reply.due.slice(8, 10))}日`,
    );
    expect(note?.messages['zh-CN']).not.toContain(reply.due);
    expect(note?.messages.en).toContain('Provisional deadline');
    const stats = await banli.statistics({ from: '2027-01-01', to: '2027-12-31', asOf: after });
    expect(stats.totals).toMatchObject({ overdue: 1, provisional: 1 });
  });
});
