import { createRequire } from 'node:module';
import { estimateStatutoryYear } from '@banli/calendar';
import { caseMachine, eventMeta, proposalMachine, toMermaid } from '@banli/core';
import { type Actor, type Banli, type ProposalQuery, ROLES } from '@banli/sdk';
import { BanliTestingError, simulate } from '@banli/testing';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import { bodyLimit } from 'hono/body-limit';
import type { ResolveActor } from './actors.js';
import { domainSchemas, eventComponentName } from './domainSchemas.js';
import { type NotificationFeed, sseResponse } from './notifications.js';
import { HttpProblem, type Lang, negotiateLanguage, problemOf } from './problem.js';
import { readBundleFile, scalarBundleDir } from './scalarAssets.js';
import { transitionsResponse } from './transitionsStream.js';
import { unitNames } from './unitNames.js';

/** Options of `createApp`. */
export interface AppOptions {
  /** The SDK instance the service runs on. */
  banli: Banli;
  /** Who the caller is (see `createJwtActorResolver`, `devActorResolver`). */
  resolveActor: ResolveActor;
  /** Largest accepted request body in bytes (413 above). @defaultValue 1 MiB */
  maxBodyBytes?: number;
  /** Roles allowed to call the admin endpoints (`tick`). @defaultValue `['system', 'committee']` */
  adminRoles?: readonly Actor['role'][];
  /** Where `/v1/notifications` (SSE) reads from; without it the endpoint answers 404. */
  notifications?: NotificationFeed;
  /** Largest page of `GET /v1/proposals`. @defaultValue 200 */
  maxPageSize?: number;
  /** Milliseconds between the transitions stream's reads of a proposal's log. @defaultValue 500 */
  transitionsPollMs?: number;
  /** Most proposals one `POST /v1/simulations` may simulate (it runs in the request). @defaultValue 2000 */
  maxSimulationProposals?: number;
  /**
   * A directory holding Scalar's standalone bundle (`browser/standalone.js` of `@scalar/api-reference`), served at
   * `/reference/scalar.js` so `/reference` renders with no network. @defaultValue the installed package's
   */
  scalarBundle?: string;
}

type Env = { Variables: { lang: Lang; actor: Actor } };

const problemJson = 'application/problem+json';
const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string(),
    messages: z.object({ 'zh-CN': z.string(), en: z.string() }),
  })
  .passthrough()
  .openapi('Problem');
const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: 'RFC 9457 problem details', content: { [problemJson]: { schema: ProblemSchema } } },
    ]),
  );
const Json = z.record(z.string(), z.unknown());
const ok = (description: string, schema: z.ZodType = Json) => ({
  200: { description, content: { 'application/json': { schema } } },
});
const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'zs-cppcc-13-2-132402' }),
});
const WriteHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'A retried request with the same key returns the first result and writes nothing.' }),
});
const SubmitBody = z
  .object({
    proposal: z.unknown().openapi({
      $ref: '#/components/schemas/Proposal',
      description: 'The proposal (@banli/schemas `ProposalSchema`; validated by the SDK).',
    } as never),
    at: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .openapi({ description: 'Business date; default today.' }),
    draft: z.boolean().optional(),
  })
  .openapi('SubmitRequest');
const SendBody = z
  .object({
    event: z.unknown().openapi({
      oneOf: domainEventRefs(),
      description:
        'The event, e.g. `{ "type": "review.start" }` (@banli/schemas `BanliEventSchema`; validated by the SDK).',
    } as never),
    backdated: z.object({ reason: z.string().min(1) }).optional(),
  })
  .openapi('SendRequest');
/** `$ref`s to every event's component (the request body of a send is one of them). */
function domainEventRefs(): { $ref: string }[] {
  return Object.keys(domainSchemas().events).map((type) => ({
    $ref: `#/components/schemas/${eventComponentName(type)}`,
  }));
}
const SendHeaders = WriteHeaders.extend({
  'if-match': z
    .string()
    .optional()
    .openapi({ description: 'The proposal version (its ETag, e.g. `"3"`): refused with 412 if it has moved on.' }),
});

