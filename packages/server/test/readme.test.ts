import { readFileSync } from 'node:fs';
import * as sdk from '@banli/sdk';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { runExample, tsBlocks } from '../../schemas/test/support/readmeExample.js';
import * as server from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README embedding example', () => {
  it('should serve, as written, an app that answers a token signed with its secret and refuses a request without', async () => {
    const [code, ...rest] = tsBlocks(readme);
    expect(rest).toEqual([]);
    const served: { fetch: (request: Request) => Promise<Response>; port: number }[] = [];
    const nodeServer = { serve: (options: (typeof served)[number]) => served.push(options) };
    await runExample(code ?? '', {
      modules: { '@banli/sdk': sdk, '@banli/server': server, '@hono/node-server': nodeServer },
      replace: [['process.env.BANLI_JWT_SECRET', 'undefined']],
    });
    expect(served.map((s) => s.port)).toEqual([8787]);
    const app = served[0] as (typeof served)[number];
    expect((await app.fetch(new Request('http://localhost/v1/proposals'))).status).toBe(401);
    const token = await new SignJWT({ role: 'committee' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('cppcc-office')
      .sign(new TextEncoder().encode('dev-secret-dev-secret-dev-secret'));
    const answer = await app.fetch(
      new Request('http://localhost/v1/proposals', { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ items: [] });
  });
});
