import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/serve.js';
import { client, startSeedCaseServer } from './support.js';

let server: RunningServer;
let http: ReturnType<typeof client>;
const lead = { 'x-banli-actor': 'leadUnit:clerk:zs-commerce' };

beforeAll(async () => {
  ({ server } = await startSeedCaseServer());
  http = client(server.url);
});
afterAll(() => server.close());

describe('GET /v1/units (names for ids, as the assignments record them)', () => {
  it("should name the seed case's lead and co-units in the order asked, leaving out ids no item involves", async () => {
    const res = await http('GET', '/v1/units?ids=zs-hrss,no-such-unit,zs-commerce,zs-hrss', undefined, lead);
    expect(res.status).toBe(200);
    expect(res.json.items).toEqual([
      {
        id: 'zs-hrss',
        name: '中山市人力资源和社会保障局',
        shortName: '市人力资源和社会保障局',
        label: { 'zh-CN': '中山市人力资源和社会保障局', en: 'Zhongshan Human Resources and Social Security Bureau' },
      },
      {
        id: 'zs-commerce',
        name: '中山市商务局',
        shortName: '市商务局',
        label: { 'zh-CN': '中山市商务局', en: 'Zhongshan Municipal Bureau of Commerce' },
      },
    ]);
    const none = await http('GET', '/v1/units?ids=no-such-unit', undefined, lead);
    expect(none.json.items).toEqual([]);
  });

  it('should refuse a request without ids or with too many, in zh-CN and en, and one without credentials', async () => {
    for (const q of ['', '?ids=', `?ids=${Array.from({ length: 201 }, (_, i) => `u${i}`).join(',')}`]) {
      const res = await http('GET', `/v1/units${q}`, undefined, { ...lead, 'accept-language': 'en' });
      expect(res.status, q.slice(0, 20)).toBe(422);
      expect(res.json.code).toBe('INVALID_REQUEST');
      expect(res.json.messages['zh-CN']).toMatch(/ids/);
      expect(res.json.messages.en).toMatch(/ids/);
    }
    expect((await http('GET', '/v1/units?ids=zs-commerce')).status).toBe(401);
  });

  it('should describe the endpoint and its UnitName schema in the OpenAPI document', async () => {
    const doc = (await http('GET', '/openapi.json')).json;
    expect(doc.paths['/v1/units'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['ids']);
    expect(Object.keys(doc.components.schemas.UnitName.properties)).toEqual(['id', 'name', 'shortName', 'label']);
  });
});