const rate = z.number().min(0).max(1).nullable();
const SatisfactionSchema = z
  .object({
    satisfied: z.number().int(),
    basicallySatisfied: z.number().int(),
    dissatisfied: z.number().int(),
    total: z.number().int(),
    rate: rate.openapi({ description: '满意率: (满意 + 基本满意) ÷ total, null with no feedback' }),
  })
  .passthrough();
const caseFigures = {
  cases: z.number().int(),
  decided: z.number().int(),
  repliedOnTime: z.number().int(),
  repliedLate: z.number().int(),
  overdue: z.number().int(),
  provisional: z.number().int(),
  onTimeRate: rate.openapi({ description: '按时办复率: repliedOnTime ÷ decided, null when nothing is decided' }),
  firstRound: SatisfactionSchema,
  final: SatisfactionSchema.openapi({ description: "Each proposer's latest feedback (最终满意率)" }),
  classes: z.record(z.string(), z.number().int()).openapi({ description: 'First-reply class mix, e.g. `{ "A": 3 }`' }),
};
const StatisticsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    asOf: z.string(),
    minCases: z.number().int(),
    totals: z.object(caseFigures).passthrough(),
    units: z.array(
      z
        .object({ unitId: z.string(), ranked: z.boolean(), rank: z.number().int().optional(), ...caseFigures })
        .passthrough(),
    ),
  })
  .passthrough()
  .openapi('Statistics', { description: '@banli/sdk `Statistics` (meetings, adoption, commitments and co-units too)' });

const MAX_UNIT_IDS = 200;
const UnitNameSchema = z
  .object({
    id: z.string(),
    name: z.string().openapi({ description: 'Full name, e.g. 中山市商务局' }),
    shortName: z.string().optional().openapi({ description: 'Short name used in running text, e.g. 市商务局' }),
    label: z.object({ 'zh-CN': z.string(), en: z.string() }).optional(),
  })
  .openapi('UnitName');

