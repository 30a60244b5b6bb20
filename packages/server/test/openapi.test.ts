import { readFileSync } from 'node:fs';
import { BanliEventSchema } from '@banli/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/serve.js';
import { client, startTestServer } from './support.js';

let server: RunningServer;
let http: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startTestServer();
  http = client(server.url);
});
afterAll(() => server.close());

/** Follows a local `$ref` in the document. */
// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is read field by field
const deref = (doc: any, ref: string) =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((o, k) => o?.[k], doc);

describe('/openapi.json: request bodies are the domain schemas', () => {
  it('should describe the submitted proposal with @banli/schemas ProposalSchema', async () => {
    const doc = (await http('GET', '/openapi.json')).json;
    const submit = doc.components.schemas.SubmitRequest;
    expect(submit.properties.proposal.$ref).toBe('#/components/schemas/Proposal');
    const proposal = deref(doc, submit.properties.proposal.$ref);
    expect(proposal.type).toBe('object');
    expect(proposal.required).toEqual(expect.arrayContaining(['id', 'kind', 'title']));
    expect(JSON.stringify(proposal)).toContain('x-label');
  });

  it('should describe a sent event as one of every event schema, each resolvable, with `at` optional', async () => {
    const doc = (await http('GET', '/openapi.json')).json;
    const event = doc.components.schemas.SendRequest.properties.event;
    expect(event.oneOf).toHaveLength(BanliEventSchema.options.length);
    const text = JSON.stringify(doc);
    for (const ref of text.matchAll(/"\$ref":"([^"]+)"/g)) {
      expect(deref(doc, ref[1] as string), ref[1]).toBeDefined();
    }
    expect(text).not.toContain('#/$defs/');
    const assign = deref(doc, '#/components/schemas/Event_assignment.assign');
    expect(assign.properties.type.const).toBe('assignment.assign');
    expect(assign.required).toContain('assignment');
    expect(assign.required).not.toContain('at');
  });

  it('should describe the calendar year body with @banli/calendar CalendarYearSchema', async () => {
    const doc = (await http('GET', '/openapi.json')).json;
    const body = doc.components.schemas.CalendarYearRequest;
    expect(body.properties.year.$ref).toBe('#/components/schemas/CalendarYear');
    const year = deref(doc, body.properties.year.$ref);
    expect(year.required).toEqual(expect.arrayContaining(['year', 'holidays', 'makeUpWorkdays', 'source']));
  });
});

describe('/reference works offline', () => {
  it('should load Scalar from this server, with no address outside it', async () => {
    const page = await http('GET', '/reference');
    expect(page.status).toBe(200);
    expect(page.text).toContain('src="/reference/assets/standalone.js"');
    expect(page.text).not.toMatch(/https?:\/\//);
    const bundle = await fetch(`${server.url}/reference/assets/standalone.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
  });

  it('should not serve files outside the bundle folder', async () => {
    const up = await fetch(`${server.url}/reference/assets/..%2F..%2Fpackage.json`);
    expect(up.status).toBe(404);
    const missing = await fetch(`${server.url}/reference/assets/nope.js`);
    expect(missing.status).toBe(404);
  });
});

describe('/openapi.json info', () => {
  it("should carry the package's own version", async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect((await http('GET', '/openapi.json')).json.info.version).toBe(version);
  });
});
