import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedProposal132402 as proposal } from '@banli/schemas/fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { actors, client } from './support.js';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const children: ChildProcess[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'banli-server-'));
afterAll(async () => {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  rmSync(tmp, { recursive: true, force: true });
});

/** Starts `banli-server` as its own process on a free port and resolves to its URL once it prints it. */
function start(args: string[], env: Record<string, string> = {}): Promise<{ url: string; output: () => string }> {
  const child = spawn(process.execPath, [main, '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 120_000);
    const read = (chunk: Buffer) => {
      out += String(chunk);
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m && /API reference: \S+/.test(out)) {
        clearTimeout(timer);
        resolve({ url: m[1] as string, output: () => out });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

describe('banli-server as a process (PGlite by default)', () => {
  it('should print its URL and the API reference URL, serve HTTP, and refuse callers without credentials', async () => {
    const server = await start(['--data-dir', join(tmp, 'data'), '--tick-interval', '0']);
    expect(server.output()).toMatch(/API reference: http:\/\/127\.0\.0\.1:\d+\/reference/);
    expect(server.output()).toMatch(/no way to authenticate callers/);
    const http = client(server.url);
    expect((await http('GET', '/openapi.json')).json.openapi).toBe('3.1.0');
    expect((await http('GET', '/v1/proposals', undefined, { 'x-banli-actor': actors.committee })).status).toBe(401);
  });

  it('should take callers by X-Banli-Actor only in --dev mode, and keep data in the data directory', async () => {
    const server = await start(['--dev', '--data-dir', join(tmp, 'dev'), '--tick-interval', '0']);
    expect(server.output()).toMatch(/dev mode/);
    const http = client(server.url);
    const r = await http('POST', '/v1/proposals', { proposal, at: '2023-02-20' }, { 'x-banli-actor': actors.proposer });
    expect(r.status, r.text).toBe(201);
    const list = await http('GET', '/v1/proposals', undefined, { 'x-banli-actor': actors.committee });
    expect(list.json.items.map((s: { streamId: string }) => s.streamId)).toEqual([proposal.id]);
  });
});

const pg = process.env.BANLI_PG_URL;
describe.skipIf(!pg)('two server processes on one PostgreSQL', () => {
  it('should share the data and let exactly one of two concurrent If-Match sends win', async () => {
    const url = new URL(pg as string);
    const [a, b] = await Promise.all([
      start(['--dev', '--tick-interval', '1000'], { DATABASE_URL: url.toString() }),
      start(['--dev', '--tick-interval', '1000'], { DATABASE_URL: url.toString() }),
    ]);
    const A = client(a.url);
    const B = client(b.url);
    const id = `${proposal.id}-${Date.now()}`;
    const submitted = await A(
      'POST',
      '/v1/proposals',
      { proposal: { ...proposal, id }, at: '2023-02-20' },
      { 'x-banli-actor': actors.proposer },
    );
    expect(submitted.status, submitted.text).toBe(201);
    const seen = await B('GET', `/v1/proposals/${id}`, undefined, { 'x-banli-actor': actors.committee });
    expect(seen.status).toBe(200);
    const etag = seen.headers.get('etag') as string;
    const send = (http: typeof A) =>
      http(
        'POST',
        `/v1/proposals/${id}/events`,
        { event: { type: 'review.start', at: '2023-02-21' } },
        { 'x-banli-actor': actors.committee, 'if-match': etag },
      );
    const results = await Promise.all([send(A), send(B)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const history = await A('GET', `/v1/proposals/${id}/history`, undefined, { 'x-banli-actor': actors.committee });
    expect(history.json.items.filter((e: { type: string }) => e.type === 'review.start')).toHaveLength(1);
  });
});
