import type { JsonObject } from '../json.js';
import type { ContractTestApi } from './contract.js';
import { rejectionOf } from './contract.js';
import { fixtureAppend as appendOf, fixtureEvent } from './contractFixtures.js';
import type { ConsumerLease, OutboxRecord, Store } from './port.js';

type Run = (fn: (store: Store) => Promise<void>) => () => Promise<void>;
type OutboxStore = Required<
  Pick<Store, 'readOutbox' | 'outboxHead' | 'claimConsumer' | 'advanceConsumer' | 'releaseConsumer'>
>;

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
}
