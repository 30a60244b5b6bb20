import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaMainland, estimateStatutoryYear } from '@banli/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devActorResolver } from '../src/actors.js';
import { type RunningServer, startServer } from '../src/serve.js';
import { actors, client, startTestServer } from './support.js';

let server: RunningServer;
let http: ReturnType<typeof client>;
beforeAll(async () => {
  server = await startTestServer();
  http = client(server.url);
});
afterAll(() => server.close());

describe('POST /v1/admin/calendar/years', () => {
  it('should add a year through the store, report it, use the new calendar, and keep it across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'banli-server-calendar-'));
    const year2027 = { ...estimateStatutoryYear(2027), source: 'test: a 2027 notice entered by hand' };
    const first = await startServer({ port: 0, dataDir, resolveActor: devActorResolver, tickIntervalMs: 0 });
    try {
      const r = await client(first.url)(
        'POST',
        '/v1/admin/calendar/years',
        { year: year2027, version: 'test-1' },
        { 'x-banli-actor': actors.committee },
      );
      expect(r.status, r.text).toBe(200);
      expect(r.json.calendar).toEqual({
        id: chinaMainland.id,
        version: 'test-1',
        firstYear: chinaMainland.firstYear,
        lastYear: 2027,
      });
      expect(r.json.report).toMatchObject({ year: 2027, added: true, dryRun: false });
    } finally {
      await first.close();
    }
    const second = await startServer({ port: 0, dataDir, resolveActor: devActorResolver, tickIntervalMs: 0 });
    try {
      const got = await client(second.url)('GET', '/v1/calendar/years/2027', undefined, {
        'x-banli-actor': actors.committee,
      });
      expect(got.status, got.text).toBe(200);
      expect(got.json.estimated).toBe(false);
      expect(got.json.source).toBe('test: a 2027 notice entered by hand');
      expect(second.banli.calendar.version).toBe('test-1');
    } finally {
      await second.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('should refuse a year whose days differ from the one in force with a problem, changing nothing', async () => {
    const before = server.banli.calendar.version;
    const y2023 = chinaMainland.years.get(2023);
    if (!y2023) throw new Error('2023 is bundled');
    // A valid year with fewer rest days than the notice in force.
    const first = y2023.holidays.slice(0, 1);
    const changed = { ...y2023, holidays: first, makeUpWorkdays: first[0]?.makeUpWorkdays ?? [] };
    const r = await http(
      'POST',
      '/v1/admin/calendar/years',
      { year: changed },
      { 'x-banli-actor': actors.committee, 'accept-language': 'en' },
    );
    expect(r.status, r.text).toBe(409);
    expect(r.json.messages['zh-CN']).toMatch(/\S/);
    expect(server.banli.calendar.version).toBe(before);
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

describe('GET /v1/calendar/years/{year}', () => {
  it('should give a noticed year as published and a later one as the statutory estimate', async () => {
    const y2023 = await http('GET', '/v1/calendar/years/2023', undefined, { 'x-banli-actor': actors.lead });
    expect(y2023.status).toBe(200);
    expect(y2023.json.estimated).toBe(false);
    expect(y2023.json.makeUpWorkdays).toEqual(chinaMainland.years.get(2023)?.makeUpWorkdays);
    const y2030 = await http('GET', '/v1/calendar/years/2030', undefined, { 'x-banli-actor': actors.lead });
    expect(y2030.json.estimated).toBe(true);
    expect(y2030.json.holidays.length).toBeGreaterThan(0);
    expect((await http('GET', '/v1/calendar/years/1900', undefined, { 'x-banli-actor': actors.lead })).status).toBe(
      422,
    );
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