const routes = {
  submit: createRoute({
    method: 'post',
    path: '/v1/proposals',
    tags: ['proposals'],
    summary: 'Submit a proposal',
    request: {
      headers: WriteHeaders,
      body: { required: true, content: { 'application/json': { schema: SubmitBody } } },
    },
    responses: {
      201: { description: 'Submitted', content: { 'application/json': { schema: Json } } },
      ...problems(400, 401, 403, 409, 413, 415, 422),
    },
  }),
  send: createRoute({
    method: 'post',
    path: '/v1/proposals/{id}/events',
    tags: ['proposals'],
    summary: 'Send a command (event) to a proposal',
    request: {
      params: IdParam,
      headers: SendHeaders,
      body: { required: true, content: { 'application/json': { schema: SendBody } } },
    },
    responses: { ...ok('Applied'), ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422) },
  }),
  get: createRoute({
    method: 'get',
    path: '/v1/proposals/{id}',
    tags: ['proposals'],
    summary: 'A proposal: state, cases, tags, facts (ETag: its version)',
    request: { params: IdParam },
    responses: { ...ok('The proposal'), ...problems(401, 404) },
  }),
  history: createRoute({
    method: 'get',
    path: '/v1/proposals/{id}/history',
    tags: ['proposals'],
    summary: 'The ordered event log of a proposal',
    request: { params: IdParam },
    responses: { ...ok('The events', z.object({ items: z.array(Json) })), ...problems(401, 404) },
  }),
  transitions: createRoute({
    method: 'get',
    path: '/v1/proposals/{id}/transitions',
    tags: ['proposals'],
    summary:
      "A live stream (SSE) of a proposal's log: each event with the transitions the engine reported for it, then each new one as it is appended",
    description:
      'Server-sent events: `event: entry`, `id:` the stream version, `data:` `{ version, type, at, actor, transitions }` (`transitions` is null for entries logged before transitions were). Resume with `Last-Event-ID` or `after`.',
    request: {
      params: IdParam,
      query: z.object({
        after: z.coerce.number().int().min(0).optional().openapi({
          description: 'Only entries after this version (default: `Last-Event-ID`, else 0: the whole log)',
        }),
      }),
    },
    responses: {
      200: { description: 'The stream', content: { 'text/event-stream': { schema: z.string() } } },
      ...problems(401, 404, 422),
    },
  }),
  deadlines: createRoute({
    method: 'get',
    path: '/v1/proposals/{id}/deadlines',
    tags: ['proposals'],
    summary: 'Deadlines with zh-CN/en explanations of each due date',
    request: { params: IdParam },
    responses: { ...ok('The deadlines', z.object({ items: z.array(Json) })), ...problems(401, 404) },
  }),
  letter: createRoute({
    method: 'get',
    path: '/v1/proposals/{id}/cases/{caseId}/letter',
    tags: ['proposals'],
    summary: 'The reply letter of a case as text, Markdown or HTML',
    request: {
      params: IdParam.extend({
        caseId: z
          .string()
          .min(1)
          .openapi({ param: { name: 'caseId', in: 'path' } }),
      }),
      query: z.object({ format: z.enum(['text', 'markdown', 'html']).default('text') }),
    },
    responses: {
      200: {
        description: 'The letter',
        content: {
          'text/plain': { schema: z.string() },
          'text/markdown': { schema: z.string() },
          'text/html': { schema: z.string() },
        },
      },
      ...problems(401, 404),
    },
  }),
  query: createRoute({
    method: 'get',
    path: '/v1/proposals',
    tags: ['proposals'],
    summary: 'Query proposals (keyset pagination: pass `next` as `after`)',
    request: {
      query: z.object({
        state: z.string().optional(),
        caseState: z.string().optional(),
        unitId: z.string().optional(),
        proposerId: z.string().optional(),
        tag: z.string().optional(),
        kind: z
          .enum(['proposal', 'suggestion'])
          .optional()
          .openapi({ description: 'Only items of this kind (政协提案 or 人大代表建议), across every page' }),
        overdue: z.enum(['true', 'false']).optional(),
        dueWithinWorkingDays: z.coerce.number().int().min(0).max(365).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(50),
        after: z.string().optional(),
      }),
    },
    responses: {
      ...ok('A page of proposals', z.object({ items: z.array(Json), next: z.string().nullable() })),
      ...problems(401, 422),
    },
  }),
  statistics: createRoute({
    method: 'get',
    path: '/v1/statistics',
    tags: ['statistics'],
    summary: '按时办复率, 满意率, class mix, per unit over a period: `year`, or `from` and `to`',
    request: {
      query: z.object({
        year: z.coerce
          .number()
          .int()
          .min(2000)
          .max(2099)
          .optional()
          .openapi({ description: 'A calendar year: the same as `from=YYYY-01-01&to=YYYY-12-31`', example: 2025 }),
        from: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional()
          .openapi({ description: 'First business date (with `to`; not with `year`)' }),
        to: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional()
          .openapi({ description: 'Last business date (with `from`; not with `year`)' }),
        asOf: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
        minCases: z.coerce.number().int().min(0).optional(),
      }),
    },
    responses: { ...ok('The statistics', StatisticsSchema), ...problems(401, 422) },
  }),
  units: createRoute({
    method: 'get',
    path: '/v1/units',
    tags: ['units'],
    summary: "Units' names (full, short, zh-CN/en) as the assignments that involve them record them",
    description:
      'For showing ids as names (statistics, lists). Ids no stored item involves are left out; the order is the order asked.',
    request: {
      query: z.object({
        ids: z
          .string()
          .min(1)
          .refine((v) => v.split(',').length <= MAX_UNIT_IDS, { message: `at most ${MAX_UNIT_IDS} ids` })
          .openapi({
            description: `Unit ids, comma-separated (at most ${MAX_UNIT_IDS})`,
            example: 'zs-commerce,zs-hrss',
          }),
      }),
    },
    responses: { ...ok('The units found', z.object({ items: z.array(UnitNameSchema) })), ...problems(401, 422) },
  }),
  tick: createRoute({
    method: 'post',
    path: '/v1/admin/tick',
    tags: ['admin'],
    summary: 'Fire due deadlines and send due reminders (the built-in scheduler does this on an interval)',
    request: {
      body: {
        required: false,
        content: {
          'application/json': {
            schema: z.object({
              now: z
                .string()
                .regex(/^\d{4}-\d{2}-\d{2}$/)
                .optional(),
            }),
          },
        },
      },
    },
    responses: { ...ok('The tick report'), ...problems(401, 403) },
  }),
  calendarYear: createRoute({
    method: 'post',
    path: '/v1/admin/calendar/years',
    tags: ['admin'],
    summary: "Add (or correct) a calendar year from the State Council's notice; open deadlines move and are logged",
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .object({
                year: z.unknown().openapi({
                  $ref: '#/components/schemas/CalendarYear',
                  description: 'A CalendarYear of @banli/calendar (holidays, make-up days, source).',
                } as never),
                version: z.string().min(1).optional(),
              })
              .openapi('CalendarYearRequest'),
          },
        },
      },
    },
    responses: { ...ok('The recompute report'), ...problems(401, 403, 422) },
  }),
  commands: createRoute({
    method: 'get',
    path: '/v1/proposals/{id}/commands',
    tags: ['proposals'],
    summary:
      'The commands the caller may send now (role, scope, current state), each with its label and JSON Schema; admin roles may ask for another actor',
    request: {
      params: IdParam,
      query: z.object({
        role: z.enum(ROLES).optional(),
        actorId: z.string().min(1).max(200).optional(),
        unitId: z.string().min(1).max(200).optional(),
      }),
    },
    responses: {
      ...ok(
        'The commands',
        z
          .object({
            actor: z.object({ role: z.string(), id: z.string(), unitId: z.string().optional() }),
            items: z.array(
              z.object({
                type: z.string(),
                caseId: z.string().optional(),
                accepted: z
                  .boolean()
                  .openapi({ description: 'false: a guard reads the payload, so a send may still be refused' }),
                label: z.object({ 'zh-CN': z.string(), en: z.string() }),
                schema: Json.openapi({ description: 'JSON Schema (2020-12) of the event body; `at` may be left out' }),
              }),
            ),
          })
          .openapi('AllowedCommands'),
      ),
      ...problems(401, 403, 404, 422),
    },
  }),
  simulation: createRoute({
    method: 'post',
    path: '/v1/simulations',
    tags: ['simulation'],
    summary:
      "A seeded simulation of a year of proposals (@banli/testing `simulate`) on a scratch in-memory store: the same seed gives the same result; the server's own data is not touched",
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .object({
                proposals: z.number().int().min(1),
                seed: z.number().int(),
                year: z.number().int().optional(),
              })
              .openapi('SimulationRequest'),
          },
        },
      },
    },
    responses: { ...ok('The simulation result (statistics, misses, slowest cases)'), ...problems(401, 422) },
  }),
  calendarYearGet: createRoute({
    method: 'get',
    path: '/v1/calendar/years/{year}',
    tags: ['calendar'],
    summary:
      'A year of the calendar in force: holidays and 调休 working days; past the last notice, the statutory estimate (`estimated: true`)',
    request: {
      params: z.object({
        year: z.coerce
          .number()
          .int()
          .min(2008)
          .max(2099)
          .openapi({ param: { name: 'year', in: 'path' }, example: 2023 }),
      }),
    },
    responses: { ...ok('The year'), ...problems(401, 422) },
  }),
  charts: createRoute({
    method: 'get',
    path: '/v1/charts',
    tags: ['machines'],
    summary: 'Both state machines as Mermaid state diagrams',
    responses: { ...ok('The diagrams', z.object({ proposal: z.string(), case: z.string() })) },
  }),
};

