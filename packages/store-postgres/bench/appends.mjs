// Raw store throughput: `store.append` calls per second on PostgreSQL with 1 and 16 concurrent callers, each append
// of realistic size (one ~2 KB event, a ~25 KB snapshot, much of it Chinese text, a summary row, 6 deadline entries
// with alerts), each caller doing `load` then `append` like an SDK command. Also counts the statements and bytes one
// append sends. Run after `npx tsup` here: `BANLI_PG_URL=… node bench/appends.mjs` (env: BENCH_SECONDS, BENCH_ROUNDS,
// BENCH_CALLERS=1,16, BENCH_GROUP=off to disable group commit, BENCH_INFLIGHT, BENCH_DIST).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const { createPgExecutor, createSqlStore } = await import(process.env.BENCH_DIST ?? '../dist/index.js');

const PG_URL = process.env.BANLI_PG_URL;
if (!PG_URL) throw new Error('set BANLI_PG_URL');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CALLERS = (process.env.BENCH_CALLERS ?? '1,16').split(',').map(Number);
// createPostgresStore's default group commit, unless BENCH_GROUP=off.
const GROUP =
  process.env.BENCH_GROUP === 'off' ? false : { maxBatch: 64, inFlight: Number(process.env.BENCH_INFLIGHT ?? 1) };

const zh = '关于加快直播电商发展推动实体经济转型升级的建议，经综合各单位意见，现答复如下：';
const text = (n) => zh.repeat(Math.ceil(n / zh.length)).slice(0, n);

function eventOf(streamId, version) {
  return {
    streamId,
    version,
    type: 'case.recordContact',
    event: { type: 'case.recordContact', at: '2023-03-20', caseId: `${streamId}/zs-commerce`, note: text(400) },
    actor: { role: 'leadUnit', id: 'chen-qihang', unitId: 'zs-commerce' },
    recordedAt: 1_700_000_000_000 + version,
    stateBefore: { proposal: 'inHandling', cases: { 'zs-commerce': 'handling.contacting' } },
    stateAfter: { proposal: 'inHandling', cases: { 'zs-commerce': 'handling.contacting' } },
    machine: { id: 'banli.proposal', version: '1.0.0' },
    emitted: [{ type: 'case.contactRecorded', at: '2023-03-20', caseId: `${streamId}/zs-commerce` }],
    meta: { deadlineChanges: [{ deadlineId: 'reply', oldDue: '2023-06-30', newDue: '2023-07-03' }] },
  };
}

function snapshotOf(streamId, version) {
  const cases = {};
  for (const unit of ['zs-commerce', 'zs-finance', 'zs-culture']) {
    cases[`${streamId}/${unit}`] = {
      value: { handling: 'contacting' },
      context: { opinions: [text(500), text(500)], letter: text(1000), contacts: [{ note: text(150) }] },
    };
  }
  return {
    streamId,
    version,
    state: { proposal: { value: 'inHandling', context: { title: text(60), body: text(1200), version } }, cases },
    machine: { id: 'banli.proposal', version: '1.0.0' },
    recordedAt: 1_700_000_000_000 + version,
  };
}

const summaryOf = (streamId, version) => ({
  streamId,
  version,
  state: 'inHandling',
  caseStates: ['handling.contacting', 'handling.contacting', 'handling.contacting'],
  tags: ['clock.running'],
  unitIds: ['zs-commerce', 'zs-finance', 'zs-culture'],
  proposerIds: ['member-liang-xiaoheng', 'member-2'],
  updatedAt: 1_700_000_000_000 + version,
  facts: { title: text(40), classes: ['A'], replyDue: '2023-06-30', cases: { a: { firstReplyAt: null } } },
});

const deadlinesOf = (streamId) =>
  ['accept', 'reply', 'coUnit-1', 'coUnit-2', 'feedback', 'contact'].map((kind, i) => ({
    streamId,
    deadlineId: `${kind}:${streamId}/zs-commerce`,
    kind,
    due: `2023-0${4 + (i % 5)}-${10 + i}`,
    status: 'open',
    caseId: `${streamId}/zs-commerce`,
    unitId: 'zs-commerce',
    alerts: [
      { id: 'reminder:10', at: `2023-0${4 + (i % 5)}-0${i + 1}` },
      { id: 'escalation:0', at: `2023-0${4 + (i % 5)}-${11 + i}` },
    ],
  }));

