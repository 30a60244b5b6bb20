import { chinaMainland } from '@banli/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/serve.js';
import { actors, client, startTestServer } from './support.js';

let server: RunningServer;
let http: ReturnType<typeof client>;
beforeAll(async () => {
  server = await startTestServer();
  http = client(server.url);
});
afterAll(() => server.close());

describe('POST /v1/admin/calendar/years', () => {
  it('should replace a year (a corrected notice), report the moved deadlines and use the new calendar', async () => {
    const year2023 = chinaMainland.years.get(2023);
    const r = await http(
      'POST',
      '/v1/admin/calendar/years',
      { year: year2023, version: 'test-1' },
      { 'x-banli-actor': actors.committee },
    );
    expect(r.status, r.text).toBe(200);
    expect(r.json.calendar).toEqual({
      id: chinaMainland.id,
      version: 'test-1',
      firstYear: chinaMainland.firstYear,
      lastYear: chinaMainland.lastYear,
    });
    expect(r.json.report).toBeDefined();
    expect(server.banli.calendar.version).toBe('test-1');
  });

  it('should refuse invalid year data with 422 and other roles with 403, changing nothing', async () => {
    const before = server.banli.calendar.version;
    const bad = await http(
      'POST',
      '/v1/admin/calendar/years',
      { year: { year: 2030 } },
      { 'x-banli-actor': actors.committee, 'accept-language': 'en' },
    );
    expect(bad.status, bad.text).toBe(422);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    expect(bad.json.messages['zh-CN']).toMatch(/\S/);
    const lead = await http(
      'POST',
      '/v1/admin/calendar/years',
      { year: chinaMainland.years.get(2023) },
      { 'x-banli-actor': actors.lead },
    );
    expect(lead.status).toBe(403);
    expect(server.banli.calendar.version).toBe(before);
  });
});

describe('GET /v1/charts', () => {
  it('should return both machines as Mermaid without credentials', async () => {
    const r = await http('GET', '/v1/charts');
    expect(r.status).toBe(200);
    expect(r.json.proposal).toMatch(/^stateDiagram-v2/);
    expect(r.json.case).toMatch(/^stateDiagram-v2/);
  });
});
