// Commands per second over HTTP (16 concurrent clients) beside the same commands through the SDK in process, on
// PGlite (in memory) and, when BANLI_PG_URL is set, on PostgreSQL. Needs `pnpm build`. Usage:
//   node bench/http.mjs [proposals=400] [clients=16]
// Each proposal takes three commands (submit, review.start, review.register); the ratio is the HTTP overhead.
import { seedProposal132402 } from '@banli/schemas/fixtures';
import { createBanli, createManualClock } from '@banli/sdk';
import { createPgliteStore, createPostgresStore } from '@banli/store-postgres';
import { devActorResolver, startServer } from '../dist/index.js';

const proposals = Number(process.argv[2] ?? 400);
const clients = Number(process.argv[3] ?? 16);
const proposer = { role: 'proposer', id: 'member-liang-xiaoheng' };
const committee = { role: 'committee', id: 'cppcc-office' };
const run = Date.now().toString(36);

async function pool(n, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < n) await work(next++);
    }),
  );
}

async function inProcess(store, tag) {
  const banli = createBanli({ store, clock: createManualClock('2023-02-20') });
  const t0 = performance.now();
  await pool(proposals, async (i) => {
    const id = `bench-${tag}-${run}-${i}`;
    await banli.submit({ ...seedProposal132402, id }, { actor: proposer, at: '2023-02-20' });
    await banli.send(id, { type: 'review.start', at: '2023-02-21' }, { actor: committee });
    await banli.send(id, { type: 'review.register', at: '2023-03-01' }, { actor: committee });
  });
  return (3 * proposals) / ((performance.now() - t0) / 1000);
}

async function overHttp(store, tag) {
  const server = await startServer({
    port: 0,
    store,
    resolveActor: devActorResolver,
    tickIntervalMs: 0,
    banli: { clock: createManualClock('2023-02-20') },
  });
  const post = async (path, body, actor) => {
    const res = await fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-banli-actor': actor },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const t0 = performance.now();
  await pool(proposals, async (i) => {
    const id = `bench-${tag}-${run}-${i}`;
    await post(
      '/v1/proposals',
      { proposal: { ...seedProposal132402, id }, at: '2023-02-20' },
      'proposer:member-liang-xiaoheng',
    );
    await post(
      `/v1/proposals/${id}/events`,
      { event: { type: 'review.start', at: '2023-02-21' } },
      'committee:cppcc-office',
    );
    await post(
      `/v1/proposals/${id}/events`,
      { event: { type: 'review.register', at: '2023-03-01' } },
      'committee:cppcc-office',
    );
  });
  const rate = (3 * proposals) / ((performance.now() - t0) / 1000);
  await server.close();
  return rate;
}

const rows = [];
for (const [name, open] of [
  ['PGlite (memory)', () => createPgliteStore()],
  ...(process.env.BANLI_PG_URL
    ? [['PostgreSQL', () => createPostgresStore({ connectionString: process.env.BANLI_PG_URL })]]
    : []),
]) {
  const a = await open();
  const sdk = await inProcess(a, 's');
  await a.close?.();
  const http = await overHttp(await open(), 'h');
  rows.push({ store: name, sdk: sdk.toFixed(0), http: http.toFixed(0), ratio: (sdk / http).toFixed(2) });
}
console.log(`${proposals} proposals × 3 commands, ${clients} concurrent clients`);
console.table(rows);
