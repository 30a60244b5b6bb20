// Store throughput: SDK commands per second on PGlite (file) and PostgreSQL (one and several callers), and the time
// of one tick over many open cases. Run after building: `npx tsup` here and in schemas, calendar, core and sdk.
// BANLI_PG_URL selects the server (PostgreSQL parts are skipped without it).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { presets } from '@banli/core';
import { seedAssignment132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { createBanli, createManualClock, createMemoryStore } from '@banli/sdk';
import pg from 'pg';
import { createPgliteStore, createPostgresStore } from '../dist/index.js';

const N = Number(process.env.BENCH_PROPOSALS ?? 100);
const CALLERS = Number(process.env.BENCH_CALLERS ?? 8);
const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const DUE_CASES = Math.min(CASES, Number(process.env.BENCH_DUE_CASES ?? 200));
const PG_URL = process.env.BANLI_PG_URL;
const policy = presets.guangdongCity;
const committee = { role: 'committee', id: 'committee' };
const office = { role: 'assigningOffice', id: 'office', unitId: 'zs-government-office' };
const lead = { role: 'leadUnit', id: 'clerk', unitId: 'zs-commerce' };
const assignment = { ...seedAssignment132402, mode: 'sole', coUnits: [] };

const banliOn = (store) => createBanli({ store, policy, clock: createManualClock('2023-02-20') });

/** One proposal from submission to an accepted case with two contact records: 7 commands. */
async function lifecycle(banli, id) {
  const caseId = `${id}/zs-commerce`;
  await banli.submit({ ...seedProposal132402, id }, { actor: committee, at: '2023-02-20' });
  await banli.send(id, { type: 'review.start', at: '2023-02-21' }, { actor: committee });
  await banli.send(id, { type: 'review.register', at: '2023-03-01' }, { actor: committee });
  await banli.send(id, { type: 'assignment.assign', at: '2023-03-15', assignment }, { actor: office });
  await banli.send(id, { type: 'case.accept', at: '2023-03-16', caseId }, { actor: lead });
  for (const note of ['a', 'b']) {
    const contact = {
      type: 'case.recordContact',
      at: '2023-03-20',
      caseId,
      proposerId: 'member-liang-xiaoheng',
      method: 'phone',
      note,
    };
    await banli.send(id, contact, { actor: lead });
  }
  return 7;
}

/** Runs `total` lifecycles with `callers` concurrent callers; returns commands per second. */
async function throughput(banli, prefix, total, callers) {
  let next = 0;
  let commands = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let i = next++; i < total; i = next++) {
        // Await first: `commands += await …` would read the total before the await and lose concurrent callers' counts.
        const done = await lifecycle(banli, `${prefix}-${i}`);
        commands += done;
      }
    }),
  );
  return commands / ((performance.now() - t0) / 1000);
}

/** Submits, registers and assigns one proposal on the given four dates; its deadlines follow from them. */
async function assigned(banli, id, [submitted, started, registered, assignedAt]) {
  await banli.submit({ ...seedProposal132402, id }, { actor: committee, at: submitted });
  await banli.send(id, { type: 'review.start', at: started }, { actor: committee });
  await banli.send(id, { type: 'review.register', at: registered }, { actor: committee });
  const dated = { ...assignment, date: assignedAt };
  await banli.send(id, { type: 'assignment.assign', at: assignedAt, assignment: dated }, { actor: office });
}

/** The whole stored stream of `id` as JSON text, to copy under other ids through the store port. */
async function streamText(store, id) {
  const [events, loaded, summary, deadlines] = await Promise.all([
    store.readStream(id),
    store.load(id),
    store.getSummary(id),
    store.listDeadlines(id),
  ]);
  return { id, text: JSON.stringify({ events, snapshot: loaded.snapshot, summary, deadlines }) };
}

