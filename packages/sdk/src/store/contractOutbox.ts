import type { JsonObject } from '../json.js';
import type { ContractTestApi } from './contract.js';
import { rejectionOf } from './contract.js';
import { fixtureAppend as appendOf, fixtureEvent } from './contractFixtures.js';
import type { ConsumerLease, DeadLetterRecord, OutboxRecord, OutboxStore, Store } from './port.js';

type Run = (fn: (store: Store) => Promise<void>) => () => Promise<void>;

const silent = (streamId: string, version: number) => ({ ...fixtureEvent(streamId, version), emitted: [] });
const lease = (claimant: string, instant: number, leaseMs = 100): ConsumerLease => ({ claimant, instant, leaseMs });
const shape = (records: OutboxRecord[]) =>
  records.map((r) =>
    r.source === 'event'
      ? ['event', r.streamId, r.version, r.at, r.emitted.map((n) => n.type)]
      : ['alert', r.streamId, r.notification.key],
  );

/** The outbox part of the store contract: the log's notifications in commit order, and consumer cursors with leases. */
export function defineOutboxContract({ it, expect }: ContractTestApi, run: Run): void {
  const outbox = (store: Store): OutboxStore => {
    expect(typeof store.readOutbox).toBe('function');
    return store as OutboxStore;
  };

  it(
    'should list the log entries that carry notifications in commit order, and resume after a position',
    run(async (store) => {
      const o = outbox(store);
      expect(await o.outboxHead()).toBe('');
      expect(await o.readOutbox('', 10)).toEqual([]);
      const emitted: JsonObject[] = [{ type: 'a.one' }, { type: 'a.two', n: 2 }];
      const two = { ...fixtureEvent('p2', 1), emitted };
      await store.append(appendOf('p1', 0));
      await store.append(appendOf('p1', 1, 1, { events: [silent('p1', 2)] }));
      await store.append(appendOf('p2', 0, 1, { events: [two] }));
      const all = await o.readOutbox('', 10);
      expect(shape(all)).toEqual([
        ['event', 'p1', 1, '2023-03-01', ['proposal.submitted']],
        ['event', 'p2', 1, '2023-03-01', ['a.one', 'a.two']],
      ]);
      expect(all[1]?.source === 'event' && all[1].emitted[1]).toEqual({ type: 'a.two', n: 2 });
      const [first, second] = all as [OutboxRecord, OutboxRecord];
      expect(first.position === second.position).toBe(false);
      expect(await o.readOutbox(first.position, 10)).toEqual([second]);
      expect(await o.readOutbox(second.position, 10)).toEqual([]);
      expect(await o.readOutbox('', 1)).toEqual([first]);
      expect(await o.outboxHead()).toBe(second.position);
    }),
  );

  it(
    'should add nothing to the outbox for a refused append',
    run(async (store) => {
      const o = outbox(store);
      await store.append(appendOf('p1', 0));
      const head = await o.outboxHead();
      const conflict = await rejectionOf(store.append(appendOf('p1', 0)));
      expect(conflict.reason).toBe('version');
      expect(await o.outboxHead()).toBe(head);
      expect(await o.readOutbox(head, 10)).toEqual([]);
    }),
  );

  it(
    'should add an alert recorded with a notification once, after the entries before it, and none without one',
    run(async (store) => {
      const o = outbox(store);
      await store.append(appendOf('p1', 0));
      const key = { streamId: 'p1', deadlineId: 'd1', due: '2023-06-30' };
      const notification = { type: 'reminder.due', proposalId: 'p1', version: 0, key: 'p1:d1:2023-06-30:reminder:3' };
      await store.markAlertsSent(
        [
          { ...key, alertId: 'reminder:3', notification },
          { ...key, alertId: 'reminder:10' },
        ],
        1_000,
      );
      await store.markAlertsSent([{ ...key, alertId: 'reminder:3', notification: { ...notification, x: 1 } }], 2_000);
      const all = await o.readOutbox('', 10);
      expect(shape(all)).toEqual([
        ['event', 'p1', 1, '2023-03-01', ['proposal.submitted']],
        ['alert', 'p1', 'p1:d1:2023-06-30:reminder:3'],
      ]);
      expect(all[1]?.source === 'alert' && all[1].notification).toEqual(notification);
    }),
  );

  it(
    'should lease a consumer cursor to one claimant at a time and move it only for the holder, from where it is',
    run(async (store) => {
      const o = outbox(store);
      expect(await o.claimConsumer('sms', lease('a', 1_000))).toBe('');
      expect(await o.claimConsumer('sms', lease('b', 1_050))).toBeUndefined();
      expect(await o.claimConsumer('sms', lease('a', 1_050))).toBe('');
      expect(await o.advanceConsumer('sms', '', '0:1', lease('b', 1_060))).toBe(false);
      expect(await o.advanceConsumer('sms', 'elsewhere', '0:1', lease('a', 1_060))).toBe(false);
      expect(await o.advanceConsumer('sms', '', '0:1', lease('a', 1_060))).toBe(true);
      // a's lease now runs to 1_160: b may take it only after that.
      expect(await o.claimConsumer('sms', lease('b', 1_159))).toBeUndefined();
      expect(await o.claimConsumer('sms', lease('b', 1_160))).toBe('0:1');
      expect(await o.advanceConsumer('sms', '0:1', '0:2', lease('a', 1_170))).toBe(false);
      await o.releaseConsumer('sms', 'a');
      expect(await o.claimConsumer('sms', lease('a', 1_170))).toBeUndefined();
      await o.releaseConsumer('sms', 'b');
      expect(await o.claimConsumer('sms', lease('a', 1_170, 100))).toBe('0:1');
      // A new consumer starts where it is told; an existing one keeps its cursor.
      expect(await o.claimConsumer('mail', { ...lease('a', 1_000), start: '7:9' })).toBe('7:9');
      expect(await o.claimConsumer('sms', { ...lease('a', 1_180), start: '7:9' })).toBe('0:1');
    }),
  );

  it(
    'should count failed deliveries per position for the lease holder only, durably, starting again at another one',
    run(async (store) => {
      const o = outbox(store);
      expect(await o.claimConsumer('sms', lease('a', 1_000))).toBe('');
      expect(await o.recordConsumerFailure('sms', '0:1', lease('a', 1_010))).toBe(1);
      expect(await o.recordConsumerFailure('sms', '0:1', lease('b', 1_020))).toBeUndefined();
      expect(await o.recordConsumerFailure('nobody', '0:1', lease('a', 1_020))).toBeUndefined();
      expect(await o.recordConsumerFailure('sms', '0:1', lease('a', 1_020))).toBe(2);
      // The count belongs to the consumer, not the worker: another holder continues it.
      await o.releaseConsumer('sms', 'a');
      expect(await o.claimConsumer('sms', lease('b', 1_030))).toBe('');
      expect(await o.recordConsumerFailure('sms', '0:1', lease('b', 1_040))).toBe(3);
      expect(await o.recordConsumerFailure('sms', '0:2', lease('b', 1_050))).toBe(1);
      // It renews the lease like a step forward does.
      expect(await o.claimConsumer('sms', lease('a', 1_140))).toBeUndefined();
    }),
  );

  it(
    'should record a dead letter and move the cursor past it in one write, only for the holder from where it is',
    run(async (store) => {
      const o = outbox(store);
      await store.append(appendOf('p1', 0));
      const [record] = await o.readOutbox('', 10);
      const position = record?.position as string;
      const letter: DeadLetterRecord = {
        position,
        key: 'p1:1:0',
        notification: { type: 'proposal.submitted', key: 'p1:1:0', position, payload: { n: [1, 'a'] } },
        attempts: 3,
        error: '短信网关超时 (gateway timeout)',
        at: 1_234,
      };
      expect(await o.claimConsumer('sms', lease('a', 1_000))).toBe('');
      expect(await o.recordConsumerFailure('sms', position, lease('a', 1_000))).toBe(1);
      expect(await o.deadLetterConsumer('sms', '', position, letter, lease('b', 1_010))).toBe(false);
      expect(await o.deadLetterConsumer('sms', 'elsewhere', position, letter, lease('a', 1_010))).toBe(false);
      expect(await o.readDeadLetters('sms')).toEqual([]);
      expect(await o.deadLetterConsumer('sms', '', position, letter, lease('a', 1_010))).toBe(true);
      expect(await o.readDeadLetters('sms')).toEqual([letter]);
      expect(await o.readDeadLetters('mail')).toEqual([]);
      expect(await o.claimConsumer('sms', lease('a', 1_020))).toBe(position);
      // The failure count was cleared with it.
      expect(await o.recordConsumerFailure('sms', position, lease('a', 1_030))).toBe(1);
      const second = { ...letter, position: `${position}|1`, key: 'p1:1:1', attempts: 5, at: 1_300 };
      expect(await o.deadLetterConsumer('sms', position, `${position}|1`, second, lease('a', 1_040))).toBe(true);
      expect(await o.readDeadLetters('sms')).toEqual([letter, second]);
    }),
  );

  it(
    'should put dead letters back for delivery all or nothing, count their failures again and give them up again',
    run(async (store) => {
      const o = outbox(store);
      await store.append(appendOf('p1', 0));
      await store.append(appendOf('p2', 0));
      const [r1, r2] = (await o.readOutbox('', 10)).map((r) => r.position) as [string, string];
      const letterOf = (position: string, key: string, at: number): DeadLetterRecord => ({
        position,
        key,
        notification: { type: 'proposal.submitted', key, position },
        attempts: 3,
        error: '短信网关超时 (gateway timeout)',
        at,
      });
      const one = letterOf(r1, 'p1:1:0', 1_010);
      const two = letterOf(r2, 'p2:1:0', 1_020);
      expect(await o.claimConsumer('sms', lease('a', 1_000))).toBe('');
      expect(await o.deadLetterConsumer('sms', '', r1, one, lease('a', 1_010))).toBe(true);
      expect(await o.deadLetterConsumer('sms', r1, r2, two, lease('a', 1_020))).toBe(true);
      // An unknown key puts nothing back.
      expect(await o.requeueDeadLetters('sms', ['p1:1:0', 'nope', 'nope'])).toEqual({ requeued: 0, unknown: ['nope'] });
      expect(await o.requeueDeadLetters('mail', ['p1:1:0'])).toEqual({ requeued: 0, unknown: ['p1:1:0'] });
      expect(await o.readRequeuedLetters('sms')).toEqual([]);
      expect(await o.readDeadLetters('sms')).toEqual([one, two]);
      expect(await o.requeueDeadLetters('sms', ['p1:1:0'])).toEqual({ requeued: 1, unknown: [] });
      expect(await o.requeueDeadLetters('sms', ['p1:1:0'])).toEqual({ requeued: 0, unknown: [] });
      expect(await o.readDeadLetters('sms')).toEqual([two]);
      expect(await o.readRequeuedLetters('sms')).toEqual([{ ...one, attempts: 0 }]);
      // Failures count again from 0, for the lease holder only; at maxAttempts the letter is dead again, in its place.
      const failure = { error: 'still down', at: 2_000, maxAttempts: 2 };
      expect(await o.requeuedLetterFailed('sms', r1, failure, lease('b', 1_030))).toBeUndefined();
      expect(await o.requeuedLetterFailed('sms', r1, failure, lease('a', 1_030))).toBe(1);
      expect(await o.readRequeuedLetters('sms')).toEqual([{ ...one, attempts: 1, error: 'still down', at: 2_000 }]);
      expect(await o.requeuedLetterFailed('sms', r1, failure, lease('a', 1_040))).toBe(2);
      expect(await o.readRequeuedLetters('sms')).toEqual([]);
      expect(await o.readDeadLetters('sms')).toEqual([{ ...one, attempts: 2, error: 'still down', at: 2_000 }, two]);
      // Every letter, oldest first; a delivered one is gone, for the lease holder only, whose lease it renews.
      expect(await o.requeueDeadLetters('sms')).toEqual({ requeued: 2, unknown: [] });
      expect((await o.readRequeuedLetters('sms')).map((l) => [l.key, l.attempts])).toEqual([
        ['p1:1:0', 0],
        ['p2:1:0', 0],
      ]);
      expect(await o.requeuedLetterDelivered('sms', r1, lease('b', 1_050))).toBe(false);
      expect(await o.requeuedLetterDelivered('sms', r1, lease('a', 1_050))).toBe(true);
      expect((await o.readRequeuedLetters('sms')).map((l) => l.key)).toEqual(['p2:1:0']);
      expect(await o.claimConsumer('sms', lease('b', 1_149))).toBeUndefined();
      expect(await o.readDeadLetters('sms')).toEqual([]);
      expect(await o.claimConsumer('sms', lease('a', 1_060))).toBe(r2);
    }),
  );

  it(
    'should prune the outbox up to the least position passed, keep later positions, and list consumers',
    run(async (store) => {
      const o = outbox(store);
      expect(await o.listConsumers()).toEqual([]);
      expect(await o.pruneOutbox([])).toBe(0);
      for (const id of ['p1', 'p2', 'p3']) await store.append(appendOf(id, 0));
      const all = await o.readOutbox('', 10);
      const [first, second, third] = all.map((r) => r.position) as [string, string, string];
      expect(await o.claimConsumer('sms', lease('a', 1_000))).toBe('');
      expect(await o.advanceConsumer('sms', '', `${second}|1`, lease('a', 1_000))).toBe(true);
      expect(await o.claimConsumer('mail', { ...lease('a', 1_000), start: first })).toBe(first);
      expect(await o.listConsumers()).toEqual([
        { name: 'mail', cursor: first },
        { name: 'sms', cursor: `${second}|1` },
      ]);
      expect(await o.pruneOutbox([second, first])).toBe(1);
      expect(await o.readOutbox('', 10)).toEqual(all.slice(1));
      expect(await o.readOutbox(first, 10)).toEqual(all.slice(1));
      expect(await o.readOutbox(second, 10)).toEqual(all.slice(2));
      expect(await o.outboxHead()).toBe(third);
      // Pruning again to the same place prunes nothing; an earlier place never brings records back.
      expect(await o.pruneOutbox([first])).toBe(0);
      expect(await o.pruneOutbox([''])).toBe(0);
      expect(await o.readOutbox('', 10)).toEqual(all.slice(1));
      expect(await o.pruneOutbox([third])).toBe(2);
      expect(await o.readOutbox('', 10)).toEqual([]);
      expect(await o.outboxHead()).toBe(third);
      // What comes next is read as before, at a later position.
      await store.append(appendOf('p4', 0));
      const next = await o.readOutbox(third, 10);
      expect(shape(next)).toEqual([['event', 'p4', 1, '2023-03-01', ['proposal.submitted']]]);
      expect(await o.readOutbox('', 10)).toEqual(next);
    }),
  );

  it(
    'should count the notifications it pruned, not the records (an entry may carry several, an alert carries one)',
    run(async (store) => {
      const o = outbox(store);
      const three: JsonObject[] = [{ type: 'a.one' }, { type: 'a.two' }, { type: 'a.three' }];
      await store.append(appendOf('p1', 0, 1, { events: [{ ...fixtureEvent('p1', 1), emitted: three }] }));
      await store.append(appendOf('p2', 0));
      const notification = { type: 'reminder.due', proposalId: 'p2', version: 0, key: 'p2:d1:2023-06-30:reminder:3' };
      await store.markAlertsSent(
        [{ streamId: 'p2', deadlineId: 'd1', due: '2023-06-30', alertId: 'reminder:3', notification }],
        1_000,
      );
      await store.append(appendOf('p3', 0));
      const all = await o.readOutbox('', 10);
      expect(shape(all).map((r) => r[0])).toEqual(['event', 'event', 'alert', 'event']);
      const [first, , third, fourth] = all.map((r) => r.position) as [string, string, string, string];
      expect(await o.pruneOutbox([first])).toBe(3);
      expect(await o.pruneOutbox([third])).toBe(2);
      expect(await o.pruneOutbox([fourth])).toBe(1);
      expect(await o.readOutbox('', 10)).toEqual([]);
    }),
  );
}
