import type { AppendRequest, AppendResult, DeadlineKey } from '@banli/sdk';
import { ConcurrencyConflict } from '@banli/sdk';
import type { SqlExecutor, SqlQueryable } from './executor.js';
import type { Tables } from './tables.js';

const json = (value: unknown): string => JSON.stringify(value);
/** A JSON array parameter spread into a text[] (one parameter shape both drivers serialise the same way). */
export const textArray = (n: number): string => `array(select jsonb_array_elements_text($${n}::jsonb))`;

function checkEvents(request: AppendRequest): void {
  const { streamId, expectedVersion, events } = request;
  if (events.length === 0) throw new TypeError('append needs at least one event');
  events.forEach((event, i) => {
    if (event.streamId !== streamId || event.version !== expectedVersion + i + 1) {
      throw new TypeError(`event ${i} must have streamId ${streamId} and version ${expectedVersion + i + 1}`);
    }
  });
}

class Conflict extends Error {
  constructor(readonly reason: 'version' | 'idempotencyKey' | 'deadlineFired') {
    super(reason);
  }
}

/**
 * Writes the summary row and the events in one statement; the stream row is the lock, so a concurrent writer waits
 * here, then finds the version moved on and inserts nothing. Returns how many events were inserted.
 */
async function writeHead(tx: SqlQueryable, t: Tables, request: AppendRequest, version: number): Promise<number> {
  const s = request.summary;
  const params = [
    request.streamId,
    version,
    s.state,
    json(s.caseStates),
    json(s.tags),
    json(s.unitIds),
    json(s.proposerIds),
    s.updatedAt,
    json(s),
    request.expectedVersion,
    json(request.events),
  ];
  const values = `$3::text, ${textArray(4)}, ${textArray(5)}, ${textArray(6)}, ${textArray(7)}, $8::double precision, $9::jsonb`;
  const head =
    request.expectedVersion === 0
      ? `insert into ${t.streams} (stream_id, version, state, case_states, tags, unit_ids, proposer_ids, updated_at,
           summary) select $1::text, $2::int, ${values} where $10::int = 0 on conflict (stream_id) do nothing
           returning 1 as ok`
      : `update ${t.streams} set (version, state, case_states, tags, unit_ids, proposer_ids, updated_at, summary) =
           ($2::int, ${values}) where stream_id = $1::text and version = $10::int returning 1 as ok`;
  const { rows } = await tx.query<{ n: number }>(
    `with head as (${head}), inserted as (
       insert into ${t.events} (stream_id, version, type, event, actor, recorded_at, state_before, state_after,
         machine, emitted, meta)
       select $1::text, (e->>'version')::int, e->>'type', e->'event', e->'actor', (e->>'recordedAt')::double precision,
         e->'stateBefore', e->'stateAfter', e->'machine', e->'emitted', e->'meta'
       from jsonb_array_elements($11::jsonb) as e where exists (select 1 from head) returning 1)
     select count(*)::int as n from inserted`,
    params,
  );
  return Number(rows[0]?.n ?? 0);
}

const FIRED_ROWS = `select distinct k->>'streamId', k->>'deadlineId', k->>'due'`;

/** Records deadlines as fired (idempotent); `append` records its own firings with a conflict check instead. */
export async function markFired(tx: SqlQueryable, t: Tables, keys: DeadlineKey[], at: number): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    `insert into ${t.fired} (stream_id, deadline_id, due, fired_at) ${FIRED_ROWS}, $2::double precision
     from jsonb_array_elements($1::jsonb) as k on conflict do nothing`,
    [json(keys.map(({ streamId, deadlineId, due }) => ({ streamId, deadlineId, due }))), at],
  );
}

/** Replaces the stream's deadline set and pending alerts in one statement, keeping claims of entries that stay. */
async function writeDeadlines(tx: SqlQueryable, t: Tables, request: AppendRequest): Promise<void> {
  const inSet = `select 1 from input where e->>'deadlineId' = d.deadline_id and e->>'due' = d.due`;
  const alerts = `from input, jsonb_array_elements(e->'alerts') as a`;
  await tx.query(
    `with input as (select e from jsonb_array_elements($2::jsonb) as e),
     gone as (delete from ${t.deadlines} as d where d.stream_id = $1::text and not exists (${inSet})),
     kept as (
       insert into ${t.deadlines} (stream_id, deadline_id, due, kind, status, entry)
       select $1::text, e->>'deadlineId', e->>'due', e->>'kind', e->>'status', e from input
       on conflict (stream_id, deadline_id, due) do update set kind = excluded.kind, status = excluded.status,
         entry = excluded.entry),
     dropped as (delete from ${t.alerts} as p where p.stream_id = $1::text and not exists (select 1 ${alerts}
       where e->>'deadlineId' = p.deadline_id and e->>'due' = p.due and a->>'id' = p.alert_id))
     insert into ${t.alerts} (stream_id, deadline_id, due, alert_id, at)
     select $1::text, e->>'deadlineId', e->>'due', a->>'id', a->>'at' ${alerts}
     where not exists (select 1 from ${t.sent} as s where s.stream_id = $1::text and s.deadline_id = e->>'deadlineId'
       and s.due = e->>'due' and s.alert_id = a->>'id')
     on conflict (stream_id, deadline_id, due, alert_id) do update set at = excluded.at`,
    [request.streamId, json(request.deadlines)],
  );
}

