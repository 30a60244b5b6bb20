import type { AlertClaim, ClaimOptions, DeadlineClaim, DeadlineIndexEntry } from '@banli/sdk';
import type { SqlQueryable } from './executor.js';
import { byDue } from './rows.js';
import type { Tables } from './tables.js';

const DEFAULT_LEASE_MS = 60_000;

const claimParams = (now: string, o: ClaimOptions) => [
  now,
  o.instant,
  o.limit,
  o.claimant,
  o.leaseMs ?? DEFAULT_LEASE_MS,
];

/**
 * Leases open, never-fired deadlines due before `now`: rows locked by another claimant are skipped (`SKIP LOCKED`),
 * and the lease is written in the same statement, so concurrent schedulers get disjoint claims.
 */
export async function claimDeadlines(db: SqlQueryable, t: Tables, now: string, o: ClaimOptions) {
  if (o.limit <= 0) return [];
  const { rows } = await db.query<{ entry: DeadlineIndexEntry }>(
    `with due as (
       select d.stream_id, d.deadline_id, d.due from ${t.deadlines} as d
       where d.status = 'open' and d.due < $1::text
         and (d.claim_expires is null or d.claim_expires <= $2::double precision)
         and not exists (select 1 from ${t.fired} as f where f.stream_id = d.stream_id
           and f.deadline_id = d.deadline_id and f.due = d.due)
       order by d.due, d.stream_id, d.deadline_id limit $3::int for update of d skip locked)
     update ${t.deadlines} as d set claimed_by = $4::text, claim_expires = $2::double precision + $5::double precision
     from due where d.stream_id = due.stream_id and d.deadline_id = due.deadline_id and d.due = due.due
     returning d.entry`,
    claimParams(now, o),
  );
  return rows
    .map((r) => r.entry)
    .sort(byDue)
    .map((entry): DeadlineClaim => ({ streamId: entry.streamId, deadlineId: entry.deadlineId, due: entry.due, entry }));
}

/** Leases pending alerts with `at <= now`, like `claimDeadlines`. */
export async function claimAlerts(db: SqlQueryable, t: Tables, now: string, o: ClaimOptions) {
  if (o.limit <= 0) return [];
  const { rows } = await db.query<{ alert_id: string; at: string; entry: DeadlineIndexEntry }>(
    `with due as (
       select a.stream_id, a.deadline_id, a.due, a.alert_id from ${t.alerts} as a
       where a.at <= $1::text and (a.claim_expires is null or a.claim_expires <= $2::double precision)
       order by a.at, a.stream_id, a.deadline_id, a.alert_id limit $3::int for update of a skip locked)
     update ${t.alerts} as a set claimed_by = $4::text, claim_expires = $2::double precision + $5::double precision
     from due, ${t.deadlines} as d
     where a.stream_id = due.stream_id and a.deadline_id = due.deadline_id and a.due = due.due
       and a.alert_id = due.alert_id and d.stream_id = a.stream_id and d.deadline_id = a.deadline_id and d.due = a.due
     returning a.alert_id, a.at, d.entry`,
    claimParams(now, o),
  );
  return rows
    .map(({ alert_id, at, entry }): AlertClaim => {
      const { streamId, deadlineId, due } = entry;
      return { streamId, deadlineId, due, alertId: alert_id, at, entry };
    })
    .sort((a, b) => cmp(a.at, b.at) || byDue(a.entry, b.entry) || cmp(a.alertId, b.alertId));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
