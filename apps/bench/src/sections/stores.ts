import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaMainland } from '@banli/calendar';
import { type AppendRequest, createBanli, createManualClock, createMemoryStore, type Store } from '@banli/sdk';
import type { SqlExecutor, SqlStoreOptions } from '@banli/store-postgres';
import { fmt, fmtStat, msSince, stat } from '../harness.js';
import { policy } from '../machines.js';
import type { Section } from '../report.js';
import { pairedStat, runRounds } from '../runner.js';
import { prepare } from '../variants.js';
import { actors, idOf } from '../workload.js';

/** Options of the store measurements. */
export interface StoresOptions {
  /** Lifecycles per throughput run, and concurrent callers. */
  lifecycles: number;
  concurrency: number;
  runs: number;
  /** Open cases for the tick measurement (in-memory store). */
  openCases: number;
  /** Open cases for the tick measurement on PGlite and PostgreSQL (seeded through the store, one append each). */
  sqlOpenCases: number;
  /** PGlite on disk (durable; its first start runs initdb, ~10–40 s here), in memory, or left out (smoke test). */
  pglite: 'disk' | 'memory' | 'skip';
  /** Milliseconds of the bare-commit floor measurement. */
  rawMs: number;
  /** Lifecycles of the warm-up before each throughput measurement. */
  warmupLifecycles: number;
  /**
   * Rounds of the interleaved PostgreSQL comparison (banli and the two bare-insert ceilings, order rotated), per
   * number of callers. @defaultValue `runs`
   */
  pgRounds?: number;
  /** PostgreSQL connection string (`BANLI_PG_URL`); its rows are skipped without it. */
  pgUrl?: string | undefined;
}

type StorePackage = {
  createPgliteStore(o: { dataDir?: string; schema?: string }): Promise<Store>;
  createPgExecutor(o: { connectionString: string; max?: number }): SqlExecutor;
  createSqlStore(executor: SqlExecutor, o?: SqlStoreOptions): Promise<Store>;
};

async function loadStorePackage(): Promise<StorePackage | string> {
  try {
    const mod = (await import('@banli/store-postgres')) as Partial<StorePackage>;
    if (
      typeof mod.createPgliteStore !== 'function' ||
      typeof mod.createPgExecutor !== 'function' ||
      typeof mod.createSqlStore !== 'function'
    ) {
      return 'store not available (@banli/store-postgres lacks createPgliteStore/createPgExecutor/createSqlStore)';
    }
    return mod as StorePackage;
  } catch (error) {
    return `store not available (${(error as Error).message.split('\n')[0]})`;
  }
}

/** The group-commit statements (`append_batch`, one per batch and commit) each PostgreSQL store has run so far. */
const batchCounts = new WeakMap<Store, () => number>();

/**
 * A PostgreSQL store as `createPostgresStore` makes it (a `pg` executor under `createSqlStore`), whose executor counts
 * the group-commit statements it runs (`batchCounts`), so a run can report how many appends shared a commit.
 */
async function countedPostgresStore(
  pkg: StorePackage,
  o: { connectionString: string; max: number } & SqlStoreOptions,
): Promise<Store> {
  const inner = pkg.createPgExecutor({ connectionString: o.connectionString, max: o.max });
  let batches = 0;
  const executor: SqlExecutor = {
    query(sql, params, options) {
      if (sql.includes('.append_batch(')) batches++;
      return inner.query(sql, params, options);
    },
    transaction: (fn) => inner.transaction(fn),
    close: () => inner.close(),
  };
  try {
    const store = await pkg.createSqlStore(executor, o);
    batchCounts.set(store, () => batches);
    return store;
  } catch (error) {
    await executor.close();
    throw error;
  }
}

const banliOn = (store: Store) =>
  createBanli({ store, policy, calendar: chinaMainland, clock: createManualClock('2023-02-20') });

/** A throughput sample: operations per second, and CPU per operation of this process and of the server. */
interface Sample {
  rate: number;
  /** CPU µs per operation of this process (every thread: `process.cpuUsage`). */
  clientUs: number;
  /** CPU µs per operation of the server backends that served it (NaN where they cannot be read). */
  serverUs: number;
  /** Operations per group-commit statement (NaN where not counted; 1 for a bare insert). */
  perBatch: number;
}

