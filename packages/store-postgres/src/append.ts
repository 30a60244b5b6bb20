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

async function writeSummary(tx: SqlQueryable, t: Tables, request: AppendRequest, version: number): Promise<boolean> {
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
  ];
  const values = `$3::text, ${textArray(4)}, ${textArray(5)}, ${textArray(6)}, ${textArray(7)}, $8::double precision, $9::jsonb`;
  // The stream row is the lock: a concurrent writer waits here, then finds the version moved on.
  const sql =
    request.expectedVersion === 0
      ? `insert into ${t.streams} (stream_id, version, state, case_states, tags, unit_ids, proposer_ids, updated_at,
           summary) select $1::text, $2::int, ${values} where $10::int = 0 on conflict (stream_id) do nothing returning 1 as ok`
      : `update ${t.streams} set (version, state, case_states, tags, unit_ids, proposer_ids, updated_at, summary) =
           ($2::int, ${values}) where stream_id = $1 and version = $10 returning 1 as ok`;
  return (await tx.query(sql, params)).rows.length === 1;
}

async function writeEvents(tx: SqlQueryable, t: Tables, request: AppendRequest): Promise<void> {
  await tx.query(
    `insert into ${t.events} (stream_id, version, type, event, actor, recorded_at, state_before, state_after, machine,
       emitted, meta)
     select $1::text, (e->>'version')::int, e->>'type', e->'event', e->'actor', (e->>'recordedAt')::double precision,
       e->'stateBefore', e->'stateAfter', e->'machine', e->'emitted', e->'meta'
     from jsonb_array_elements($2::jsonb) as e`,
    [request.streamId, json(request.events)],
  );
}

async function writeFired(tx: SqlQueryable, t: Tables, keys: DeadlineKey[], at: number): Promise<number> {
  const { rows } = await tx.query(
    `insert into ${t.fired} (stream_id, deadline_id, due, fired_at)
     select distinct k->>'streamId', k->>'deadlineId', k->>'due', $2::double precision
     from jsonb_array_elements($1::jsonb) as k on conflict do nothing returning 1 as ok`,
    [json(keys.map(({ streamId, deadlineId, due }) => ({ streamId, deadlineId, due }))), at],
  );
  return rows.length;
}

/** Records deadlines as fired (idempotent); shared by `append` and `markDeadlinesFired`. */
export async function markFired(tx: SqlQueryable, t: Tables, keys: DeadlineKey[], at: number): Promise<void> {
  if (keys.length > 0) await writeFired(tx, t, keys, at);
}

async function writeDeadlines(tx: SqlQueryable, t: Tables, request: AppendRequest): Promise<void> {
  const params = [request.streamId, json(request.deadlines)];
  const inSet = `select 1 from jsonb_array_elements($2::jsonb) as e where e->>'deadlineId' = d.deadline_id
    and e->>'due' = d.due`;
  // Entries that stay keep their claim columns; removed ones take their pending alerts with them (cascade).
  await tx.query(`delete from ${t.deadlines} as d where d.stream_id = $1 and not exists (${inSet})`, params);
  await tx.query(
    `insert into ${t.deadlines} (stream_id, deadline_id, due, kind, status, entry)
     select $1::text, e->>'deadlineId', e->>'due', e->>'kind', e->>'status', e from jsonb_array_elements($2::jsonb) as e
     on conflict (stream_id, deadline_id, due) do update set kind = excluded.kind, status = excluded.status,
       entry = excluded.entry`,
    params,
  );
  const alerts = `from jsonb_array_elements($2::jsonb) as e, jsonb_array_elements(e->'alerts') as a`;
  await tx.query(
    `delete from ${t.alerts} as p where p.stream_id = $1 and not exists (select 1 ${alerts}
       where e->>'deadlineId' = p.deadline_id and e->>'due' = p.due and a->>'id' = p.alert_id)`,
    params,
  );
  await tx.query(
    `insert into ${t.alerts} (stream_id, deadline_id, due, alert_id, at)
     select $1::text, e->>'deadlineId', e->>'due', a->>'id', a->>'at' ${alerts}
     where not exists (select 1 from ${t.sent} as s where s.stream_id = $1 and s.deadline_id = e->>'deadlineId'
       and s.due = e->>'due' and s.alert_id = a->>'id')
     on conflict (stream_id, deadline_id, due, alert_id) do update set at = excluded.at`,
    params,
  );
}

async function writeRest(tx: SqlQueryable, t: Tables, request: AppendRequest, version: number): Promise<void> {
  const { streamId, snapshot, idempotency } = request;
  if (idempotency) {
    const { rows } = await tx.query(
      `insert into ${t.idempotency} (key, stream_id, version, fingerprint, result) values ($1::text, $2::text, $3::int, $4::text, $5::jsonb)
       on conflict (key) do nothing returning 1 as ok`,
      [idempotency.key, streamId, version, idempotency.fingerprint, json(idempotency.result)],
    );
    if (rows.length === 0) throw new Conflict('idempotencyKey');
  }
  const fired = request.firedDeadlines ?? [];
  if (fired.length > 0) {
    const distinct = new Set(fired.map((k) => json([k.streamId, k.deadlineId, k.due]))).size;
    if ((await writeFired(tx, t, fired, request.summary.updatedAt)) !== distinct) throw new Conflict('deadlineFired');
  }
  if (snapshot) {
    await tx.query(
      `insert into ${t.snapshots} (stream_id, version, state, machine, recorded_at) values ($1::text, $2::int, $3::jsonb,
         $4::jsonb, $5::double precision) on conflict (stream_id) do update set version = excluded.version, state = excluded.state,
         machine = excluded.machine, recorded_at = excluded.recorded_at`,
      [streamId, snapshot.version, json(snapshot.state), json(snapshot.machine), snapshot.recordedAt],
    );
  }
  await writeDeadlines(tx, t, request);
}

const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown })?.code === '23505';

/** Appends events with their summary, snapshot, deadline index, firings and idempotency record in one transaction. */
export async function appendStream(executor: SqlExecutor, t: Tables, request: AppendRequest): Promise<AppendResult> {
  checkEvents(request);
  const version = request.expectedVersion + request.events.length;
  try {
    await executor.transaction(async (tx) => {
      if (!(await writeSummary(tx, t, request, version))) throw new Conflict('version');
      await writeEvents(tx, t, request);
      await writeRest(tx, t, request, version);
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
