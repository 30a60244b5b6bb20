import { seedProposal132402 as proposal } from '@banli/schemas/fixtures';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtActorResolver } from '../src/actors.js';
import type { RunningServer } from '../src/serve.js';
import { client, startTestServer } from './support.js';

const secret = 'test-secret-that-is-long-enough-for-hs256';
type Key = Parameters<SignJWT['sign']>[0];
const sign = (
  claims: Record<string, unknown>,
  exp = '1h',
  key: Key = new TextEncoder().encode(secret),
  alg = 'HS256',
) => new SignJWT(claims).setProtectedHeader({ alg }).setIssuedAt().setExpirationTime(exp).sign(key);

describe('bearer tokens (HS256) with a role and unit mapping', () => {
  let server: RunningServer;
  let http: ReturnType<typeof client>;
  beforeAll(async () => {
    server = await startTestServer({
      resolveActor: createJwtActorResolver({
        algorithm: 'HS256',
        secret,
        roleMap: { 'oa-member': 'proposer', 'oa-secretariat': 'committee' },
        unitMap: { 'dept-17': 'zs-commerce' },
      }),
    });
    http = client(server.url);
  });
  afterAll(() => server.close());

  it('should map an OA user to an actor and let it act', async () => {
    const token = await sign({ sub: 'member-liang-xiaoheng', role: 'oa-member' });
    const r = await http('POST', '/v1/proposals', { proposal, at: '2023-02-20' }, { authorization: `Bearer ${token}` });
    expect(r.status, r.text).toBe(201);
    const committee = await sign({ sub: 'cppcc-office', role: 'oa-secretariat' });
    const got = await http('GET', `/v1/proposals/${proposal.id}`, undefined, { authorization: `Bearer ${committee}` });
    expect(got.status).toBe(200);
  });

  it('should refuse a bad, expired, wrongly signed or unmapped token', async () => {
    const bad = await http('GET', '/v1/proposals', undefined, { authorization: 'Bearer not.a.token' });
    expect(bad.status).toBe(401);
    expect(bad.json.code).toBe('UNAUTHENTICATED');
    const expired = await sign({ sub: 'x', role: 'oa-member' }, '-2h');
    const e = await http('GET', '/v1/proposals', undefined, {
      authorization: `Bearer ${expired}`,
      'accept-language': 'en',
    });
    expect(e.status).toBe(401);
    expect(e.json.detail).toBe('The token has expired');
    const other = await sign(
      { sub: 'x', role: 'oa-member' },
      '1h',
      new TextEncoder().encode('another-secret-another-secret-xx'),
    );
    expect((await http('GET', '/v1/proposals', undefined, { authorization: `Bearer ${other}` })).status).toBe(401);
    const unmapped = await sign({ sub: 'x', role: 'janitor' });
    const u = await http('GET', '/v1/proposals', undefined, { authorization: `Bearer ${unmapped}` });
    expect(u.status).toBe(403);
    expect(u.json.code).toBe('FORBIDDEN');
    expect((await http('GET', '/v1/proposals', undefined, { 'x-banli-actor': 'committee:c' })).status).toBe(401);
  });
});

describe('bearer tokens (RS256)', () => {
  it('should verify with a PEM public key and map the unit claim', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const resolve = createJwtActorResolver({
      algorithm: 'RS256',
      publicKey: await exportSPKI(publicKey),
      unitMap: { 'dept-17': 'zs-commerce' },
    });
    const token = await sign({ sub: 'clerk', role: 'leadUnit', unit: 'dept-17' }, '1h', privateKey, 'RS256');
    const actor = await resolve(new Request('http://x/', { headers: { authorization: `Bearer ${token}` } }));
    expect(actor).toEqual({ role: 'leadUnit', id: 'clerk', unitId: 'zs-commerce' });
    const hs = await sign({ sub: 'clerk', role: 'leadUnit' });
    await expect(
      resolve(new Request('http://x/', { headers: { authorization: `Bearer ${hs}` } })),
    ).rejects.toMatchObject({ status: 401 });
  });
});