/** Measures the CPU the server spent for one run: `stop` resolves to µs on CPU since `start`, NaN if unreadable. */
type ServerCpu = { start(): Promise<void>; stop(): Promise<number> };

/**
 * CPU time of the server backends connected under `applicationName`, read from Linux `/proc/<pid>/schedstat` (time on
 * CPU): a server on this machine (loopback) whose processes this one may read. The backends are listed at `start` and
 * again at `stop`: one present at both counts its CPU between them, one connected meanwhile (the pool opened it
 * during the run) all its CPU, one gone meanwhile (the pool closed it) its CPU up to `start`'s reading. NaN when they
 * cannot be read (another machine, another pid namespace, no permission).
 */
function serverCpu(url: string, applicationName: string): ServerCpu {
  const read = (pid: number): number | undefined => {
    try {
      return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1000;
    } catch {
      return undefined;
    }
  };
  const backends = async (): Promise<number[]> => {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>(
        'select pid from pg_stat_activity where application_name = $1',
        [applicationName],
      );
      return rows.map((r) => Number(r.pid));
    } finally {
      await client.end();
    }
  };
  let before = new Map<number, number>();
  let readable = true;
  return {
    async start() {
      before = new Map();
      for (const pid of await backends()) {
        const cpu = read(pid);
        if (cpu === undefined) readable = false;
        else before.set(pid, cpu);
      }
    },
    async stop() {
      let sum = 0;
      for (const pid of await backends()) {
        const cpu = read(pid);
        if (cpu === undefined) readable = false;
        else sum += cpu - (before.get(pid) ?? 0);
      }
      return readable ? sum : Number.NaN;
    },
  };
}

/** `url` with `application_name` set, so the server's backends serving this connection can be found. */
const withApplicationName = (url: string, name: string): string =>
  `${url}${url.includes('?') ? '&' : '?'}application_name=${name}`;

/**
 * Commands per second through `banli` with `concurrency` callers, each driving its own proposals' lifecycles, with
 * this process's CPU per command and, given `server` (a reader of the backends' CPU), the server's.
 */
async function commandsPerSecond(
  store: Store,
  lifecycles: number,
  concurrency: number,
  offset: number,
  server?: ServerCpu,
): Promise<Sample> {
  const banli = banliOn(store);
  const work = prepare(lifecycles, offset);
  let next = 0;
  let commands = 0;
  const worker = async () => {
    for (let i = next++; i < work.length; i = next++) {
      const w = work[i] as (typeof work)[number];
      await banli.submit(w.proposal, { actor: actors.committee, draft: true, at: '2023-02-20' });
      commands++;
      for (const [event, actor] of w.commands) {
        await banli.send(w.id, event, { actor });
        commands++;
      }
    }
  };
  await server?.start();
  const batches = batchCounts.get(store);
  const b0 = batches?.() ?? Number.NaN;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = msSince(t0);
  const c = process.cpuUsage(c0);
  const serverUs = (server ? await server.stop() : Number.NaN) / commands;
  const perBatch = commands / ((batches?.() ?? Number.NaN) - b0);
  return { rate: (commands / ms) * 1000, clientUs: (c.user + c.system) / commands, serverUs, perBatch };
}

/** The append requests of one proposal up to `case.accept`, merged into one request (a template for seeding). */
async function openCaseTemplate(): Promise<AppendRequest> {
  const inner = createMemoryStore();
  const requests: AppendRequest[] = [];
  const recording: Store = {
    ...inner,
    // Whole rows: the template's last request is replayed as a stream's creation, which carries its whole summary.
    partialAppends: false,
    append: (request) => {
      requests.push(JSON.parse(JSON.stringify(request)));
      return inner.append(request);
    },
  };
  const banli = banliOn(recording);
  const [w] = prepare(1, 90_000_000);
  if (!w) throw new Error('no work');
  await banli.submit(w.proposal, { actor: actors.committee, draft: true, at: '2023-02-20' });
  for (const [event, actor] of w.commands.slice(0, 5)) await banli.send(w.id, event, { actor });
  const last = requests[requests.length - 1] as AppendRequest;
  return { ...last, expectedVersion: 0, events: requests.flatMap((r) => r.events) };
}

