import { describe, expect, it } from 'vitest';
import {
  type BanliNotification,
  createBanli,
  createManualClock,
  createMemoryStore,
  OutboxUnsupported,
  type Store,
  ValidationError,
} from '../src/index.js';
import { seedAccepted, seedActors, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

// Issue 16 item 4: notifications from the log (an outbox in the store), not from the worker's memory. Before, a
// notification went to in-process subscribers once, at most: a failing listener, a crash after the alert was
// recorded, or a process with no subscriber lost it for good, and other processes never saw it.

const contact = (note: string) => ({
  type: 'case.recordContact',
  at: '2023-04-20',
  caseId: seedCaseId,
  proposerId: 'member-liang-xiaoheng',
  method: 'phone',
  note,
});

/** The seed case accepted, then ticks that fire deadlines and send escalations (04-18) and a reminder (06-20). */
async function busyCase() {
  const seeded = seedBanli();
  const inProcess: BanliNotification[] = [];
  seeded.banli.subscribe((n) => {
    inProcess.push(n);
  });
  await seedAccepted(seeded.banli);
  const missed = await seeded.banli.tick('2023-04-18');
  const reminded = await seeded.banli.tick('2023-06-20');
  expect(missed.escalations).toBeGreaterThan(0);
  expect(reminded.reminders).toBeGreaterThan(0);
  return { ...seeded, inProcess };
}

const keys = (list: readonly BanliNotification[]) => list.map((n) => n.key);

describe('banli.outbox.deliver', () => {
  it('should hand every notification of the log to the handler once, in order, with the in-process keys', async () => {
    const { banli, inProcess } = await busyCase();
    const got: BanliNotification[] = [];
    const report = await banli.outbox.deliver('sms', (n) => {
      got.push(n);
    });
    expect(report).toMatchObject({ consumer: 'sms', busy: false, leaseLost: false, delivered: got.length });
    expect(keys(got)).toEqual(keys(inProcess));
    expect(got.map(({ position: _, ...n }) => n)).toEqual(inProcess);
    expect(got.map((n) => n.type)).toEqual(expect.arrayContaining(['reminder.due', 'deadline.escalated']));
    expect(report.position).toBe(got.at(-1)?.position);
    // Nothing twice: a second pass has nothing left; new commands are handed over next.
    expect((await banli.outbox.deliver('sms', () => undefined)).delivered).toBe(0);
    await banli.tick('2023-07-05');
    const later: BanliNotification[] = [];
    await banli.outbox.deliver('sms', (n) => {
      later.push(n);
    });
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((n) => !keys(got).includes(n.key))).toBe(true);
  });

  it('should keep a cursor per consumer name', async () => {
    const { banli, inProcess } = await busyCase();
    const a: string[] = [];
    const b: string[] = [];
    await banli.outbox.deliver('a', (n) => void a.push(n.key), { max: 2 });
    await banli.outbox.deliver('b', (n) => void b.push(n.key));
    await banli.outbox.deliver('a', (n) => void a.push(n.key));
    expect(a).toEqual(keys(inProcess));
    expect(b).toEqual(keys(inProcess));
  });

  it('should hand a notification over again after the handler failed on it (at least once)', async () => {
    const { banli, inProcess } = await busyCase();
    const got: string[] = [];
    let failOn: string | undefined = inProcess[3]?.key;
    const handler = (n: BanliNotification) => {
      if (n.key === failOn) {
        failOn = undefined;
        throw new Error('SMS gateway down');
      }
      got.push(n.key);
    };
    const first = await banli.outbox.deliver('sms', handler);
    expect(first.delivered).toBe(3);
    expect(first.failed?.notification.key).toBe(inProcess[3]?.key);
    expect((first.failed as { error: Error }).error.message).toBe('SMS gateway down');
    await banli.outbox.deliver('sms', handler);
    expect(got).toEqual(keys(inProcess));
  });

  it('should deliver alerts that a tick recorded with no subscriber anywhere', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    // No subscriber: before the outbox, these alerts were recorded as sent and reached no one.
    const report = await banli.tick('2023-04-18');
    expect(report.escalations).toBeGreaterThan(0);
    const got: BanliNotification[] = [];
    await banli.outbox.deliver('sms', (n) => void got.push(n), { types: ['reminder.due', 'deadline.escalated'] });
    expect(got).toHaveLength(report.reminders + report.escalations);
    expect(got[0]).toMatchObject({ proposalId: seedId, version: 0, at: '2023-04-18' });
  });

  it('should not double-deliver with two instances and two workers each on one store', async () => {
    const store = createMemoryStore({ isolate: true });
    const clock = createManualClock('2023-02-20');
    const one = seedBanli({ store, clock }).banli;
    const two = createBanli({ store, clock, policy: one.policy, calendar: one.calendar });
    await seedAccepted(one);
    const applied: string[] = [];
    const handler = async (n: BanliNotification) => {
      applied.push(n.key);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
    };
    const work = async (banli: typeof one, claimant: string) => {
      for (let i = 0; i < 30; i++) {
        await banli.outbox.deliver('sms', handler, { claimant });
        if (i % 5 === 0) await banli.send(seedId, contact(`${claimant}-${i}`), { actor: seedActors.lead });
        if (i === 10) await banli.tick('2023-04-18', { claimant });
      }
    };
    await Promise.all([work(one, 'w1'), work(one, 'w2'), work(two, 'w3'), work(two, 'w4')]);
    await one.outbox.deliver('sms', handler);
    const all = (await one.outbox.read('', { limit: 10_000 })).notifications;
    expect(new Set(applied).size).toBe(applied.length);
    expect(applied).toEqual(keys(all));
  });

  it('should let another worker take over a lease that expired mid-handler; a key check makes it once in effect', async () => {
    const { banli, clock, inProcess } = await busyCase();
    const effects: string[] = [];
    const seen = new Set<string>();
    const idempotent = (n: BanliNotification) => {
      if (seen.has(n.key)) return;
      seen.add(n.key);
      effects.push(n.key);
    };
    let release: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const slow = banli.outbox.deliver(
      'sms',
      async (n) => {
        calls++;
        idempotent(n);
        if (calls === 1) await stuck;
      },
      { claimant: 'slow', leaseMs: 1_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await banli.outbox.deliver('sms', idempotent, { claimant: 'other' })).busy).toBe(true);
    clock.advance(2_000);
    const other = await banli.outbox.deliver('sms', idempotent, { claimant: 'other' });
    release();
    const lost = await slow;
    expect(lost.leaseLost).toBe(true);
    expect(other.delivered).toBe(inProcess.length);
    expect(effects).toEqual(keys(inProcess));
  });

  it('should pass over other types and stop after max', async () => {
    const { banli, inProcess } = await busyCase();
    const got: string[] = [];
    const first = await banli.outbox.deliver('sms', (n) => void got.push(n.type), { types: ['reminder.due'], max: 1 });
    expect(first.delivered).toBe(1);
    await banli.outbox.deliver('sms', (n) => void got.push(n.type), { types: ['reminder.due'] });
    expect(got).toEqual(inProcess.filter((n) => n.type === 'reminder.due').map((n) => n.type));
  });
});

