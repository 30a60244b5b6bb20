import { createBanli, createManualClock, type Store } from '@banli/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/serve.js';
import { client, startSeedCaseServer } from './support.js';

let server: RunningServer;
let store: Store;
let http: ReturnType<typeof client>;
const committee = { 'x-banli-actor': 'committee:cppcc-office' };

beforeAll(async () => {
  ({ server, store } = await startSeedCaseServer());
  http = client(server.url);
});
afterAll(() => server.close());

describe('GET /v1/statistics for a year', () => {
  it('should give the same figures for ?year=2023 as for the SDK over 2023-01-01 … 2023-12-31', async () => {
    const res = await http('GET', '/v1/statistics?year=2023', undefined, committee);
    expect(res.status).toBe(200);
    const sdk = await createBanli({ store, clock: createManualClock('2024-04-08') }).statistics({
      from: '2023-01-01',
      to: '2023-12-31',
    });
    expect(res.json).toEqual(JSON.parse(JSON.stringify(sdk)));
    // The seed case's case was replied in 2023, so the year has figures, and its unit is listed.
    expect(res.json.totals.cases).toBeGreaterThan(0);
    expect(res.json.units.map((u: { unitId: string }) => u.unitId)).toContain('zs-commerce');
    const empty = await http('GET', '/v1/statistics?year=2021', undefined, committee);
    expect(empty.json.totals.cases).toBe(0);
    expect(empty.json.totals.onTimeRate).toBeNull();
  });

  it('should refuse a period that is neither a year nor from-and-to, in zh-CN and en', async () => {
    for (const q of ['', '?from=2023-01-01', '?year=2023&from=2023-01-01&to=2023-12-31', '?year=1999']) {
      const res = await http('GET', `/v1/statistics${q}`, undefined, { ...committee, 'accept-language': 'en' });
      expect(res.status, q).toBe(422);
      expect(res.json.code).toBe('INVALID_REQUEST');
      expect(res.json.messages['zh-CN']).toMatch(/\S/);
      expect(res.json.messages.en).toMatch(/year|from|to/);
    }
  });

  it('should document the year and the statistics schema in the OpenAPI', async () => {
    const doc = await http('GET', '/openapi.json');
    const get = doc.json.paths['/v1/statistics'].get;
    expect(get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['year', 'from', 'to', 'asOf', 'minCases']),
    );
    const schema = doc.json.components.schemas.Statistics;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['totals', 'units']));
    expect(Object.keys(schema.properties.totals.properties)).toEqual(
      expect.arrayContaining(['onTimeRate', 'final', 'classes']),
    );
  });
});
