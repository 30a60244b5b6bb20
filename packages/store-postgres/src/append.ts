import type { AppendRequest, AppendResult, DeadlineKey } from '@banli/sdk';
import { ConcurrencyConflictError, checkAppendRow } from '@banli/sdk';
import type { SqlExecutor, SqlQueryable } from './executor.js';
import { expectedBack } from './expectedBack.js';
import type { Tables } from './tables.js';

const json = (value: unknown): string => JSON.stringify(value);
/** A JSON array parameter spread into a text[] (one parameter shape both drivers serialise the same way). */
export const textArray = (n: number): string => `array(select jsonb_array_elements_text($${n}::jsonb))`;

/** Group commit: concurrent appends are queued and written together, in one statement and one commit. */
export interface GroupCommitOptions {
  /**
   * The most appends written in one statement; while one batch is being written, the next one gathers the appends
   * that arrive meanwhile, so a lone append is written at once. When a batch commits, the callers it woke are expected
   * back with their next appends while this process's pending promise callbacks run: the next batch then waits until
   * it holds as many appends as are still expected (at most until those callbacks have run), so many callers settle
   * into two halves, one written while the other computes. Each append of a batch runs in a subtransaction; keep it at
   * 64 or below, where PostgreSQL's per-transaction subtransaction cache does not overflow.
   * @defaultValue 64
   */
  maxBatch?: number;
  /**
   * How many batches may be written at once, each on its own connection (with two, one batch can run while the other
   * waits for its commit to reach the disk; PGlite has one connection). More batches in flight make them smaller;
   * on a CPU-bound server one is as fast. @defaultValue 1
   */
  inFlight?: number;
}

/** The default group commit of `createSqlStore`. */
export const DEFAULT_MAX_BATCH = 64;

function checkEvents(request: AppendRequest): void {
  const { streamId, expectedVersion, events } = request;
  if (events.length === 0) throw new TypeError('append needs at least one event');
  events.forEach((event, i) => {
    if (event.streamId !== streamId || event.version !== expectedVersion + i + 1) {
      throw new TypeError(`event ${i} must have streamId ${streamId} and version ${expectedVersion + i + 1}`);
    }
  });
  checkAppendRow(request);
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

/** What `append_batch` reports for one append. */
type Outcome =
  | { version: number; conflict?: undefined; error?: undefined }
  | { conflict: 'version' | 'idempotencyKey' | 'deadlineFired'; actual: number; error?: undefined }
  | { error: { code: string; message: string }; conflict?: undefined };

interface Pending {
  request: AppendRequest;
  /** The request as `append_batch` reads it (JSON text). */
  payload: string;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** The JSON `append_batch` reads for one request: fired keys deduplicated, the new version precomputed. */
function payloadOf(request: AppendRequest): string {
  const { streamId, expectedVersion, events, snapshot, summary, summaryChanges, deadlines, idempotency } = request;
  const fired = new Map<string, DeadlineKey>();
  for (const { streamId: s, deadlineId, due } of request.firedDeadlines ?? []) {
    fired.set(json([s, deadlineId, due]), { streamId: s, deadlineId, due });
  }
  return json({
    streamId,
    expectedVersion,
    version: expectedVersion + events.length,
    events,
    summary,
    summaryChanges,
    // Left out (a partial append): `append_batch` keeps the stored set.
    deadlines,
    snapshot,
    idempotency,
    fired: fired.size > 0 ? [...fired.values()] : undefined,
  });
}

/** A database error inside one append (the other appends of its batch were written). */
function databaseError({ code, message }: { code: string; message: string }): Error {
  return Object.assign(new Error(message), { name: 'DatabaseError', code });
}

/**
 * Whether the server refused the statement (an SQLSTATE): then nothing of the batch was committed and its appends
 * may safely be retried one by one. A lost connection carries no SQLSTATE: the outcome is unknown, nothing is retried.
 */
const refusedByServer = (error: unknown): boolean => {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08');
};

/** The error an outcome stands for (a conflict, a database error, no outcome), or `undefined` for a written append. */
function errorOf(request: AppendRequest, outcome: Outcome | undefined): Error | undefined {
  if (outcome === undefined) return new Error('append_batch returned no outcome for an append');
  if (outcome.error) return databaseError(outcome.error);
  if (outcome.conflict) {
    const { streamId, expectedVersion } = request;
    const actualVersion = Number(outcome.actual);
    return new ConcurrencyConflictError({ reason: outcome.conflict, streamId, expectedVersion, actualVersion });
  }
  return undefined;
}

function settle(p: Pending, outcome: Outcome | undefined): void {
  const error = errorOf(p.request, outcome);
  if (error) p.reject(error);
  else p.resolve({ version: Number((outcome as { version: number }).version) });
}

/**
 * Writes appends through `append_batch`: one statement, so one round trip and one durable commit for the whole
 * batch, each append in its own subtransaction. When the statement as a whole fails (a deadlock with another process,
 * a payload the server cannot parse), each append is retried alone, so only the faulty one fails.
 */
async function writeBatch(db: SqlQueryable, t: Tables, batch: Pending[]): Promise<void> {
  let outcomes: Outcome[];
  try {
    const { rows } = await db.query<{ outcomes: Outcome[] }>(
      `select ${t.schema}.append_batch($1::jsonb) as outcomes`,
      [batch.length === 1 ? `[${batch[0]?.payload}]` : `[${batch.map((p) => p.payload).join(',')}]`],
      { name: `${t.schema}.append_batch` },
    );
    outcomes = rows[0]?.outcomes ?? [];
  } catch (error) {
    if (batch.length > 1 && refusedByServer(error)) {
      for (const p of batch) await writeBatch(db, t, [p]);
    } else {
      for (const p of batch) p.reject(error);
    }
    return;
  }
  for (const [i, p] of batch.entries()) settle(p, outcomes[i]);
}

/**
 * The store's `appendAll`: the appends in one transaction, through the same `append_batch` (ordered by stream, as
 * batches are, so two of them lock stream rows in one order); the first conflict or error rolls every one back.
 */
export async function appendAll(db: SqlExecutor, t: Tables, requests: AppendRequest[]): Promise<AppendResult[]> {
  const seen = new Set<string>();
  for (const request of requests) {
    checkEvents(request);
    if (seen.has(request.streamId)) throw new TypeError(`appendAll names stream ${request.streamId} more than once`);
    seen.add(request.streamId);
  }
  if (requests.length === 0) return [];
  const order = requests
    .map((request, i) => ({ request, i }))
    .sort((a, b) => cmp(a.request.streamId, b.request.streamId));
  const results: AppendResult[] = new Array(requests.length);
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ outcomes: Outcome[] }>(
      `select ${t.schema}.append_batch($1::jsonb) as outcomes`,
      [`[${order.map(({ request }) => payloadOf(request)).join(',')}]`],
      { name: `${t.schema}.append_batch` },
    );
    const outcomes = rows[0]?.outcomes ?? [];
    for (const [k, { request, i }] of order.entries()) {
      const outcome = outcomes[k];
      // Throwing rolls back the appends of this transaction that were written.
      const error = errorOf(request, outcome);
      if (error) throw error;
      results[i] = { version: Number((outcome as { version: number }).version) };
    }
  });
  return results;
}

