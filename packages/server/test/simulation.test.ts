import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/serve.js';
import { actors, client, startTestServer } from './support.js';

let server: RunningServer;
let http: ReturnType<typeof client>;
const as = (actor: string) => ({ 'x-banli-actor': actor });

beforeAll(async () => {
  server = await startTestServer();
  http = client(server.url);
});
afterAll(() => server.close());

describe('POST /v1/simulations', () => {
  it('should run a seeded simulation: the same seed gives the same result, another seed another', async () => {
    const run = (seed: number) =>
      http('POST', '/v1/simulations', { proposals: 30, seed, year: 2024 }, as(actors.committee));
    const a = await run(7);
    expect(a.status, a.text).toBe(200);
    expect(a.json.proposals).toBe(30);
    expect(a.json.year).toBe(2024);
    expect(a.json.statistics.totals).toBeDefined();
    expect(a.json.events).toBeUndefined();
    const again = await run(7);
    expect(again.json).toEqual(a.json);
    const other = await run(8);
    expect(other.json.cases).not.toEqual(a.json.cases);
    // The server's own store is untouched.
    const list = await http('GET', '/v1/proposals', undefined, as(actors.committee));
    expect(list.json.items).toEqual([]);
  });

  it('should refuse too many proposals and a year outside the calendar with 422 problem+json', async () => {
    const big = await http('POST', '/v1/simulations', { proposals: 100_000, seed: 1 }, as(actors.committee));
    expect(big.status).toBe(422);
    expect(big.json.messages.en).toMatch(/at most 2000/);
    const year = await http(
      'POST',
      '/v1/simulations',
      { proposals: 5, seed: 1, year: 1990 },
      { ...as(actors.committee), 'accept-language': 'en' },
    );
    expect(year.status).toBe(422);
    expect(year.json.messages['zh-CN']).toMatch(/1990/);
  });
});
