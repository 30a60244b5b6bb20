import {
  type ConsumerLease,
  type DeadLetterRecord,
  type OutboxRecord,
  type OutboxStore,
  ValidationError,
} from '@banli/sdk';
import type { SqlExecutor } from './executor.js';
import type { Tables } from './tables.js';

const MAX_XID8 = 2n ** 64n - 1n;
const MAX_BIGINT = 2n ** 63n - 1n;

/** A position is `<transaction id>:<sequence>`; `''` is the start. Anything else is refused before SQL sees it. */
function positionOf(position: string): [string, string] {
  if (position === '') return ['0', '0'];
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(position);
  if (match && BigInt(match[1] as string) <= MAX_XID8 && BigInt(match[2] as string) <= MAX_BIGINT) {
    return [match[1] as string, match[2] as string];
  }
  throw new ValidationError([
    {
      path: [],
      code: 'invalid_format',
      messages: {
        'zh-CN': `“${position.slice(0, 40)}”不是本存储的发件箱位置`,
        en: `"${position.slice(0, 40)}" is not an outbox position of this store`,
      },
    },
  ]);
}

/**
 * The outbox of the SQL store, read from the log itself: events with notifications and alerts recorded with one
 * (migration 5 gives both tables `outbox_tx`, the writing transaction's id, and `outbox_seq`). A row is readable once
 * its transaction id is below the reader snapshot's `xmin`, i.e. once every transaction that could still commit an
 * earlier row has finished; so positions only move forward over committed rows and no late commit is skipped. A long
 * open transaction anywhere on the server delays the outbox (never reorders or loses it). Pruning (migration 6) moves
 * a mark that readers start after; the rows are the log and stay.
 */