/** Writes the idempotency record, the firings and the snapshot in one statement and reports what conflicted. */
async function writeRest(tx: SqlQueryable, t: Tables, request: AppendRequest, version: number): Promise<void> {
  const { streamId, snapshot, idempotency } = request;
  const fired = request.firedDeadlines ?? [];
  const params: unknown[] = [streamId];
  const add = (value: unknown): number => params.push(value);
  const parts: string[] = [];
  let idemOk = 'true';
  let firedOk = 'true';
  if (idempotency) {
    const [k, v, f, r] = [
      add(idempotency.key),
      add(version),
      add(idempotency.fingerprint),
      add(json(idempotency.result)),
    ];
    parts.push(`idem as (insert into ${t.idempotency} (key, stream_id, version, fingerprint, result)
      values ($${k}::text, $1::text, $${v}::int, $${f}::text, $${r}::jsonb) on conflict (key) do nothing returning 1)`);
    idemOk = 'exists (select 1 from idem)';
  }
  if (fired.length > 0) {
    const distinct = new Set(fired.map((k) => json([k.streamId, k.deadlineId, k.due]))).size;
    const keys = add(json(fired.map(({ streamId: s, deadlineId, due }) => ({ streamId: s, deadlineId, due }))));
    parts.push(`fired as (insert into ${t.fired} (stream_id, deadline_id, due, fired_at) ${FIRED_ROWS},
      $${add(request.summary.updatedAt)}::double precision from jsonb_array_elements($${keys}::jsonb) as k
      on conflict do nothing returning 1)`);
    firedOk = `(select count(*) from fired) = $${add(distinct)}::int`;
  }
  if (snapshot) {
    const [v, st, m, at] = [
      add(snapshot.version),
      add(json(snapshot.state)),
      add(json(snapshot.machine)),
      add(snapshot.recordedAt),
    ];
    parts.push(`snap as (insert into ${t.snapshots} (stream_id, version, state, machine, recorded_at)
      values ($1::text, $${v}::int, $${st}::jsonb, $${m}::jsonb, $${at}::double precision) on conflict (stream_id)
      do update set version = excluded.version, state = excluded.state, machine = excluded.machine,
        recorded_at = excluded.recorded_at)`);
  }
  if (parts.length === 0) return;
  const { rows } = await tx.query<{ idem_ok: boolean; fired_ok: boolean }>(
    `with ${parts.join(', ')} select ${idemOk} as idem_ok, ${firedOk} as fired_ok, $1::text as stream`,
    params,
  );
  if (!rows[0]?.idem_ok) throw new Conflict('idempotencyKey');
  if (!rows[0]?.fired_ok) throw new Conflict('deadlineFired');
}

const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown })?.code === '23505';

/** Appends events with their summary, snapshot, deadline index, firings and idempotency record in one transaction. */
export async function appendStream(executor: SqlExecutor, t: Tables, request: AppendRequest): Promise<AppendResult> {
  checkEvents(request);
  const version = request.expectedVersion + request.events.length;
  try {
    await executor.transaction(async (tx) => {
      if ((await writeHead(tx, t, request, version)) !== request.events.length) throw new Conflict('version');
      await writeRest(tx, t, request, version);
      await writeDeadlines(tx, t, request);
    });
    return { version };
  } catch (error) {
    const reason = error instanceof Conflict ? error.reason : isUniqueViolation(error) ? 'version' : undefined;
    if (reason === undefined) throw error;
    const { rows } = await executor.query<{ version: number }>(
      `select version from ${t.streams} where stream_id = $1`,
      [request.streamId],
    );
    const { streamId, expectedVersion } = request;
    throw new ConcurrencyConflict({ reason, streamId, expectedVersion, actualVersion: rows[0]?.version ?? 0 });
  }
}
