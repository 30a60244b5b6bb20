import { seedAssignment132402 as assignment, seedProposal132402 as proposal } from '@banli/schemas/fixtures';
import { createManualClock, createMemoryStore } from '@banli/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devActorResolver, firstActor } from '../src/actors.js';
import { type RunningServer, startServer } from '../src/serve.js';
import { actors, client } from './support.js';

// Issue 20 / 16 item 4: SSE fed from the store's outbox. Two servers on one store (as two processes on one
// PostgreSQL): a client connected to one sees the notifications of commands sent to the other, and a reconnect with
// Last-Event-ID resumes exactly after the last event it saw. Before, each server streamed only its own commands.

let a: RunningServer;
let b: RunningServer;
beforeAll(async () => {
  const store = createMemoryStore();
  const start = () =>
    startServer({
      port: 0,
      store,
      resolveActor: firstActor(devActorResolver),
      tickIntervalMs: 0,
      banli: { clock: createManualClock('2023-02-20') },
    });
  a = await start();
  b = await start();
});
afterAll(async () => {
  await a.close();
  await b.close();
});

/** Reads SSE blocks from `url` until `enough` says so; returns the event blocks as { event, id, data }. */
async function readEvents(url: string, headers: Record<string, string>, enough: (n: number) => boolean) {
  const abort = new AbortController();
  const guard = setTimeout(() => abort.abort(), 20_000);
  const res = await fetch(url, { headers, signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const blocks = () =>
    text
      .split('\n\n')
      .filter((block) => block.startsWith('event: '))
      .map((block) => {
        const [event, id, data] = block.split('\n').map((line) => line.slice(line.indexOf(': ') + 2));
        return { event, id, data: JSON.parse(data as string) as { key: string; proposalId: string } };
      });
  try {
    while (!enough(blocks().length)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
  } catch {
    // aborted by the guard: the assertions below say what was missing
  }
  clearTimeout(guard);
  abort.abort();
  return blocks();
}

describe('GET /v1/notifications from the outbox', () => {
  it("should stream another server's notifications, and resume after Last-Event-ID", async () => {
    const as = (actor: string) => ({ 'x-banli-actor': actor });
    const http = client(b.url);
    const watching = readEvents(`${a.url}/v1/notifications`, as(actors.committee), (n) => n >= 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await http('POST', '/v1/proposals', { proposal, at: '2023-02-20' }, as(actors.proposer))).status).toBe(201);
    const send = (event: object, actor: string) =>
      http('POST', `/v1/proposals/${proposal.id}/events`, { event }, as(actor));
    await send({ type: 'review.start', at: '2023-02-21' }, actors.committee);
    await send({ type: 'review.register', at: '2023-03-01' }, actors.committee);
    await send({ type: 'assignment.assign', at: '2023-03-15', assignment }, actors.office);
    const seen = await watching;
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((e) => e.data.proposalId === proposal.id)).toBe(true);
    const all = await b.banli.outbox.read('', { limit: 100 });
    expect(seen.map((e) => e.data.key)).toEqual(all.notifications.slice(0, seen.length).map((n) => n.key));

    // Reconnect to the other server after the first event: the rest follow, none twice.
    const first = seen[0];
    const resumed = await readEvents(
      `${b.url}/v1/notifications`,
      { ...as(actors.committee), 'last-event-id': first?.id as string },
      (n) => n >= all.notifications.length - 1,
    );
    expect(resumed.map((e) => e.data.key)).toEqual(all.notifications.slice(1).map((n) => n.key));
  });
});
