import { CalendarError, CalendarYearConflictError } from '@banli/calendar';
import { BanliError, type BanliErrorCode, type Bilingual, BilingualError, ConcurrencyConflictError } from '@banli/sdk';

/** The languages problem details are written in. */
export type Lang = 'zh-CN' | 'en';

/** An RFC 9457 problem details object, as the server sends it (`application/problem+json`). */
export interface Problem {
  /** A URI naming the kind of problem: `urn:banli:problem:<code>`. */
  type: string;
  /** A short summary of the kind of problem, in the negotiated language. */
  title: string;
  /** The HTTP status. */
  status: number;
  /** What went wrong here, in the negotiated language. */
  detail: string;
  /** The request path. */
  instance?: string;
  /** The stable error code (the SDK's `BanliError.code`, or the server's own). */
  code: string;
  /** The detail in both languages. */
  messages: Bilingual;
  /** Field-level issues of a validation error. */
  issues?: unknown[];
  /** The proposal's state when a command was refused, if any. */
  state?: unknown;
  /** The rule that refused a transition, if the SDK named one. */
  reason?: unknown;
}

/** Codes of the errors the HTTP layer raises itself (the SDK's codes are passed through). */
export type HttpProblemCode =
  | 'BAD_REQUEST'
  | 'MALFORMED_JSON'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PRECONDITION_FAILED'
  | 'INVALID_REQUEST'
  | 'INTERNAL';

/**
 * An error the HTTP layer answers with a given status: a `BilingualError` (its stable `code`, the message in zh-CN
 * and en) with the HTTP status and any extra members of the problem object.
 */
export class HttpProblem extends BilingualError<HttpProblemCode> {
  /** The HTTP status. */
  readonly status: number;
  /** Extra members of the problem object. */
  readonly extra: Record<string, unknown>;

  constructor(status: number, code: HttpProblemCode, messages: Bilingual, extra: Record<string, unknown> = {}) {
    super(code, messages);
    this.status = status;
    this.extra = extra;
    this.name = 'HttpProblem';
  }
}

/** Every SDK error code must have its own title (the type says so); the rest are the server's own codes. */
const TITLES: Record<BanliErrorCode, Bilingual> & Record<string, Bilingual> = {
  VALIDATION: { 'zh-CN': '输入无效', en: 'Invalid input' },
  PERMISSION: { 'zh-CN': '无权执行', en: 'Not permitted' },
  TRANSITION_REFUSED: { 'zh-CN': '当前状态不允许该操作', en: 'Not allowed in the current state' },
  CONCURRENCY_CONFLICT: { 'zh-CN': '并发冲突', en: 'Concurrent modification' },
  NOT_FOUND: { 'zh-CN': '未找到', en: 'Not found' },
  ALREADY_EXISTS: { 'zh-CN': '已存在', en: 'Already exists' },
  IDEMPOTENCY_MISMATCH: { 'zh-CN': '幂等键冲突', en: 'Idempotency key reused' },
  BACKDATED: { 'zh-CN': '日期早于已有事件', en: 'Dated before earlier events' },
  NOT_COVERED: { 'zh-CN': '本地规则不适用于此类办件', en: 'Not covered by the local rules' },
  CALENDAR_PERSISTENCE_UNSUPPORTED: { 'zh-CN': '存储不支持保存日历', en: 'Store cannot persist calendars' },
  OUTBOX_UNSUPPORTED: { 'zh-CN': '存储不支持通知发件箱', en: 'Store has no notification outbox' },
  MERGE_UNSUPPORTED: { 'zh-CN': '存储不支持并案写入', en: 'Store cannot write a merge' },
  BAD_REQUEST: { 'zh-CN': '请求错误', en: 'Bad request' },
  MALFORMED_JSON: { 'zh-CN': 'JSON 格式错误', en: 'Malformed JSON' },
  UNAUTHENTICATED: { 'zh-CN': '未认证', en: 'Not authenticated' },
  FORBIDDEN: { 'zh-CN': '禁止访问', en: 'Forbidden' },
  METHOD_NOT_ALLOWED: { 'zh-CN': '方法不允许', en: 'Method not allowed' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '请求体过大', en: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的内容类型', en: 'Unsupported media type' },
  PRECONDITION_FAILED: { 'zh-CN': '前提条件不满足', en: 'Precondition failed' },
  INVALID_REQUEST: { 'zh-CN': '请求参数无效', en: 'Invalid request' },
  INTERNAL: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
  CALENDAR_DEFINITION: { 'zh-CN': '日历数据无效', en: 'Invalid calendar data' },
};

/** The HTTP status of an SDK error code (a version conflict asked for by `If-Match` is 412). */
export function statusOf(error: BanliError): number {
  switch (error.code) {
    case 'VALIDATION':
    case 'BACKDATED':
    case 'IDEMPOTENCY_MISMATCH':
      return 422;
    case 'PERMISSION':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONCURRENCY_CONFLICT':
      return error instanceof ConcurrencyConflictError && error.reason === 'version' ? 412 : 409;
    case 'TRANSITION_REFUSED':
    case 'ALREADY_EXISTS':
      return 409;
    default:
      return 400;
  }
}

/**
 * The language of an `Accept-Language` header: `en` when English is preferred over Chinese (by q-value, then
 * order), otherwise zh-CN (the default, also for no header or neither language).
 */
export function negotiateLanguage(header: string | undefined | null): Lang {
  if (!header) return 'zh-CN';
  let best: { lang: Lang; q: number; i: number } | undefined;
  header.split(',').forEach((part, i) => {
    const [tag = '', ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const t = tag.trim().toLowerCase();
    const lang: Lang | undefined = t.startsWith('zh') ? 'zh-CN' : t.startsWith('en') ? 'en' : undefined;
    if (!lang || !(q > 0)) return;
    if (!best || q > best.q) best = { lang, q, i };
  });
  return best?.lang ?? 'zh-CN';
}

/** The problem object for anything thrown while handling a request. */
export function problemOf(error: unknown, lang: Lang, instance?: string): Problem {
  const base = (status: number, code: string, messages: Bilingual): Problem => ({
    type: `urn:banli:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: (TITLES[code] ?? TITLES.INTERNAL)?.[lang] ?? code,
    status,
    detail: messages[lang],
    ...(instance === undefined ? {} : { instance }),
    code,
    messages,
  });
  if (error instanceof HttpProblem) return { ...base(error.status, error.code, error.messages), ...error.extra };
  if (error instanceof BanliError) {
    const p = base(statusOf(error), error.code, error.messages);
    const e = error as BanliError & { issues?: unknown[]; reason?: unknown };
    if (Array.isArray(e.issues)) p.issues = e.issues;
    if (e.reason !== undefined && typeof e.reason === 'object') p.reason = e.reason;
    if (error.state !== undefined) p.state = error.state;
    return p;
  }
  // A year already in force with other days: the request conflicts with the calendar's state (409), as a refused transition does.
  if (error instanceof CalendarYearConflictError) return base(409, error.code.toUpperCase(), error.messages);
  if (error instanceof CalendarError) return base(422, error.code.toUpperCase(), error.messages);
  return base(500, 'INTERNAL', { 'zh-CN': '服务器内部错误', en: 'Internal server error' });
}
