import { seedAssignment132402 as assignment, seedProposal132402 as proposal } from '@banli/schemas/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/serve.js';
import { actors, client, startTestServer } from './support.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /v1/notifications (server-sent events)', () => {
  it('should stream the notifications of commands and ticks, filtered by type', async () => {
    const http = client(server.url);
    const as = (actor: string) => ({ 'x-banli-actor': actor });
    await http('POST', '/v1/proposals', { proposal, at: '2023-02-20' }, as(actors.proposer));
    const send = (event: object, actor: string) =>
      http('POST', `/v1/proposals/${proposal.id}/events`, { event }, as(actor));
    await send({ type: 'review.start', at: '2023-02-21' }, actors.committee);
    await send({ type: 'review.register', at: '2023-03-01' }, actors.committee);
    await send({ type: 'assignment.assign', at: '2023-03-15', assignment }, actors.office);

    const abort = new AbortController();
    const guard = setTimeout(() => abort.abort(), 30_000);
    const res = await fetch(`${server.url}/v1/notifications?types=deadline.missed`, {
      headers: as(actors.committee),
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const tick = await http('POST', '/v1/admin/tick', { now: '2023-04-18' }, as(actors.committee));
    expect(tick.status).toBe(200);
    while (!/\n\n[\s\S]*?event: deadline\.missed\n[\s\S]*?\n\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    clearTimeout(guard);
    abort.abort();
    const events = text.split('\n\n').filter((block) => block.startsWith('event: '));
    expect(events.length).toBeGreaterThan(0);
    for (const block of events) {
      expect(block).toMatch(/^event: deadline\.missed\nid: \S+\ndata: \{/);
      const data = JSON.parse(block.split('\ndata: ')[1] as string);
      expect(data).toMatchObject({ type: 'deadline.missed', proposalId: proposal.id });
    }
  });

  it('should require credentials', async () => {
    const res = await fetch(`${server.url}/v1/notifications`);
    expect(res.status).toBe(401);
  });
});
