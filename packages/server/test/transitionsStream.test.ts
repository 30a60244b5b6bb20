import { seedProposal132402 as proposal } from '@banli/schemas/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/serve.js';
import type { TransitionsEntry } from '../src/transitionsStream.js';
import { actors, client, startTestServer } from './support.js';

let server: RunningServer;
let http: ReturnType<typeof client>;
const as = (actor: string) => ({ 'x-banli-actor': actor });

/** Reads `event: entry` messages of an SSE response until `until` holds (or 20 s pass). */
async function readEntries(
  res: Response,
  until: (entries: TransitionsEntry[]) => boolean,
): Promise<{ entries: TransitionsEntry[]; ids: string[] }> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const entries: TransitionsEntry[] = [];
  const ids: string[] = [];
  let buffer = '';
  const deadline = Date.now() + 20_000;
  while (!until(entries) && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        block
          .split('\n')
          .find((l) => l.startsWith(`${name}: `))
          ?.slice(name.length + 2);
      if (field('event') === 'entry') {
        entries.push(JSON.parse(field('data') as string));
        ids.push(field('id') as string);
      }
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return { entries, ids };
}

beforeAll(async () => {
  server = await startTestServer();
  http = client(server.url);
  const submitted = await http('POST', '/v1/proposals', { proposal, at: '2023-02-20' }, as(actors.proposer));
  expect(submitted.status).toBe(201);
});
afterAll(() => server.close());

const streamOf = (headers: Record<string, string> = {}, query = '') =>
  fetch(`${server.url}/v1/proposals/${proposal.id}/transitions${query}`, {
    headers: { ...as(actors.committee), ...headers },
  });

describe('GET /v1/proposals/{id}/transitions (SSE)', () => {
  it("should send the log's entries with their transitions, then each new event as it is appended", async () => {
    const res = await streamOf();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const sending = (async () => {
      // Sent after the stream opened: it must arrive as it happens, not only as part of the first read.
      await new Promise((r) => setTimeout(r, 700));
      const sent = await http(
        'POST',
        `/v1/proposals/${proposal.id}/events`,
        { event: { type: 'review.start', at: '2023-02-21' } },
        as(actors.committee),
      );
      expect(sent.status).toBe(200);
    })();
    const { entries, ids } = await readEntries(res, (e) => e.some((x) => x.type === 'review.start'));
    await sending;
    expect(entries.map((e) => e.type)).toEqual(['proposal.create', 'proposal.submit', 'review.start']);
    expect(ids).toEqual(['1', '2', '3']);
    const review = entries[2] as TransitionsEntry;
    expect(review.at).toBe('2023-02-21');
    expect(review.actor).toMatchObject({ role: 'committee', id: 'cppcc-office' });
    // The engine's report: the proposal machine took review.start from the submitted state.
    const taken = review.transitions ?? [];
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.every((t) => t.machine === 'proposal' && t.event === 'review.start')).toBe(true);
    expect(taken[0]?.source).toMatch(/^proposal\./);
    expect(taken[0]?.targets.length).toBeGreaterThan(0);
  });

  it('should resume after Last-Event-ID or `after`', async () => {
    const resumed = await readEntries(await streamOf({ 'last-event-id': '2' }), (e) => e.length >= 1);
    expect(resumed.entries.map((e) => e.version)).toEqual([3]);
    const after = await readEntries(await streamOf({}, '?after=1'), (e) => e.length >= 2);
    expect(after.entries.map((e) => e.version)).toEqual([2, 3]);
  });

  it('should answer 404 for an unknown proposal and 422 for a bad `after`, before any stream', async () => {
    const missing = await http('GET', '/v1/proposals/no-such-item/transitions', undefined, as(actors.committee));
    expect(missing.status).toBe(404);
    const bad = await http('GET', `/v1/proposals/${proposal.id}/transitions?after=-1`, undefined, as(actors.committee));
    expect(bad.status).toBe(422);
    const doc = await http('GET', '/openapi.json');
    expect(Object.keys(doc.json.paths['/v1/proposals/{id}/transitions'].get.responses[200].content)).toEqual([
      'text/event-stream',
    ]);
  });
});