export function sqlOutbox(db: SqlExecutor, t: Tables): OutboxStore {
  // A consumer's dead letters (given up, or put back for delivery), in the order they were given up.
  const letters = async (name: string, requeued: boolean): Promise<DeadLetterRecord[]> => {
    const { rows } = await db.query<{
      position: string;
      key: string;
      notification: DeadLetterRecord['notification'];
      attempts: number;
      error: string;
      dead_at: number;
    }>(
      `select position, key, notification, attempts, error, dead_at from ${t.deadLetters}
       where consumer = $1::text and requeued = $2::boolean order by seq`,
      [name, requeued],
    );
    return rows.map((r) => ({
      position: r.position,
      key: r.key,
      notification: r.notification,
      attempts: Number(r.attempts),
      error: r.error,
      at: Number(r.dead_at),
    }));
  };
  const visible = `with h as (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)`;
  const events = (where: string, order: string, limit: string) =>
    `select e.outbox_tx as tx, e.outbox_seq as seq, 'event' as source, e.stream_id, e.version, e.event->>'at' as at,
       e.emitted as body from ${t.events} as e, h where e.emitted <> '[]'::jsonb and e.outbox_tx < h.xmin ${where}
     order by e.outbox_tx ${order}, e.outbox_seq ${order} ${limit}`;
  const alerts = (where: string, order: string, limit: string) =>
    `select s.outbox_tx as tx, s.outbox_seq as seq, 'alert' as source, s.stream_id, 0 as version, null as at,
       s.notification as body from ${t.sent} as s, h where s.notification is not null and s.outbox_tx < h.xmin ${where}
     order by s.outbox_tx ${order}, s.outbox_seq ${order} ${limit}`;
  return {
    async readOutbox(after, limit) {
      if (limit <= 0) return [];
      const [tx, seq] = positionOf(after);
      // After the position asked for, and after the pruned mark.
      const where = `and (outbox_tx, outbox_seq) > ($1::xid8, $2::bigint)
        and not exists (select 1 from ${t.outboxPruned} as p where (outbox_tx, outbox_seq) <= (p.tx, p.seq))`;
      const { rows } = await db.query<{
        tx: string;
        seq: string;
        source: 'event' | 'alert';
        stream_id: string;
        version: number;
        at: string | null;
        body: unknown;
      }>(
        `${visible} select u.tx::text as tx, u.seq::text as seq, u.source, u.stream_id, u.version, u.at, u.body from (
           (${events(where, '', 'limit $3::int')}) union all (${alerts(where, '', 'limit $3::int')})
         ) as u order by u.tx, u.seq limit $3::int`,
        [tx, seq, limit],
      );
      return rows.map((r): OutboxRecord => {
        const position = `${r.tx}:${r.seq}`;
        if (r.source === 'alert') {
          return { position, source: 'alert', streamId: r.stream_id, notification: r.body as never };
        }
        return {
          position,
          source: 'event',
          streamId: r.stream_id,
          version: Number(r.version),
          at: r.at ?? '',
          emitted: r.body as never,
        };
      });
    },

    async outboxHead() {
      const { rows } = await db.query<{ tx: string; seq: string }>(
        `${visible} select u.tx::text as tx, u.seq::text as seq from (
           (${events('', 'desc', 'limit 1')}) union all (${alerts('', 'desc', 'limit 1')})
         ) as u order by u.tx desc, u.seq desc limit 1`,
      );
      const row = rows[0];
      return row ? `${row.tx}:${row.seq}` : '';
    },

    async claimConsumer(name: string, lease: ConsumerLease) {
      // One statement: a new cursor is created, a free or expired lease (or our own) is taken, a held one is not.
      const { rows } = await db.query<{ cursor: string }>(
        `insert into ${t.consumers} as c (name, cursor, claimed_by, claim_expires)
         values ($1::text, $2::text, $3::text, $4::double precision + $5::double precision)
         on conflict (name) do update set claimed_by = excluded.claimed_by, claim_expires = excluded.claim_expires
           where c.claimed_by is null or c.claimed_by = excluded.claimed_by or c.claim_expires <= $4::double precision
         returning c.cursor`,
        [name, lease.start ?? '', lease.claimant, lease.instant, lease.leaseMs],
      );
      return rows[0]?.cursor;
    },

    async advanceConsumer(name: string, from: string, to: string, lease: ConsumerLease) {
      const { rows } = await db.query(
        `update ${t.consumers} set cursor = $3::text, claim_expires = $5::double precision + $6::double precision
         where name = $1::text and cursor = $2::text and claimed_by = $4::text returning 1 as ok`,
        [name, from, to, lease.claimant, lease.instant, lease.leaseMs],
      );
      return rows.length > 0;
    },

    async releaseConsumer(name: string, claimant: string) {
      await db.query(
        `update ${t.consumers} set claimed_by = null, claim_expires = null where name = $1::text and claimed_by = $2::text`,
        [name, claimant],
      );
    },

    async recordConsumerFailure(name: string, position: string, lease: ConsumerLease) {
      const { rows } = await db.query<{ attempts: number }>(
        `update ${t.consumers} set
           failing_attempts = case when failing_position = $2::text then failing_attempts + 1 else 1 end,
           failing_position = $2::text, claim_expires = $4::double precision + $5::double precision
         where name = $1::text and claimed_by = $3::text returning failing_attempts as attempts`,
        [name, position, lease.claimant, lease.instant, lease.leaseMs],
      );
      return rows[0] === undefined ? undefined : Number(rows[0].attempts);
    },

    async deadLetterConsumer(name: string, from: string, to: string, letter: DeadLetterRecord, lease: ConsumerLease) {
      // One statement: the cursor moves (compare-and-set, lease held) and the letter is recorded, or neither.
      const { rows } = await db.query<{ moved: string }>(
        `with moved as (
           update ${t.consumers} set cursor = $3::text, failing_position = null, failing_attempts = 0,
             claim_expires = $5::double precision + $6::double precision
           where name = $1::text and cursor = $2::text and claimed_by = $4::text returning name),
         recorded as (
           insert into ${t.deadLetters} (consumer, position, key, notification, attempts, error, dead_at)
           select name, $7::text, $8::text, $9::jsonb, $10::integer, $11::text, $12::double precision from moved
           on conflict (consumer, position) do nothing returning 1)
         select count(*)::text as moved from moved`,
        [
          name,
          from,
          to,
          lease.claimant,
          lease.instant,
          lease.leaseMs,
          letter.position,
          letter.key,
          JSON.stringify(letter.notification),
          letter.attempts,
          letter.error,
          letter.at,
        ],
      );
      return rows[0]?.moved === '1';
    },

    readDeadLetters: (name: string) => letters(name, false),

    async requeueDeadLetters(name: string, keys?: readonly string[]) {
      // One statement: the keys no letter of this consumer has, and, only when there are none, the letters put back.
      const { rows } = await db.query<{ requeued: string; unknown: string[] }>(
        `with wanted as (select distinct k from jsonb_array_elements_text(coalesce($2::jsonb, '[]'::jsonb)) as k),
         missing as (select k from wanted where not exists (select 1 from ${t.deadLetters} as d
           where d.consumer = $1::text and d.key = wanted.k)),
         put as (update ${t.deadLetters} as d set requeued = true, attempts = 0
           where d.consumer = $1::text and not d.requeued and not exists (select 1 from missing)
             and ($2::jsonb is null or d.key in (select k from wanted)) returning 1)
         select (select count(*) from put)::text as requeued,
           array(select k from missing order by k) as unknown`,
        [name, keys === undefined ? null : JSON.stringify(keys)],
      );
      const row = rows[0];
      return { requeued: Number(row?.requeued ?? 0), unknown: row?.unknown ?? [] };
    },

    readRequeuedLetters: (name: string) => letters(name, true),

    async requeuedLetterDelivered(name: string, position: string, lease: ConsumerLease) {
      const { rows } = await db.query<{ held: string }>(
        `with held as (
           update ${t.consumers} set claim_expires = $3::double precision + $4::double precision
           where name = $1::text and claimed_by = $2::text returning name),
         done as (delete from ${t.deadLetters} as d using held where d.consumer = held.name
           and d.position = $5::text and d.requeued returning 1)
         select count(*)::text as held from held`,
        [name, lease.claimant, lease.instant, lease.leaseMs, position],
      );
      return rows[0]?.held === '1';
    },

    async requeuedLetterFailed(
      name: string,
      position: string,
      failure: { error: string; at: number; maxAttempts?: number },
      lease: ConsumerLease,
    ) {
      const { rows } = await db.query<{ attempts: number }>(
        `with held as (
           update ${t.consumers} set claim_expires = $3::double precision + $4::double precision
           where name = $1::text and claimed_by = $2::text returning name)
         update ${t.deadLetters} as d set attempts = d.attempts + 1, error = $6::text, dead_at = $7::double precision,
           requeued = ($8::integer is null or d.attempts + 1 < $8::integer)
         from held where d.consumer = held.name and d.position = $5::text and d.requeued returning d.attempts`,
        [
          name,
          lease.claimant,
          lease.instant,
          lease.leaseMs,
          position,
          failure.error,
          failure.at,
          failure.maxAttempts ?? null,
        ],
      );
      return rows[0] === undefined ? undefined : Number(rows[0].attempts);
    },

    async listConsumers() {
      const { rows } = await db.query<{ name: string; cursor: string }>(
        `select name, cursor from ${t.consumers} order by name`,
      );
      return rows.map((r) => ({ name: r.name, cursor: r.cursor }));
    },

    async pruneOutbox(passed: string[]) {
      if (passed.length === 0) return 0;
      // The least position passed, compared as (transaction id, sequence) like the outbox's own order.
      const least = passed
        .map(positionOf)
        .map(([tx, seq]) => [BigInt(tx), BigInt(seq)] as const)
        .reduce((a, b) => (b[0] < a[0] || (b[0] === a[0] && b[1] < a[1]) ? b : a));
      const [tx, seq] = [least[0].toString(), least[1].toString()];
      if (tx === '0' && seq === '0') return 0;
      // Counts the notifications of the readable records the mark passes now (an entry's `emitted` list, one per
      // alert: the same count as every store), then moves the mark (never backwards), in one statement.
      const counted = `(select jsonb_array_length(e.emitted) as n from ${t.events} as e, h
          where e.emitted <> '[]'::jsonb and e.outbox_tx < h.xmin
          and (e.outbox_tx, e.outbox_seq) <= ($1::xid8, $2::bigint) and not exists (select 1 from old
          where (e.outbox_tx, e.outbox_seq) <= (old.tx, old.seq))
        union all select 1 from ${t.sent} as s, h where s.notification is not null and s.outbox_tx < h.xmin
          and (s.outbox_tx, s.outbox_seq) <= ($1::xid8, $2::bigint) and not exists (select 1 from old
          where (s.outbox_tx, s.outbox_seq) <= (old.tx, old.seq)))`;
      const { rows } = await db.query<{ pruned: string }>(
        `${visible}, old as (select tx, seq from ${t.outboxPruned}),
         marked as (
           insert into ${t.outboxPruned} as p (only_row, tx, seq) values (true, $1::xid8, $2::bigint)
           on conflict (only_row) do update set tx = excluded.tx, seq = excluded.seq
             where (p.tx, p.seq) < (excluded.tx, excluded.seq) returning 1)
         select coalesce(sum(c.n), 0)::text as pruned from ${counted} as c`,
        [tx, seq],
      );
      return Number(rows[0]?.pruned ?? 0);
    },
  };
}
