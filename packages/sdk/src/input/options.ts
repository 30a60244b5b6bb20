import type { Bilingual } from '@banli/schemas';
import { isRealIsoDate, textRuleViolation } from '@banli/schemas';
import { ValidationError, type ValidationIssue } from '../errors.js';
import type { SizeLimits } from '../limits.js';
import { issueOf } from './issues.js';

/** Collects the issues of one call's arguments and throws them together as one `ValidationError`. */
export class ArgumentCheck {
  readonly issues: ValidationIssue[] = [];

  constructor(private readonly limits: SizeLimits) {}

  private add(label: Bilingual, code: Parameters<typeof issueOf>[2], params: Parameters<typeof issueOf>[3] = {}) {
    this.issues.push(issueOf(label, [], code, params));
  }

  /** An options argument: `undefined` when `optional`, else a plain object. */
  options(value: unknown, label: Bilingual, optional: boolean): Record<string, unknown> {
    if (value === undefined && optional) return {};
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.add(label, value === undefined ? 'required' : 'invalid_type', {
        expected: 'object',
        received: value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value,
      });
      return {};
    }
    return value as Record<string, unknown>;
  }

  private string(value: unknown, label: Bilingual, max: number): value is string {
    if (typeof value !== 'string') {
      this.add(label, value === undefined ? 'required' : 'invalid_type', {
        expected: 'string',
        received: value === null ? 'null' : typeof value,
      });
      return false;
    }
    const broken = value.trim() === '' ? 'empty_text' : value.length > max ? 'too_long' : textRuleViolation(value);
    if (broken === undefined) return true;
    this.add(label, broken, broken === 'too_long' ? { maximum: max } : {});
    return false;
  }

  /** An id: non-blank text within `limits.idLength`, obeying the text rules. */
  id(value: unknown, label: Bilingual, optional = false): void {
    if (value === undefined && optional) return;
    this.string(value, label, this.limits.idLength);
  }

  /** An idempotency key (optional): non-blank text within `limits.idempotencyKeyLength`. */
  key(value: unknown, label: Bilingual): void {
    if (value !== undefined) this.string(value, label, this.limits.idempotencyKeyLength);
  }

  /** Free text (a state name, a tag): within `limits.textLength`. */
  text(value: unknown, label: Bilingual, optional = true): void {
    if (value === undefined && optional) return;
    this.string(value, label, this.limits.textLength);
  }

  /** A business date `YYYY-MM-DD` that exists. */
  date(value: unknown, label: Bilingual, optional = true): void {
    if (value === undefined && optional) return;
    if (!this.string(value, label, 10 + 1)) {
      // `too_long` for an 11+ character string is really a format problem: report it as one.
      const last = this.issues[this.issues.length - 1];
      if (last?.code === 'too_long') {
        this.issues[this.issues.length - 1] = issueOf(label, [], 'iso_date_format', { value: String(value) });
      }
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value as string)) this.add(label, 'iso_date_format', { value: value as string });
    else if (!isRealIsoDate(value as string)) this.add(label, 'iso_date_not_real', { value: value as string });
  }

  /** A boolean (optional). */
  boolean(value: unknown, label: Bilingual): void {
    if (value !== undefined && typeof value !== 'boolean') {
      this.add(label, 'invalid_type', { expected: 'boolean', received: value === null ? 'null' : typeof value });
    }
  }

  /** A whole number within `[min, max]` (optional unless `optional` is false). */
  integer(value: unknown, label: Bilingual, min: number, max = Number.MAX_SAFE_INTEGER, optional = true): void {
    if (value === undefined && optional) return;
    if (typeof value !== 'number' || Number.isNaN(value)) {
      this.add(label, value === undefined ? 'required' : 'invalid_type', {
        expected: 'number',
        received: value === null ? 'null' : typeof value,
      });
    } else if (!Number.isInteger(value)) this.add(label, 'not_integer');
    else if (value < min) this.add(label, 'number_too_small', { minimum: min, inclusive: true });
    else if (value > max) this.add(label, 'number_too_big', { maximum: max, inclusive: true });
  }

  /** One of a fixed set of strings. */
  oneOf(value: unknown, label: Bilingual, options: readonly string[], optional = true): void {
    if (value === undefined && optional) return;
    if (typeof value !== 'string' || !options.includes(value)) {
      this.add(label, 'invalid_option', { options: options.map((o) => JSON.stringify(o)).join(', ') });
    }
  }

  /** A string or a list of strings (a query filter). */
  textOrList(value: unknown, label: Bilingual): void {
    if (value === undefined) return;
    if (Array.isArray(value)) {
      if (value.length > 1000) this.add(label, 'too_many_items', { maximum: 1000 });
      else for (const v of value) this.text(v, label, false);
    } else this.text(value, label, false);
  }

  /**
   * An outbox position (optional): `''` or a store position (`digits:digits`, at most 20 digits each), optionally
   * followed by `|n` (notifications already taken from the next record), as `BanliNotification.position` gives it.
   */
  position(value: unknown, label: Bilingual): void {
    if (value === undefined) return;
    if (!this.string(value === '' ? '0:0' : value, label, 20 + 1 + 20 + 10)) return;
    if (!OUTBOX_POSITION.test(value as string)) this.add(label, 'invalid_format');
  }

  /** A callback. */
  callback(value: unknown, label: Bilingual): void {
    if (typeof value !== 'function') {
      this.add(label, value === undefined ? 'required' : 'invalid_type', {
        expected: 'function',
        received: value === null ? 'null' : typeof value,
      });
    }
  }

  /** Throws the collected issues, if any. */
  done(): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues);
  }
}