/** Seeds `n` proposals with an open case each (one append per proposal), `concurrency` appends in flight. */
async function seedOpenCases(store: Store, template: AppendRequest, n: number, concurrency: number) {
  const text = JSON.stringify(template);
  const templateId = template.streamId;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const id = idOf(i);
      await store.append(JSON.parse(text.split(templateId).join(id)) as AppendRequest);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * The JSON texts banli sends for one whole lifecycle's appends (13 append requests), to insert bare: written with the
 * measured store's snapshot interval (`Store.snapshotEvery`, 4 for the SQL stores) and partial appends, so they are
 * the requests banli hands that store, not the in-memory store's (a snapshot on every command).
 */
async function lifecyclePayloads(snapshotEvery: number | undefined, partialAppends: boolean | undefined) {
  const inner = createMemoryStore();
  const texts: string[] = [];
  const banli = banliOn({
    ...inner,
    snapshotEvery,
    partialAppends,
    append: (request) => {
      texts.push(JSON.stringify(request));
      return inner.append(request);
    },
  });
  const [w] = prepare(1, 70_000_000);
  if (!w) throw new Error('no work');
  await banli.submit(w.proposal, { actor: actors.committee, draft: true, at: '2023-02-20' });
  for (const [event, actor] of w.commands) await banli.send(w.id, event, { actor });
  return texts;
}

/** PostgreSQL settings that decide whether a commit survives an OS crash or power loss. */
export interface DurabilitySettings {
  fsync: string;
  synchronous_commit: string;
  wal_sync_method: string;
}

/**
 * Whether a committed transaction is durable under these settings, and the label a store row carries: durable only
 * with `fsync` on and `synchronous_commit` not off (`off` acknowledges before the WAL is flushed).
 */
export function durabilityLabel(s: DurabilitySettings): { durable: boolean; label: string } {
  const durable = s.fsync === 'on' && s.synchronous_commit !== 'off';
  return {
    durable,
    label:
      `${durable ? 'durable' : 'NOT durable'}: fsync ${s.fsync}, synchronous_commit ${s.synchronous_commit}, ` +
      `wal_sync_method ${s.wal_sync_method}`,
  };
}

/** The durability of commits on the server at `url`, read from its settings. */
async function durabilityOf(url: string): Promise<{ durable: boolean; label: string }> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const show = async (name: string) => (await client.query(`SHOW ${name}`)).rows[0]?.[name] as string;
    return durabilityLabel({
      fsync: await show('fsync'),
      synchronous_commit: await show('synchronous_commit'),
      wal_sync_method: await show('wal_sync_method'),
    });
  } finally {
    await client.end();
  }
}

/**
 * Bare single-row INSERT commits per second on the same server with `concurrency` callers: each inserts the next of
 * `payloads` into a jsonb column (banli's own append payloads: the same sizes and JSON), or 500 bytes of text; with
 * this process's and the server's CPU per commit, as `commandsPerSecond` measures banli's.
 */
