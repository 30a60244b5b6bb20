import { seedAssignment132402 as assignment, seedProposal132402 as proposal } from '@banli/schemas/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/serve.js';
import { actors, client, startTestServer } from './support.js';

let server: RunningServer;
let http: ReturnType<typeof client>;
const as = (actor: string) => ({ 'x-banli-actor': actor });
const caseId = `${proposal.id}/zs-commerce`;

beforeAll(async () => {
  server = await startTestServer();
  http = client(server.url);
});
afterAll(() => server.close());

describe('the seed case over HTTP', () => {
  it('should submit, send, get, list history and deadlines, with ETags and a Location', async () => {
    const submitted = await http('POST', '/v1/proposals', { proposal, at: '2023-02-20' }, as(actors.proposer));
    expect(submitted.status).toBe(201);
    expect(submitted.headers.get('location')).toBe(`/v1/proposals/${proposal.id}`);
    const send = (type: string, at: string, actor: string, extra: object = {}, headers: object = {}) =>
      http(
        'POST',
        `/v1/proposals/${proposal.id}/events`,
        { event: { type, at, ...extra } },
        { ...as(actor), ...headers },
      );
    expect((await send('review.start', '2023-02-21', actors.committee)).status).toBe(200);
    expect((await send('review.register', '2023-03-01', actors.committee)).status).toBe(200);
    expect((await send('assignment.assign', '2023-03-15', actors.office, { assignment })).status).toBe(200);
    const accepted = await send('case.accept', '2023-03-16', actors.lead, { caseId });
    expect(accepted.status).toBe(200);

    const got = await http('GET', `/v1/proposals/${proposal.id}`, undefined, as(actors.committee));
    expect(got.status).toBe(200);
    expect(got.json.id).toBe(proposal.id);
    expect(got.headers.get('etag')).toBe(`"${got.json.version}"`);
    expect(got.json.cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);

    const history = await http('GET', `/v1/proposals/${proposal.id}/history`, undefined, as(actors.committee));
    expect(history.json.items.map((e: { type: string }) => e.type).slice(0, 6)).toEqual([
      'proposal.create',
      'proposal.submit',
      'review.start',
      'review.register',
      'assignment.assign',
      'case.accept',
    ]);

    const deadlines = await http('GET', `/v1/proposals/${proposal.id}/deadlines`, undefined, as(actors.committee));
    const reply = deadlines.json.items.find((d: { kind: string; caseId?: string }) => d.kind === 'reply');
    expect(reply.due).toBe('2023-06-30');
    expect(reply.explanation['zh-CN']).toMatch(/\S/);

    const page1 = await http('GET', '/v1/proposals?limit=1', undefined, as(actors.committee));
    expect(page1.json.items).toHaveLength(1);
    expect(page1.json.next).toBeNull();

    const tick = await http('POST', '/v1/admin/tick', { now: '2023-03-17' }, as(actors.committee));
    expect(tick.status).toBe(200);
    const refusedTick = await http('POST', '/v1/admin/tick', {}, as(actors.lead));
    expect(refusedTick.status).toBe(403);
  });
});