/** The period of `GET /v1/statistics`: a `year`, or `from` and `to` (422 for anything else). */
function statisticsPeriod(q: { year?: number; from?: string; to?: string }): { from: string; to: string } {
  if (q.year !== undefined && q.from === undefined && q.to === undefined)
    return { from: `${q.year}-01-01`, to: `${q.year}-12-31` };
  if (q.year === undefined && q.from !== undefined && q.to !== undefined) return { from: q.from, to: q.to };
  throw new HttpProblem(422, 'INVALID_REQUEST', {
    'zh-CN': '统计期间须为 year（年份），或同时给出 from 和 to（起止日期），二者不可同时给出',
    en: 'The statistics period is a `year`, or both `from` and `to`, not both kinds',
  });
}

/** This package's version (from its package.json, one folder up from both `src` and `dist`). */
function packageVersion(): string {
  try {
    return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

function lowerEtag(version: number): string {
  return `"${version}"`;
}

/** Reads `If-Match` (`"3"`, `W/"3"` or `3`) as a version; `*` or absent means no check. */
function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m)
    throw new HttpProblem(400, 'BAD_REQUEST', {
      'zh-CN': `If-Match 须为提案版本号（如 "3"），收到 ${header}`,
      en: `If-Match must be a proposal version (e.g. "3"), got ${header}`,
    });
  return Number(m[1]);
}