describe('banli.outbox.read, head and subscribe', () => {
  it('should page through the outbox by position, including inside an entry with several notifications', async () => {
    const { banli, inProcess } = await busyCase();
    const seen: BanliNotification[] = [];
    let position = '';
    for (;;) {
      const page = await banli.outbox.read(position, { limit: 1 });
      if (page.notifications.length === 0) break;
      seen.push(...page.notifications);
      position = page.position;
    }
    expect(keys(seen)).toEqual(keys(inProcess));
    expect(await banli.outbox.head()).toBe(seen.at(-1)?.position);
    const fromThird = await banli.outbox.read(seen[2]?.position, { limit: 1000 });
    expect(keys(fromThird.notifications)).toEqual(keys(inProcess.slice(3)));
  });

  it('should follow the outbox from a position or from now, as an SSE stream resumes from Last-Event-ID', async () => {
    const busy = await busyCase();
    const { banli } = busy;
    const inProcess = [...busy.inProcess];
    const head = await banli.outbox.head();
    const afterTwo = (await banli.outbox.read('', { limit: 2 })).position;
    const fromNow: string[] = [];
    const resumed: string[] = [];
    const stop1 = banli.outbox.subscribe((n) => void fromNow.push(n.key), { pollMs: 5 });
    const stop2 = banli.outbox.subscribe((n) => void resumed.push(n.key), { pollMs: 5, after: afterTwo });
    await until(() => resumed.length >= inProcess.length - 2);
    await banli.tick('2023-07-05');
    const added = keys((await banli.outbox.read(head, { limit: 1000 })).notifications);
    expect(added.length).toBeGreaterThan(0);
    await until(() => fromNow.length >= added.length && resumed.length >= inProcess.length - 2 + added.length);
    stop1();
    stop2();
    expect(fromNow).toEqual(added);
    expect(resumed).toEqual([...keys(inProcess.slice(2)), ...added]);
  });
});

async function until(done: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('outbox arguments and stores', () => {
  it('should refuse bad arguments with a ValidationError in zh-CN and en', async () => {
    const { banli } = seedBanli();
    const bad = [
      () => banli.outbox.deliver('', () => undefined),
      () => banli.outbox.deliver('sms', 'not a function' as never),
      () => banli.outbox.deliver('sms', () => undefined, { leaseMs: 0 }),
      () => banli.outbox.deliver('sms', () => undefined, { start: 'yesterday' as never }),
      () => banli.outbox.deliver('a\u0000b', () => undefined),
      () => banli.outbox.read('DROP TABLE'),
      () => banli.outbox.read('1:2|x'),
      () => banli.outbox.read('', { limit: 0 }),
    ];
    for (const call of bad) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).messages['zh-CN']).not.toBe('');
    }
    expect(() => banli.outbox.subscribe(() => undefined, { after: 'nope' })).toThrow(ValidationError);
  });

  it('should refuse with OutboxUnsupported on a store without an outbox', async () => {
    const { readOutbox: _, ...rest } = createMemoryStore();
    const banli = createBanli({ store: rest as Store });
    await expect(banli.outbox.deliver('sms', () => undefined)).rejects.toBeInstanceOf(OutboxUnsupported);
  });
});