/** Fills the store with `count` open cases: the first `dueCount` have deadlines due before 2023-06-01, the rest later. */
async function openCases(banli, count, dueCount, callers) {
  await assigned(banli, 'tpl-due', ['2023-02-20', '2023-02-21', '2023-03-01', '2023-03-15']);
  await assigned(banli, 'tpl-later', ['2023-06-12', '2023-06-13', '2023-06-14', '2023-06-20']);
  const templates = [await streamText(banli.store, 'tpl-due'), await streamText(banli.store, 'tpl-later')];
  let next = 0;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let i = next++; i < count; i = next++) {
        const { id, text } = templates[i < dueCount ? 0 : 1];
        const streamId = `open-${String(i).padStart(6, '0')}`;
        const copy = JSON.parse(text.replaceAll(id, streamId));
        await banli.store.append({ ...copy, streamId, expectedVersion: 0 });
      }
    }),
  );
  return (await banli.store.deadlinesDueBetween('0000-01-01', '2023-05-31')).length;
}

async function tickFigures(banli, label, callers) {
  const t0 = performance.now();
  const due = await openCases(banli, CASES, DUE_CASES, callers);
  const loadS = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `${label}: stored ${CASES} open cases (${DUE_CASES} with due deadlines, ${due} deadlines due) in ${loadS} s`,
  );
  let t = performance.now();
  const idle = await banli.tick('2023-03-16');
  const idleMs = (performance.now() - t).toFixed(0);
  console.log(`${label}: one tick over ${CASES} open cases, nothing due: ${idleMs} ms (fired ${idle.fired.length})`);
  t = performance.now();
  const full = await banli.tick('2023-06-01', { claimant: `bench-${label}` });
  const s = (performance.now() - t) / 1000;
  const rate = (full.fired.length / s).toFixed(0);
  console.log(
    `${label}: one tick over ${CASES} open cases firing ${full.fired.length} deadlines: ${s.toFixed(1)} s (${rate} firings/s)`,
  );
}

async function pglite() {
  const dataDir = await mkdtemp(join(tmpdir(), 'banli-bench-'));
  try {
    const banli = banliOn(await createPgliteStore({ dataDir }));
    console.log(
      `PGlite (file ${dataDir}): ${(await throughput(banli, 'seq', N, 1)).toFixed(0)} commands/s (1 caller, ${N * 7} commands)`,
    );
    await tickFigures(banli, 'PGlite', 1);
    await banli.store.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function postgres() {
  const schema = `banli_bench_${randomBytes(4).toString('hex')}`;
  const store = await createPostgresStore({ connectionString: PG_URL, schema, max: CALLERS + 2 });
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    const settings = await admin.query("select current_setting('fsync') f, current_setting('synchronous_commit') s");
    console.log(`PostgreSQL: fsync=${settings.rows[0].f}, synchronous_commit=${settings.rows[0].s}`);
    const banli = banliOn(store);
    console.log(
      `PostgreSQL: ${(await throughput(banli, 'seq', N, 1)).toFixed(0)} commands/s (1 caller, ${N * 7} commands)`,
    );
    const rate = await throughput(banli, 'par', N * 4, CALLERS);
    console.log(`PostgreSQL: ${rate.toFixed(0)} commands/s (${CALLERS} concurrent callers, ${N * 28} commands)`);
    await tickFigures(banli, 'PostgreSQL', CALLERS);
  } finally {
    await store.close();
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  }
}

console.log(`node ${process.version}; ${N} proposals x 7 commands; tick over ${CASES} cases`);
// The in-memory store on the same machine and run separates the SDK's own cost from the database's.
const memoryRate = await throughput(banliOn(createMemoryStore()), 'mem', N, 1);
console.log(`memory store (baseline): ${memoryRate.toFixed(0)} commands/s (1 caller, ${N * 7} commands)`);
if (!process.env.BENCH_SKIP_PGLITE) await pglite();
if (PG_URL) await postgres();
else console.warn('BANLI_PG_URL is not set: PostgreSQL figures skipped');