const requestOf = (streamId, expectedVersion) => ({
  streamId,
  expectedVersion,
  events: [eventOf(streamId, expectedVersion + 1)],
  snapshot: snapshotOf(streamId, expectedVersion + 1),
  summary: summaryOf(streamId, expectedVersion + 1),
  deadlines: deadlinesOf(streamId),
});

/** Runs `callers` loops of load + append (each on its own stream) for SECONDS; returns appends per second. */
async function run(store, callers, prefix) {
  let count = 0;
  let stop = false;
  const t0 = performance.now();
  setTimeout(() => {
    stop = true;
  }, SECONDS * 1000);
  await Promise.all(
    Array.from({ length: callers }, async (_, c) => {
      const streamId = `${prefix}-${c}`;
      let version = 0;
      while (!stop) {
        const loaded = await store.load(streamId);
        version = loaded?.version ?? 0;
        await store.append(requestOf(streamId, version));
        count++;
      }
    }),
  );
  return count / ((performance.now() - t0) / 1000);
}

/** Counts statements and parameter bytes of one append after a warm-up. */
async function profile(schema) {
  const inner = createPgExecutor({ connectionString: PG_URL, max: 2 });
  let statements = 0;
  let bytes = 0;
  const count = (sql, params) => {
    statements++;
    bytes += Buffer.byteLength(sql) + (params ?? []).reduce((n, p) => n + Buffer.byteLength(String(p ?? '')), 0);
  };
  const executor = {
    query: (sql, params, opts) => {
      count(sql, params);
      return inner.query(sql, params, opts);
    },
    transaction: (fn) =>
      inner.transaction((tx) => {
        statements += 2; // begin, commit
        return fn({
          query: (sql, params, opts) => {
            count(sql, params);
            return tx.query(sql, params, opts);
          },
        });
      }),
    close: () => inner.close(),
  };
  const store = await createSqlStore(executor, { schema, groupCommit: GROUP });
  await store.append(requestOf('profile', 0));
  await store.append(requestOf('profile', 1));
  statements = 0;
  bytes = 0;
  await store.append(requestOf('profile', 2));
  const append = { statements, bytes };
  statements = 0;
  bytes = 0;
  await store.load('profile');
  const load = { statements, bytes };
  await store.close();
  return { append, load };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const schema = `bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: PG_URL });
await admin.connect();
try {
  console.log('profile (round trips and bytes sent per operation):', JSON.stringify(await profile(schema)));
  // Counts batches and the time spent in them, to report the average batch size and statement latency.
  const inner = createPgExecutor({ connectionString: PG_URL, max: 20 });
  const stats = { batches: 0, batchMs: 0, loads: 0, loadMs: 0 };
  const timed = async (count, ms, run) => {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      stats[count]++;
      stats[ms] += performance.now() - t0;
    }
  };
  const executor = {
    query: (sql, params, opts) =>
      sql.includes('append_batch')
        ? timed('batches', 'batchMs', () => inner.query(sql, params, opts))
        : sql.includes('jsonb_agg')
          ? timed('loads', 'loadMs', () => inner.query(sql, params, opts))
          : inner.query(sql, params, opts),
    transaction: (fn) => inner.transaction(fn),
    close: () => inner.close(),
  };
  const store = await createSqlStore(executor, { schema, groupCommit: GROUP });
  const results = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const callers of CALLERS) {
      Object.assign(stats, { batches: 0, batchMs: 0, loads: 0, loadMs: 0 });
      const rate = await run(store, callers, `r${round}-c${callers}`);
      results[callers] = [...(results[callers] ?? []), rate];
      const perBatch = stats.batches ? ((rate * SECONDS) / stats.batches).toFixed(1) : '-';
      const batchMs = stats.batches ? (stats.batchMs / stats.batches).toFixed(1) : '-';
      const loadMs = stats.loads ? (stats.loadMs / stats.loads).toFixed(1) : '-';
      console.log(
        `round ${round + 1}: ${callers} caller(s): ${rate.toFixed(0)} appends/s` +
          ` (${perBatch} appends/batch, ${batchMs} ms/batch, ${loadMs} ms/load)`,
      );
    }
  }
  for (const callers of CALLERS) {
    console.log(`median ${callers} caller(s): ${median(results[callers]).toFixed(0)} appends/s`);
  }
  await store.close();
} finally {
  await admin.query(`drop schema if exists "${schema}" cascade`);
  await admin.end();
}