describe('errors as problem+json', () => {
  const expectProblem = (r: Awaited<ReturnType<typeof http>>, status: number, code: string) => {
    expect(r.status, r.text).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.json).toMatchObject({ status, code, type: expect.stringMatching(/^urn:banli:problem:/) });
    expect(r.json.messages['zh-CN']).toMatch(/\S/);
    expect(r.json.messages.en).toMatch(/\S/);
  };

  it('should answer in zh-CN by default and in en by Accept-Language', async () => {
    const zh = await http('GET', '/v1/proposals/nope', undefined, as(actors.committee));
    expectProblem(zh, 404, 'NOT_FOUND');
    expect(zh.json.detail).toBe(zh.json.messages['zh-CN']);
    expect(zh.headers.get('content-language')).toBe('zh-CN');
    const en = await http('GET', '/v1/proposals/nope', undefined, {
      ...as(actors.committee),
      'accept-language': 'en-US,en;q=0.9,zh;q=0.5',
    });
    expect(en.json.detail).toBe('Proposal nope not found');
    expect(en.headers.get('content-language')).toBe('en');
  });

  it('should refuse bad input with the right status and write nothing', async () => {
    const before = (await http('GET', '/v1/proposals', undefined, as(actors.committee))).json.items.length;
    expectProblem(await http('GET', '/v1/nowhere', undefined, as(actors.committee)), 404, 'NOT_FOUND');
    expectProblem(await http('GET', '/v1/proposals'), 401, 'UNAUTHENTICATED');
    expectProblem(
      await http('GET', '/v1/proposals', undefined, { 'x-banli-actor': 'king:me' }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await http('POST', '/v1/proposals', '{"proposal": ', as(actors.proposer)), 400, 'MALFORMED_JSON');
    expectProblem(
      await http('POST', '/v1/proposals', 'proposal=1', { ...as(actors.proposer), 'content-type': 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    // The proposal is checked against the domain schema (the one the OpenAPI document shows), by the SDK.
    expectProblem(
      await http('POST', '/v1/proposals', { proposal: 'x'.repeat(10) }, as(actors.proposer)),
      422,
      'VALIDATION',
    );
    expectProblem(
      await http('POST', '/v1/proposals', { at: 'not a date', proposal: {} }, as(actors.proposer)),
      422,
      'INVALID_REQUEST',
    );
    const invalid = await http('POST', '/v1/proposals', { proposal: { id: 'p-bad' } }, as(actors.proposer));
    expectProblem(invalid, 422, 'VALIDATION');
    expect(invalid.json.issues.length).toBeGreaterThan(0);
    expectProblem(
      await http(
        'POST',
        `/v1/proposals/${proposal.id}/events`,
        { event: { type: 'case.startDrafting', at: '2023-03-20', caseId } },
        as(actors.otherLead),
      ),
      403,
      'PERMISSION',
    );
    expectProblem(
      await http(
        'POST',
        `/v1/proposals/${proposal.id}/events`,
        { event: { type: 'review.start', at: '2023-03-20' } },
        as(actors.committee),
      ),
      409,
      'TRANSITION_REFUSED',
    );
    const backdated = await http(
      'POST',
      `/v1/proposals/${proposal.id}/events`,
      {
        event: {
          type: 'case.recordContact',
          at: '2023-03-02',
          caseId,
          proposerId: 'member-liang-xiaoheng',
          method: 'phone',
        },
      },
      as(actors.lead),
    );
    expectProblem(backdated, 422, 'BACKDATED');
    expect((await http('GET', '/v1/proposals', undefined, as(actors.committee))).json.items.length).toBe(before);
  });

  it('should refuse an oversized body with 413', async () => {
    const small = await startTestServer({ maxBodyBytes: 1000 });
    try {
      const r = await client(small.url)(
        'POST',
        '/v1/proposals',
        { proposal: { pad: 'x'.repeat(5000) } },
        as(actors.proposer),
      );
      expectProblem(r, 413, 'PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });
});

describe('idempotency and optimistic concurrency', () => {
  it('should replay a retried command with the same Idempotency-Key and refuse the key for another command', async () => {
    const path = `/v1/proposals/${proposal.id}/events`;
    const body = {
      event: {
        type: 'case.recordContact',
        at: '2023-03-20',
        caseId,
        proposerId: 'member-liang-xiaoheng',
        method: 'phone',
      },
    };
    const first = await http('POST', path, body, { ...as(actors.lead), 'idempotency-key': 'k-1' });
    const again = await http('POST', path, body, { ...as(actors.lead), 'idempotency-key': 'k-1' });
    expect(first.status, first.text).toBe(200);
    expect(again.status).toBe(200);
    expect(again.json.version).toBe(first.json.version);
    const history = await http('GET', `/v1/proposals/${proposal.id}/history`, undefined, as(actors.committee));
    expect(history.json.items.filter((e: { type: string }) => e.type === 'case.recordContact')).toHaveLength(1);
    const other = await http(
      'POST',
      path,
      { event: { ...body.event, at: '2023-03-21' } },
      { ...as(actors.lead), 'idempotency-key': 'k-1' },
    );
    expect(other.status).toBe(422);
    expect(other.json.code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('should apply If-Match with the current version and refuse a stale one with 412', async () => {
    const got = await http('GET', `/v1/proposals/${proposal.id}`, undefined, as(actors.committee));
    const etag = got.headers.get('etag') as string;
    const path = `/v1/proposals/${proposal.id}/events`;
    const body = (at: string) => ({
      event: { type: 'case.recordContact', at, caseId, proposerId: 'member-liang-xiaoheng', method: 'visit' },
    });
    const okay = await http('POST', path, body('2023-03-22'), { ...as(actors.lead), 'if-match': etag });
    expect(okay.status, okay.text).toBe(200);
    const stale = await http('POST', path, body('2023-03-23'), { ...as(actors.lead), 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(stale.json.code).toBe('CONCURRENCY_CONFLICT');
  });
});

describe('the OpenAPI document and reference', () => {
  it('should serve OpenAPI 3.1 with every endpoint and an API reference page', async () => {
    const doc = await http('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.json.openapi).toBe('3.1.0');
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining([
        '/v1/proposals',
        '/v1/proposals/{id}',
        '/v1/proposals/{id}/events',
        '/v1/proposals/{id}/history',
        '/v1/proposals/{id}/deadlines',
        '/v1/proposals/{id}/cases/{caseId}/letter',
        '/v1/statistics',
        '/v1/admin/tick',
      ]),
    );
    expect(doc.json.components.schemas.Problem).toBeDefined();
    const ref = await http('GET', '/reference');
    expect(ref.status).toBe(200);
    expect(ref.text).toContain('/openapi.json');
  });
});
