import { seedAssignment132402 as assignment, seedProposal132402 as proposal } from '@banli/schemas/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/serve.js';
import { actors, client, startTestServer } from './support.js';

let server: RunningServer;
let http: ReturnType<typeof client>;
const as = (actor: string) => ({ 'x-banli-actor': actor });
const caseId = `${proposal.id}/zs-commerce`;
const commands = (actor: string, query = '') =>
  http('GET', `/v1/proposals/${encodeURIComponent(proposal.id)}/commands${query}`, undefined, as(actor));
const types = (r: { json: { items: { type: string }[] } }) => r.json.items.map((c) => c.type);

beforeAll(async () => {
  server = await startTestServer({ today: '2023-03-16' });
  http = client(server.url);
  await http('POST', '/v1/proposals', { proposal, at: '2023-02-20' }, as(actors.proposer));
});
afterAll(() => server.close());

describe('GET /v1/proposals/{id}/commands (can)', () => {
  it('should list what the caller may send now, each with a label and the JSON Schema of its event', async () => {
    const r = await commands(actors.committee);
    expect(r.status, r.text).toBe(200);
    expect(types(r)).toContain('review.start');
    expect(types(r)).not.toContain('review.register');
    const start = r.json.items.find((c: { type: string }) => c.type === 'review.start');
    expect(start.label['zh-CN']).toMatch(/\S/);
    expect(start.label.en).toMatch(/\S/);
    expect(start.schema.properties.type.const).toBe('review.start');
    // `at` may be left out: the server dates the event today.
    expect(start.schema.required ?? []).not.toContain('at');
    // The proposer of someone else's proposal is offered nothing.
    expect(types(await commands('proposer:someone-else'))).toEqual([]);
  });

  it('should follow the state: after assignment the lead unit is offered case.accept with the assign schema fields', async () => {
    const send = (type: string, at: string, actor: string, extra: object = {}) =>
      http('POST', `/v1/proposals/${proposal.id}/events`, { event: { type, at, ...extra } }, as(actor));
    expect((await send('review.start', '2023-02-21', actors.committee)).status).toBe(200);
    expect((await send('review.register', '2023-03-01', actors.committee)).status).toBe(200);
    const office = await commands(actors.office);
    const assign = office.json.items.find((c: { type: string }) => c.type === 'assignment.assign');
    expect(assign.schema.required).toContain('assignment');
    expect((await send('assignment.assign', '2023-03-15', actors.office, { assignment })).status).toBe(200);
    const lead = await commands(actors.lead);
    expect(lead.json.items).toContainEqual(expect.objectContaining({ type: 'case.accept', caseId, accepted: true }));
    expect(types(await commands(actors.otherLead))).toEqual([]);
    // What is offered is what the server then accepts.
    expect((await send('case.accept', '2023-03-16', actors.lead, { caseId })).status).toBe(200);
    expect(types(await commands(actors.lead))).not.toContain('case.accept');
  });

  it('should let an admin role ask for another actor, and refuse that to others with 403', async () => {
    const asked = await commands(actors.committee, '?role=leadUnit&actorId=clerk&unitId=zs-commerce');
    expect(asked.status, asked.text).toBe(200);
    expect(asked.json.actor).toEqual({ role: 'leadUnit', id: 'clerk', unitId: 'zs-commerce' });
    expect(asked.json.items.every((c: { caseId?: string }) => c.caseId === caseId)).toBe(true);
    const refused = await commands(actors.lead, '?role=committee');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    const missing = await http('GET', '/v1/proposals/nope/commands', undefined, as(actors.committee));
    expect(missing.status).toBe(404);
  });
});