/**
 * Creates the HTTP application (a Hono app; serve it with `@hono/node-server` or any fetch-based runtime):
 * `/v1/*` endpoints over the SDK, `/openapi.json` (OpenAPI 3.1 from the same zod schemas), `/reference` (Scalar).
 */
export function createApp(options: AppOptions): OpenAPIHono<Env> {
  const { banli } = options;
  const adminRoles = options.adminRoles ?? ['system', 'committee'];
  const maxPage = options.maxPageSize ?? 200;
  const maxSimulation = options.maxSimulationProposals ?? 2000;
  const app = new OpenAPIHono<Env>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));
      const first = issues[0];
      const where = first ? first.path.join('.') || '(root)' : '';
      throw new HttpProblem(
        422,
        'INVALID_REQUEST',
        {
          'zh-CN': `请求参数无效：${where} ${first?.message ?? ''}`.trim(),
          en: `Invalid request: ${where} ${first?.message ?? ''}`.trim(),
        },
        { issues },
      );
      // biome-ignore lint/correctness/noUnreachable: typed as returning for Hono's hook signature
      return c.body(null);
    },
  });

  app.onError((error, c) => {
    const lang = c.get('lang') ?? negotiateLanguage(c.req.header('accept-language'));
    const p = problemOf(error, lang, c.req.path);
    if (p.status >= 500) console.error(error);
    return c.body(JSON.stringify(p), p.status as 500, { 'content-type': problemJson, 'content-language': lang });
  });
  app.notFound((c) => {
    throw new HttpProblem(404, 'NOT_FOUND', {
      'zh-CN': `没有这个地址：${c.req.method} ${c.req.path}`,
      en: `No such route: ${c.req.method} ${c.req.path}`,
    });
  });

  app.use('*', async (c, next) => {
    c.set('lang', negotiateLanguage(c.req.header('accept-language')));
    await next();
    c.header('content-language', c.get('lang'));
    c.header('vary', 'Accept-Language, Authorization');
  });
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new HttpProblem(413, 'PAYLOAD_TOO_LARGE', {
          'zh-CN': `请求体超过 ${limit} 字节`,
          en: `The request body is larger than ${limit} bytes`,
        });
      },
    }),
  );
  // Content type and JSON syntax are checked before validation, so they get 415 and 400 rather than 422.
  app.use('/v1/*', async (c, next) => {
    if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') {
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
      const length = c.req.header('content-length');
      const empty = length === '0' || (type === '' && !c.req.raw.body);
      if (!empty) {
        if (!JSON_TYPE.test(type))
          throw new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', {
            'zh-CN': `请求体须为 application/json，收到 ${type || '（无 Content-Type）'}`,
            en: `The request body must be application/json, got ${type || '(no Content-Type)'}`,
          });
        try {
          await c.req.json();
        } catch (error) {
          if (error instanceof HttpProblem) throw error;
          throw new HttpProblem(400, 'MALFORMED_JSON', {
            'zh-CN': '请求体不是合法的 JSON',
            en: 'The request body is not valid JSON',
          });
        }
      }
    }
    await next();
  });
  app.use('/v1/*', async (c, next) => {
    if (c.req.path === '/v1/charts') return next();
    const actor = await options.resolveActor(c.req.raw);
    if (!actor)
      throw new HttpProblem(401, 'UNAUTHENTICATED', {
        'zh-CN': '缺少身份凭证（Authorization: Bearer 令牌）',
        en: 'No credentials (Authorization: Bearer token)',
      });
    c.set('actor', actor);
    await next();
  });

  app.openapi(routes.submit, async (c) => {
    const body = c.req.valid('json');
    const headers = c.req.valid('header');
    const result = await banli.submit(body.proposal, {
      actor: c.get('actor'),
      ...(body.at ? { at: body.at } : {}),
      ...(body.draft ? { draft: body.draft } : {}),
      ...(headers['idempotency-key'] ? { idempotencyKey: headers['idempotency-key'] } : {}),
    });
    const r = result as unknown as { id?: string; version?: number };
    if (r.version !== undefined) c.header('etag', lowerEtag(r.version));
    if (r.id) c.header('location', `/v1/proposals/${encodeURIComponent(r.id)}`);
    return c.json(result as unknown as Record<string, unknown>, 201);
  });

  app.openapi(routes.send, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const headers = c.req.valid('header');
    const expected = ifMatchVersion(headers['if-match']);
    const result = await banli.send(id, body.event, {
      actor: c.get('actor'),
      ...(expected === undefined ? {} : { expectedVersion: expected }),
      ...(headers['idempotency-key'] ? { idempotencyKey: headers['idempotency-key'] } : {}),
      ...(body.backdated ? { backdated: body.backdated } : {}),
    });
    const r = result as unknown as { version?: number };
    if (r.version !== undefined) c.header('etag', lowerEtag(r.version));
    return c.json(result as unknown as Record<string, unknown>, 200);
  });

  app.openapi(routes.get, async (c) => {
    const view = await banli.get(c.req.valid('param').id);
    c.header('etag', lowerEtag(view.version));
    return c.json(view as unknown as Record<string, unknown>, 200);
  });

  app.openapi(routes.history, async (c) => {
    const items = await banli.history(c.req.valid('param').id);
    return c.json({ items: items as unknown as Record<string, unknown>[] }, 200);
  });

  app.openapi(routes.transitions, async (c) => {
    const { id } = c.req.valid('param');
    const { after } = c.req.valid('query');
    await banli.history(id); // 404 for an unknown proposal, before the stream starts
    const lastEventId = Number(c.req.header('last-event-id'));
    const from = after ?? (Number.isInteger(lastEventId) && lastEventId >= 0 ? lastEventId : 0);
    return transitionsResponse(banli, id, c.req.raw.signal, from, {
      ...(options.transitionsPollMs === undefined ? {} : { pollMs: options.transitionsPollMs }),
    }) as never;
  });

  app.openapi(routes.deadlines, async (c) => {
    const items = await banli.deadlines(c.req.valid('param').id);
    return c.json({ items: items as unknown as Record<string, unknown>[] }, 200);
  });

  app.openapi(routes.letter, async (c) => {
    const { id, caseId } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const text = await banli.letter(id, caseId, format);
    const type = format === 'html' ? 'text/html' : format === 'markdown' ? 'text/markdown' : 'text/plain';
    return c.body(text, 200, { 'content-type': `${type}; charset=utf-8` }) as never;
  });

  app.openapi(routes.query, async (c) => {
    const q = c.req.valid('query');
    const limitRows = Math.min(q.limit, maxPage);
    const query: ProposalQuery = {
      limit: limitRows + 1,
      ...(q.state ? { state: q.state.split(',') } : {}),
      ...(q.caseState ? { caseState: q.caseState.split(',') } : {}),
      ...(q.unitId ? { unitId: q.unitId } : {}),
      ...(q.proposerId ? { proposerId: q.proposerId } : {}),
      ...(q.tag ? { tag: q.tag.split(',') } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.overdue ? { overdue: q.overdue === 'true' } : {}),
      ...(q.dueWithinWorkingDays === undefined ? {} : { dueWithinWorkingDays: q.dueWithinWorkingDays }),
      ...(q.after ? { after: q.after } : {}),
    };
    const rows = await banli.query(query);
    const items = rows.slice(0, limitRows);
    const next = rows.length > limitRows ? (items.at(-1)?.streamId ?? null) : null;
    return c.json({ items: items as unknown as Record<string, unknown>[], next }, 200);
  });

  app.openapi(routes.statistics, async (c) => {
    const q = c.req.valid('query');
    const period = statisticsPeriod(q);
    const stats = await banli.statistics({
      ...period,
      ...(q.asOf ? { asOf: q.asOf } : {}),
      ...(q.minCases === undefined ? {} : { minCases: q.minCases }),
    });
    return c.json(stats as unknown as z.infer<typeof StatisticsSchema>, 200);
  });

  app.openapi(routes.units, async (c) => {
    const ids = c.req
      .valid('query')
      .ids.split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    return c.json({ items: await unitNames(banli, ids) }, 200);
  });

  app.openapi(routes.tick, async (c) => {
    const actor = c.get('actor');
    if (!adminRoles.includes(actor.role))
      throw new HttpProblem(403, 'FORBIDDEN', {
        'zh-CN': `只有 ${adminRoles.join('、')} 可以运行 tick`,
        en: `Only ${adminRoles.join(', ')} may run tick`,
      });
    const body = c.req.header('content-length') === '0' || !c.req.raw.body ? {} : (c.req.valid('json') ?? {});
    const report = await banli.tick(body.now, { claimant: `http:${actor.id}` });
    return c.json(report as unknown as Record<string, unknown>, 200);
  });

  app.openapi(routes.calendarYear, async (c) => {
    const actor = c.get('actor');
    if (!adminRoles.includes(actor.role))
      throw new HttpProblem(403, 'FORBIDDEN', {
        'zh-CN': `只有 ${adminRoles.join('、')} 可以修改日历`,
        en: `Only ${adminRoles.join(', ')} may change the calendar`,
      });
    const body = c.req.valid('json');
    // Persisted through the store (saveCalendarYear), so a restart keeps it; open deadlines move and are logged.
    const report = await banli.addHolidayNotice(body.year as never, body.version ? { version: body.version } : {});
    const now = banli.calendar;
    return c.json(
      {
        calendar: { id: now.id, version: now.version, firstYear: now.firstYear, lastYear: now.lastYear },
        report: report as unknown as Record<string, unknown>,
      },
      200,
    );
  });

  app.openapi(routes.calendarYearGet, (c) => {
    const { year } = c.req.valid('param');
    const known = banli.calendar.years.get(year);
    const data = known ?? estimateStatutoryYear(year);
    return c.json({ ...(data as unknown as Record<string, unknown>), estimated: known === undefined }, 200);
  });

  app.openapi(routes.commands, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const caller = c.get('actor');
    let actor: Actor = caller;
    if (q.role !== undefined || q.actorId !== undefined || q.unitId !== undefined) {
      if (!adminRoles.includes(caller.role))
        throw new HttpProblem(403, 'FORBIDDEN', {
          'zh-CN': `只有 ${adminRoles.join('、')} 可以查看他人可发送的命令`,
          en: `Only ${adminRoles.join(', ')} may ask what another actor may send`,
        });
      actor = {
        role: q.role ?? caller.role,
        id: q.actorId ?? caller.id,
        ...(q.unitId ? { unitId: q.unitId } : {}),
      };
    }
    const { events } = domainSchemas();
    const items = (await banli.can(id, actor)).map((command) => ({
      ...command,
      label: eventMeta[command.type].label,
      schema: events[command.type] as Record<string, unknown>,
    }));
    return c.json({ actor, items }, 200);
  });

  app.openapi(routes.simulation, async (c) => {
    const body = c.req.valid('json');
    if (body.proposals > maxSimulation)
      throw new HttpProblem(422, 'INVALID_REQUEST', {
        'zh-CN': `一次模拟至多 ${maxSimulation} 件，收到 ${body.proposals} 件`,
        en: `A simulation may run at most ${maxSimulation} proposals, got ${body.proposals}`,
      });
    try {
      const { events: _none, ...result } = await simulate({
        proposals: body.proposals,
        seed: body.seed,
        ...(body.year === undefined ? {} : { year: body.year }),
        policy: banli.policy as never,
        calendar: banli.calendar,
      });
      return c.json(result as unknown as Record<string, unknown>, 200);
    } catch (error) {
      if (error instanceof BanliTestingError)
        throw new HttpProblem(422, 'INVALID_REQUEST', error.messages, { reason: error.code });
      throw error;
    }
  });

  app.openapi(routes.charts, (c) =>
    c.json({ proposal: toMermaid(proposalMachine), case: toMermaid(caseMachine) }, 200),
  );

  app.get('/v1/notifications', (c) => {
    if (!options.notifications)
      throw new HttpProblem(404, 'NOT_FOUND', { 'zh-CN': '本服务未开启通知流', en: 'Notifications are not enabled' });
    const types = c.req.query('types')?.split(',').filter(Boolean);
    return sseResponse(options.notifications, c.req.raw.signal, types, c.req.header('last-event-id'));
  });

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'banli',
      version: packageVersion(),
      description:
        'CPPCC proposals and NPC suggestions handling over HTTP. Errors are RFC 9457 problem+json in zh-CN or en (Accept-Language). Writes take Idempotency-Key; sends take If-Match with the proposal version (ETag).',
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  for (const [name, schema] of Object.entries(domainSchemas().components))
    app.openAPIRegistry.registerComponent('schemas', name, schema as never);
  // The reference page loads Scalar's bundle from this server (no CDN, no web fonts): it renders on a closed network.
  const bundle = options.scalarBundle ?? scalarBundleDir();
  app.get('/reference/assets/*', (c) => {
    const file = bundle ? readBundleFile(bundle, c.req.path.slice('/reference/assets/'.length)) : undefined;
    if (!file)
      throw new HttpProblem(404, 'NOT_FOUND', {
        'zh-CN': `没有这个文件：${c.req.path}`,
        en: `No such file: ${c.req.path}`,
      });
    return c.body(file.body as never, 200, {
      'content-type': file.type,
      'cache-control': 'public, max-age=86400',
    });
  });
  app.get(
    '/reference',
    Scalar({
      url: '/openapi.json',
      pageTitle: 'banli API',
      cdn: '/reference/assets/standalone.js',
      withDefaultFonts: false,
    } as never),
  );
  app.get('/', (c) => c.json({ openapi: '/openapi.json', reference: '/reference', api: '/v1' }));
  return app;
}