/** The store's `append` with its queue. */
export interface Appender {
  append(request: AppendRequest): Promise<AppendResult>;
  /** Resolves once every append queued so far has settled (before closing the connection). */
  idle(): Promise<void>;
}

/**
 * Creates the store's `append`: each call is queued; while fewer than `inFlight` batches are being written, the queue
 * (at most `maxBatch` appends, ordered by stream with each stream's appends in call order, so that batches lock stream
 * rows in one order) is written, once it holds as many appends as are still expected back from callers whose appends
 * settled during this run of the microtask queue (see `expectedBack`). Each promise settles after its batch committed.
 */
export function createAppender(db: SqlQueryable, t: Tables, options: { maxBatch: number; inFlight: number }): Appender {
  const queue: Pending[] = [];
  let running = 0;
  let waiters: (() => void)[] = [];
  const back = expectedBack(() => pump());
  const pump = (): void => {
    while (running < options.inFlight && queue.length > 0 && queue.length >= back.expected()) {
      const batch = queue.splice(0, options.maxBatch);
      if (batch.length > 1) batch.sort((a, b) => cmp(a.request.streamId, b.request.streamId));
      running++;
      writeBatch(db, t, batch)
        .catch((error: unknown) => {
          for (const p of batch) p.reject(error);
        })
        .finally(() => {
          running--;
          pump();
        });
    }
    if (running === 0 && queue.length === 0) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  };
  return {
    append: (request) =>
      new Promise<AppendResult>((resolve, reject) => {
        checkEvents(request);
        back.arrived();
        queue.push({
          request,
          payload: payloadOf(request),
          resolve: (result) => {
            back.settled();
            resolve(result);
          },
          reject: (error) => {
            back.settled();
            reject(error);
          },
        });
        pump();
      }),
    idle: () =>
      running === 0 && queue.length === 0 ? Promise.resolve() : new Promise<void>((wake) => waiters.push(wake)),
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