/** An outbox position as the SDK hands it out (see `ArgumentCheck.position`). */
const OUTBOX_POSITION = /^(?:[0-9]{1,20}:[0-9]{1,20})?(?:\|[0-9]{1,9})?$/;

/** Field labels of call arguments, in both languages. */
export const ARG = {
  options: { 'zh-CN': '选项', en: 'options' },
  id: { 'zh-CN': '提案标识', en: 'proposal id' },
  caseId: { 'zh-CN': '办件标识', en: 'case id' },
  at: { 'zh-CN': '业务日期', en: 'at' },
  now: { 'zh-CN': '当前业务日期', en: 'now' },
  draft: { 'zh-CN': '草稿', en: 'draft' },
  expectedVersion: { 'zh-CN': '期望版本', en: 'expectedVersion' },
  idempotencyKey: { 'zh-CN': '幂等键', en: 'idempotencyKey' },
  backdated: { 'zh-CN': '补录声明', en: 'backdated' },
  backdatedReason: { 'zh-CN': '补录理由', en: 'backdated.reason' },
  actorId: { 'zh-CN': '操作者标识', en: 'actor id' },
  actorUnitId: { 'zh-CN': '操作者单位标识', en: 'actor unitId' },
  claimant: { 'zh-CN': '调度者标识', en: 'claimant' },
  batchSize: { 'zh-CN': '每批数量', en: 'batchSize' },
  leaseMs: { 'zh-CN': '租约时长（毫秒）', en: 'leaseMs' },
  format: { 'zh-CN': '格式', en: 'format' },
  event: { 'zh-CN': '事件', en: 'event' },
  proposal: { 'zh-CN': '提案', en: 'proposal' },
  state: { 'zh-CN': '状态', en: 'state' },
  caseState: { 'zh-CN': '办件状态', en: 'caseState' },
  unitId: { 'zh-CN': '单位标识', en: 'unitId' },
  proposerId: { 'zh-CN': '提出者标识', en: 'proposerId' },
  tag: { 'zh-CN': '标签', en: 'tag' },
  kind: { 'zh-CN': '类别', en: 'kind' },
  overdue: { 'zh-CN': '逾期', en: 'overdue' },
  dueWithinWorkingDays: { 'zh-CN': '到期工作日数', en: 'dueWithinWorkingDays' },
  limit: { 'zh-CN': '条数上限', en: 'limit' },
  after: { 'zh-CN': '起始标识', en: 'after' },
  from: { 'zh-CN': '起始日期', en: 'from' },
  to: { 'zh-CN': '截止日期', en: 'to' },
  minCases: { 'zh-CN': '最少件数', en: 'minCases' },
  asOf: { 'zh-CN': '统计日期', en: 'asOf' },
  dryRun: { 'zh-CN': '试运行', en: 'dryRun' },
  streamIds: { 'zh-CN': '提案标识列表', en: 'streamIds' },
  utcOffsetMinutes: { 'zh-CN': '时区偏移（分钟）', en: 'utcOffsetMinutes' },
  snapshotEvery: { 'zh-CN': '快照间隔', en: 'snapshotEvery' },
  maxRetries: { 'zh-CN': '最大重试次数', en: 'maxRetries' },
  cache: { 'zh-CN': '缓存容量', en: 'cache' },
  limits: { 'zh-CN': '大小上限', en: 'limits' },
  consumer: { 'zh-CN': '消费者名称', en: 'consumer' },
  maxAttempts: { 'zh-CN': '最多投递次数', en: 'maxAttempts' },
  handler: { 'zh-CN': '处理函数', en: 'handler' },
  position: { 'zh-CN': '发件箱位置', en: 'position' },
  types: { 'zh-CN': '通知类型', en: 'types' },
  keys: { 'zh-CN': '通知键', en: 'keys' },
  max: { 'zh-CN': '最多条数', en: 'max' },
  start: { 'zh-CN': '起点', en: 'start' },
  pollMs: { 'zh-CN': '轮询间隔（毫秒）', en: 'pollMs' },
} as const satisfies Record<string, Bilingual>;
