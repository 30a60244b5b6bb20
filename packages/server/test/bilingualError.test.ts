import { BilingualError } from '@banli/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorClassesOutside, errorClassNames } from '../../schemas/test/support/errorClasses.js';
import * as server from '../src/index.js';
import { HttpProblem } from '../src/index.js';
import { problemOf } from '../src/problem.js';
import type { RunningServer } from '../src/serve.js';
import { client, startTestServer } from './support.js';

// One definition of the bilingual error base: HttpProblem is a BilingualError with an HTTP status (session 15), and
// the problem+json bodies it answers with are byte for byte as before.

describe('HttpProblem', () => {
  it('should be a BilingualError with its status, like every error class the server exports', () => {
    expect(errorClassNames(server)).toEqual(['HttpProblem']);
    expect(errorClassesOutside(server, BilingualError)).toEqual([]);
    const error = new HttpProblem(403, 'FORBIDDEN', { 'zh-CN': '无权', en: 'Not yours' }, { reason: 'x' });
    expect(error).toBeInstanceOf(BilingualError);
    expect([error.name, error.code, error.message, error.status]).toEqual([
      'HttpProblem',
      'FORBIDDEN',
      'Not yours',
      403,
    ]);
    expect(error.messages).toEqual({ 'zh-CN': '无权', en: 'Not yours' });
    expect(error.extra).toEqual({ reason: 'x' });
    expect(JSON.stringify(problemOf(error, 'en', '/v1/x'))).toBe(
      '{"type":"urn:banli:problem:forbidden","title":"Forbidden","status":403,"detail":"Not yours","instance":"/v1/x",' +
        '"code":"FORBIDDEN","messages":{"zh-CN":"无权","en":"Not yours"},"reason":"x"}',
    );
  });
});

describe('problem+json bodies of the HTTP layer’s own errors, in zh-CN and en', () => {
  let running: RunningServer;
  let http: ReturnType<typeof client>;
  beforeAll(async () => {
    running = await startTestServer();
    http = client(running.url);
  });
  afterAll(() => running.close());

  it.each([
    [
      'zh-CN',
      '{"type":"urn:banli:problem:unauthenticated","title":"未认证","status":401,' +
        '"detail":"缺少身份凭证（Authorization: Bearer 令牌）","instance":"/v1/proposals","code":"UNAUTHENTICATED",' +
        '"messages":{"zh-CN":"缺少身份凭证（Authorization: Bearer 令牌）","en":"No credentials (Authorization: Bearer token)"}}',
    ],
    [
      'en',
      '{"type":"urn:banli:problem:unauthenticated","title":"Not authenticated","status":401,' +
        '"detail":"No credentials (Authorization: Bearer token)","instance":"/v1/proposals","code":"UNAUTHENTICATED",' +
        '"messages":{"zh-CN":"缺少身份凭证（Authorization: Bearer 令牌）","en":"No credentials (Authorization: Bearer token)"}}',
    ],
  ])('should answer a request without credentials in %s with the same bytes', async (lang, body) => {
    const res = await http('GET', '/v1/proposals', undefined, { 'accept-language': lang });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.text).toBe(body);
  });

  it('should answer an unknown route with the same bytes', async () => {
    const res = await http('GET', '/nowhere', undefined, { 'accept-language': 'en' });
    expect(res.status).toBe(404);
    expect(res.text).toBe(
      '{"type":"urn:banli:problem:not-found","title":"Not found","status":404,"detail":"No such route: GET /nowhere",' +
        '"instance":"/nowhere","code":"NOT_FOUND","messages":{"zh-CN":"没有这个地址：GET /nowhere","en":"No such route: GET /nowhere"}}',
    );
  });
});