async function bareInsertsPerSecond(
  url: string,
  concurrency: number,
  ms: number,
  payloads: readonly string[] | 'text500',
): Promise<Sample> {
  const pg = (await import('pg')).default;
  const name = `bench_raw_${process.pid}_${payloads === 'text500' ? 'text' : 'jsonb'}`;
  const pool = new pg.Pool({ connectionString: withApplicationName(url, name), max: concurrency });
  const table = name;
  const column = payloads === 'text500' ? 'text' : 'jsonb';
  try {
    await pool.query(`CREATE TABLE IF NOT EXISTS ${table} (id bigserial PRIMARY KEY, payload ${column})`);
    const text = 'x'.repeat(500);
    let n = 0;
    const insert = () => {
      const payload = payloads === 'text500' ? text : payloads[n % payloads.length];
      n++;
      return pool.query(`INSERT INTO ${table} (payload) VALUES ($1)`, [payload]);
    };
    // Every connection of the pool opened (so the server's CPU is read from all of them), then timed.
    await Promise.all(Array.from({ length: concurrency }, insert));
    const server = serverCpu(url, name);
    await server.start();
    n = 0;
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const worker = async () => {
      while (msSince(t0) < ms) await insert();
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = msSince(t0);
    const c = process.cpuUsage(c0);
    const serverUs = (await server.stop()) / n;
    return { rate: (n / elapsed) * 1000, clientUs: (c.user + c.system) / n, serverUs, perBatch: 1 };
  } finally {
    await pool.query(`DROP TABLE IF EXISTS ${table}`);
    await pool.end();
  }
}

interface StoreRows {
  name: string;
  open: () => Promise<Store>;
  cleanup?: () => Promise<void>;
  concurrency: number[];
  openCases: number;
}

/** Stores: durable commands per second (PGlite, PostgreSQL over loopback) and one tick over many open cases. */
export async function stores(o: StoresOptions): Promise<Section> {
  const rows: string[][] = [];
  const notes: string[] = [];
  const targets: Section['targets'] = [];
  const pkg = await loadStorePackage();
  const schema = `bench_${process.pid}_${Date.now()}`;
  const banliApplication = `banli_bench_${process.pid}`;
  const dirs: string[] = [];
  const durability = o.pgUrl && typeof pkg !== 'string' ? (await durabilityOf(o.pgUrl)).label : 'not measured';
  const candidates: (StoreRows | { name: string; skipped: string })[] = [
    {
      name: 'in-memory (reference; not durable)',
      open: async () => createMemoryStore(),
      concurrency: [1],
      openCases: o.openCases,
    },
  ];
  if (typeof pkg === 'string') {
    candidates.push({ name: 'PGlite', skipped: pkg }, { name: 'PostgreSQL (loopback)', skipped: pkg });
  } else {
    if (o.pglite === 'skip') candidates.push({ name: 'PGlite', skipped: 'skipped: left out of this run' });
    else
      candidates.push({
        // PGlite never calls fsync (upstream electric-sql/pglite#1107): it survives a process crash, not an OS crash.
        name:
          o.pglite === 'disk'
            ? 'PGlite (file-backed, in process; not durable: never fsyncs, survives a process crash but not an OS crash or power loss)'
            : 'PGlite (in memory, in process; not durable)',
        open: async () => {
          if (o.pglite === 'memory') return pkg.createPgliteStore({});
          const dir = mkdtempSync(join(tmpdir(), 'banli-bench-pglite-'));
          dirs.push(dir);
          return pkg.createPgliteStore({ dataDir: dir });
        },
        concurrency: [1, 8],
        openCases: Math.min(o.sqlOpenCases, 2_000),
      });
    if (o.pgUrl) {
      const url = o.pgUrl;
      candidates.push({
        name: `PostgreSQL (loopback; ${durability})`,
        open: () =>
          countedPostgresStore(pkg, {
            connectionString: withApplicationName(url, banliApplication),
            schema,
            max: Math.max(10, o.concurrency),
          }),
        cleanup: async () => {
          const pg = (await import('pg')).default;
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await client.end();
        },
        concurrency: [1, o.concurrency],
        openCases: o.sqlOpenCases,
      });
    } else candidates.push({ name: 'PostgreSQL (loopback)', skipped: 'skipped: BANLI_PG_URL not set' });
  }
  const template = await openCaseTemplate();
  let payloads: string[] | undefined;
  let offset = 0;
  const nextOffset = () => {
    offset += 1_000_000;
    return offset;
  };
  for (const c of candidates) {
    if ('skipped' in c) {
      rows.push([c.name, '–', c.skipped.startsWith('skipped') ? c.skipped : `skipped: ${c.skipped}`, '–', '–']);
      continue;
    }
    const log = (what: string) =>
      process.stderr.write(`  stores: ${c.name}: ${what} (${(performance.now() / 1000).toFixed(1)} s)\n`);
    log('opening');
    const store = await c.open();
    log('open');
    try {
      for (const k of c.concurrency) {
        await commandsPerSecond(store, o.warmupLifecycles, k, nextOffset()); // warm-up
        if (!(c.name.startsWith('PostgreSQL') && o.pgUrl)) {
          const rates: number[] = [];
          for (let r = 0; r < o.runs; r++) {
            rates.push((await commandsPerSecond(store, o.lifecycles, k, nextOffset())).rate);
          }
          log(`${k} callers measured`);
          rows.push([c.name, String(k), `${fmtStat(stat(rates))} commands/s`, '', '']);
          continue;
        }
        // PostgreSQL: banli and the bare inserts interleaved round by round (order rotated), ratios paired by round.
        // Under load the commits/s ratio says little: the ceiling runs on 16 server processes, banli on this process
        // and one backend per batch in flight, and the OS shares a busy CPU between processes, not workloads. CPU per
        // operation (this process plus the server backends it used) is the comparison load moves least.
        const url = o.pgUrl;
        payloads ??= await lifecyclePayloads(store.snapshotEvery, store.partialAppends);
        const pay = payloads;
        // At the most callers, banli also runs with two group-commit batches in flight (`groupCommit.inFlight: 2`,
        // a second store on the same schema), for a measurement of that setting beside the default's.
        const inFlight2 =
          k === o.concurrency
            ? await countedPostgresStore(pkg as StorePackage, {
                connectionString: withApplicationName(url, `${banliApplication}_if2`),
                schema,
                max: Math.max(10, o.concurrency),
                groupCommit: { maxBatch: 64, inFlight: 2 },
              })
            : undefined;
        if (inFlight2) await commandsPerSecond(inFlight2, o.warmupLifecycles, k, nextOffset()); // its warm-up
        const keys = ['banli', 'same', 'text500', ...(inFlight2 ? ['banli2'] : [])] as const;
        const r = await runRounds(
          keys as readonly ('banli' | 'same' | 'text500' | 'banli2')[],
          o.pgRounds ?? o.runs,
          async (v) =>
            v === 'banli' || v === 'banli2'
              ? commandsPerSecond(
                  v === 'banli' ? store : (inFlight2 as Store),
                  o.lifecycles,
                  k,
                  nextOffset(),
                  serverCpu(url, v === 'banli' ? banliApplication : `${banliApplication}_if2`),
                )
              : bareInsertsPerSecond(url, k, o.rawMs, v === 'same' ? pay : 'text500'),
        ).finally(() => inFlight2?.close?.());
        log(`${k} callers measured`);
        const rate = (xs: Sample[]) => xs.map((x) => x.rate);
        const cpu = (xs: Sample[]) => xs.map((x) => x.clientUs + x.serverUs);
        const ofSame = pairedStat(rate(r.banli), rate(r.same));
        const of500 = pairedStat(rate(r.banli), rate(r.text500));
        const cpuOfSame = pairedStat(cpu(r.same), cpu(r.banli));
        const meanBytes = pay.reduce((sum, p) => sum + Buffer.byteLength(p), 0) / Math.max(1, pay.length);
        const cpuText = (xs: Sample[], per: string) =>
          Number.isNaN(stat(cpu(xs)).median)
            ? `CPU per ${per}: this process ${fmt(stat(xs.map((x) => x.clientUs)).median)} µs, server not readable`
            : `CPU per ${per}: this process ${fmt(stat(xs.map((x) => x.clientUs)).median)} µs + server ` +
              `${fmt(stat(xs.map((x) => x.serverUs)).median)} µs`;
        // Appends per group-commit statement (and commit), median over the runs: the batch shape behind the rate.
        const batchText = (xs: Sample[]) => `; ${fmt(stat(xs.map((x) => x.perBatch)).median, 1)} appends per commit`;
        rows.push([
          c.name,
          String(k),
          `${fmtStat(stat(rate(r.banli)))} commands/s; ${cpuText(r.banli, 'command')}${batchText(r.banli)}`,
          '',
          '',
        ]);
        rows.push([
          `PostgreSQL: bare single-row jsonb INSERT commits of banli's own append payloads (${fmt(meanBytes)} B mean), the ceiling`,
          String(k),
          `${fmtStat(stat(rate(r.same)))} commits/s; banli reaches ${fmtStat(ofSame, 2)} of it; ${cpuText(r.same, 'commit')}` +
            (Number.isNaN(cpuOfSame.median)
              ? ''
              : `; its CPU per commit ÷ banli's per command ${fmtStat(cpuOfSame, 2)}`),
          '',
          '',
        ]);
        if (inFlight2) {
          rows.push([
            `${c.name}, group commit with 2 batches in flight (\`groupCommit.inFlight: 2\`; the default is 1)`,
            String(k),
            `${fmtStat(stat(rate(r.banli2)))} commands/s, ${fmtStat(pairedStat(rate(r.banli2), rate(r.same)), 2)} of the ` +
              `ceiling, ${fmtStat(pairedStat(rate(r.banli2), rate(r.banli)), 2)} × the default's; ${cpuText(r.banli2, 'command')}${batchText(r.banli2)}`,
            '',
            '',
          ]);
        }
        rows.push([
          'PostgreSQL: bare single-row 500-byte text INSERT commits (reference)',
          String(k),
          `${fmtStat(stat(rate(r.text500)))} commits/s; banli reaches ${fmtStat(of500, 2)} of it`,
          '',
          '',
        ]);
        if (k === o.concurrency) {
          const commands = stat(rate(r.banli));
          targets.push({
            name: `PostgreSQL at ${k} callers ÷ bare same-payload insert ceiling (interleaved)`,
            measured: `${fmtStat(ofSame, 2)} (${fmt(commands.median)} commands/s against ${fmt(stat(rate(r.same)).median)} commits/s)`,
            target: '≥ 0.5',
            met: ofSame.median >= 0.5,
          });
          targets.push({
            name: `PostgreSQL commands/s, ${k} concurrent callers`,
            measured: fmtStat(commands),
            target: '≥ 5,000/s',
            met: commands.median >= 5000,
          });
        }
      }
      const t0 = process.hrtime.bigint();
      await seedOpenCases(store, template, c.openCases, c.concurrency[c.concurrency.length - 1] ?? 1);
      const seedMs = msSince(t0);
      log('seeded');
      const banli = banliOn(store);
      const idle: number[] = [];
      for (let r = 0; r < o.runs; r++) {
        const t1 = process.hrtime.bigint();
        const report = await banli.tick('2023-03-17');
        idle.push(msSince(t1));
        if (report.fired.length + report.reminders + report.escalations > 0) throw new Error('idle tick did work');
      }
      const t2 = process.hrtime.bigint();
      const busy = await banli.tick('2023-03-24');
      const busyMs = msSince(t2);
      const s = stat(idle);
      rows.push([
        c.name,
        '–',
        `seeded ${fmt(c.openCases)} open cases in ${fmt(seedMs / 1000, 1)} s`,
        `${fmtStat(s, 1)} ms`,
        `${fmt(busyMs)} ms (${fmt(busy.reminders)} reminders)`,
      ]);
      if (c.openCases >= 100_000 || c.name.startsWith('PostgreSQL') || c.name.startsWith('in-memory')) {
        targets.push({
          name: `${c.name.split(' (')[0]}: one tick over ${fmt(c.openCases)} open cases (nothing due)`,
          measured: `${fmt(s.median, 1)} ms`,
          target: '< 1 s',
          met: c.openCases >= 100_000 ? s.median < 1000 : undefined,
        });
      }
    } finally {
      await store.close?.();
      await c.cleanup?.();
    }
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (typeof pkg === 'string') notes.push(`PGlite and PostgreSQL rows: ${pkg}.`);
  notes.push(
    'Each command is one `banli.submit`/`banli.send` with one durable append (event, snapshot, summary row, deadline ' +
      'index) in its own transaction; callers run whole lifecycles of distinct proposals concurrently.',
    'The idle tick runs at 2023-03-17, when every seeded case has open deadlines (reply 2023-06-30, first contact ' +
      '2023-04-06) but nothing is due; the busy tick at 2023-03-24 sends one first-contact reminder per case.',
  );
  return {
    title: '5. Stores',
    intro:
      `Commands per second with committed appends, ${o.runs} runs each after a warm-up, and one \`tick\` over many open ` +
      'cases. Every store row says whether a committed command survives an OS crash or power loss: PostgreSQL as its ' +
      'server is configured (`fsync`, `synchronous_commit`, read from the server); PGlite never calls fsync ' +
      '(upstream electric-sql/pglite#1107), so its file-backed store is not durable; the in-memory store is a reference. ' +
      `On PostgreSQL, banli's runs and two bare-insert ceilings run interleaved round by round (${o.pgRounds ?? o.runs} ` +
      'rounds, order rotated), and the ratios are paired by round: the ceiling inserts the append requests banli hands ' +
      "this store (the JSON of a lifecycle's 13 append requests, with the store's snapshot interval and partial " +
      'appends, cycled, into a jsonb column) one row per commit; the 500-byte text insert is given for reference. Each ' +
      'PostgreSQL row also gives the CPU per command or commit of this process (every thread) and of the server ' +
      'backends that served it (Linux `/proc/<pid>/schedstat`, a server on this machine): under load the commits/s ' +
      'ratio says little, as the ceiling runs on 16 server processes and banli on this one and a backend per batch in ' +
      'flight, and the OS shares a busy CPU by process; the CPU ratio is what load moves least.',
    header: ['store', 'callers', 'commands/s median (min–max)', 'idle tick', 'tick sending reminders'],
    rows,
    targets,
    notes,
  };
}
