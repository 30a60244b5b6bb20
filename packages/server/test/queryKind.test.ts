import { sampleNpcSuggestion, seedProposal132402 } from '@banli/schemas/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/serve.js';
import { client, startTestServer } from './support.js';

let server: RunningServer;
let http: ReturnType<typeof client>;
const committee = { 'x-banli-actor': 'committee:cppcc-office' };
const suggestions = [sampleNpcSuggestion, { ...sampleNpcSuggestion, id: 'sample-npc-16-3-3058', number: 3058 }];
const proposals = [seedProposal132402, { ...seedProposal132402, id: 'zs-cppcc-13-2-132403', number: 132403 }];

beforeAll(async () => {
  server = await startTestServer({ today: '2024-02-01' });
  http = client(server.url);
  for (const proposal of [...proposals, ...suggestions]) {
    const at = proposal.kind === 'suggestion' ? '2024-01-22' : '2023-02-20';
    const res = await http(
      'POST',
      '/v1/proposals',
      { proposal, at },
      { 'x-banli-actor': `proposer:${proposal.proposers[0]?.id}` },
    );
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
});
afterAll(() => server.close());

const idsOf = (json: { items: { streamId: string }[] }) => json.items.map((i) => i.streamId);

describe('GET /v1/proposals?kind=', () => {
  it('should filter the whole result by kind, page by page, before the limit', async () => {
    const all = await http('GET', '/v1/proposals?limit=10', undefined, committee);
    expect(idsOf(all.json)).toHaveLength(4);
    // Ids sort proposals (zs-…) after suggestions (sample-…): a page-level filter would show no proposal on page 1.
    const first = await http('GET', '/v1/proposals?kind=proposal&limit=1', undefined, committee);
    expect(first.status).toBe(200);
    expect(idsOf(first.json)).toEqual([proposals[0]?.id]);
    expect(first.json.next).toBe(proposals[0]?.id);
    const second = await http(
      'GET',
      `/v1/proposals?kind=proposal&limit=1&after=${first.json.next}`,
      undefined,
      committee,
    );
    expect(idsOf(second.json)).toEqual([proposals[1]?.id]);
    expect(second.json.next).toBeNull();
    const sugg = await http('GET', '/v1/proposals?kind=suggestion', undefined, committee);
    expect(idsOf(sugg.json)).toEqual(suggestions.map((s) => s.id));
    expect(sugg.json.items.every((i: { facts: { kind: string } }) => i.facts.kind === 'suggestion')).toBe(true);
  });

  it('should refuse an unknown kind with a 422 problem in zh-CN and en', async () => {
    const res = await http('GET', '/v1/proposals?kind=petition', undefined, committee);
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('INVALID_REQUEST');
    expect(res.json.messages.en).toContain('kind');
    expect(res.json.messages['zh-CN']).toContain('kind');
  });

  it('should document the kind filter in the OpenAPI', async () => {
    const doc = await http('GET', '/openapi.json');
    const params = doc.json.paths['/v1/proposals'].get.parameters as { name: string; schema: { enum?: string[] } }[];
    expect(params.find((p) => p.name === 'kind')?.schema.enum).toEqual(['proposal', 'suggestion']);
  });
});
