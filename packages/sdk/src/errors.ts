import { BanliError, type BanliErrorCode, eventMeta, formatChineseDate, TransitionRefusedError } from '@banli/core';
import { type Bilingual, CHANNEL_LABELS, PROPOSAL_KIND_LABELS } from '@banli/schemas';

// One class per error: the base class, its codes and the refusal are @banli/core's (the coordinator throws the
// refusal; the SDK throws the same class with the proposal's state view), re-exported here.
export { BanliError, type BanliErrorCode, TransitionRefusedError };

/** An issue found while validating a command's payload. */
export interface ValidationIssue {
  path: (string | number)[];
  code: string;
  messages: Bilingual;
}

/** The payload failed its zod schema. */
export class ValidationError extends BanliError {
  /** The issues found, with zh-CN and en messages. */
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[], state?: unknown) {
    const first = issues[0];
    super(
      'VALIDATION',
      {
        'zh-CN': `输入无效：${first ? `${first.path.join('.') || '(根)'} ${first.messages['zh-CN']}` : '格式错误'}`,
        en: `Invalid input: ${first ? `${first.path.join('.') || '(root)'} ${first.messages.en}` : 'malformed'}`,
      },
      state,
    );
    this.issues = issues;
  }
}

/** The actor's role may not send this event, or not on this proposal or case. */
export class PermissionError extends BanliError {
  constructor(messages: Bilingual, state?: unknown) {
    super('PERMISSION', messages, state);
  }
}

/** Why a store refused an append. */
export type ConflictReason = 'version' | 'idempotencyKey' | 'deadlineFired' | 'calendarYear';

/** The stream changed since it was read (stale `expectedVersion`), an idempotency key was taken, or a deadline had already fired. */
export class ConcurrencyConflictError extends BanliError {
  /** What conflicted. */
  readonly reason: ConflictReason;
  /** The stream (proposal id). */
  readonly streamId: string;
  /** The version the writer expected. */
  readonly expectedVersion: number;
  /** The stream's actual version, when known. */
  readonly actualVersion: number | undefined;

  constructor(
    details: { reason: ConflictReason; streamId: string; expectedVersion: number; actualVersion?: number },
    state?: unknown,
  ) {
    const { reason, streamId, expectedVersion, actualVersion } = details;
    const why: Bilingual =
      reason === 'version'
        ? {
            'zh-CN': `提案 ${streamId} 已被修改（期望版本 ${expectedVersion}，实际版本 ${actualVersion ?? '未知'}）`,
            en: `Proposal ${streamId} was modified (expected version ${expectedVersion}, actual ${actualVersion ?? 'unknown'})`,
          }
        : reason === 'idempotencyKey'
          ? {
              'zh-CN': `幂等键已被使用（提案 ${streamId}）`,
              en: `The idempotency key is already used (proposal ${streamId})`,
            }
          : reason === 'calendarYear'
            ? {
                'zh-CN': `日历版本 ${streamId} 已以不同的内容保存`,
                en: `Calendar version ${streamId} is already saved with different content`,
              }
            : {
                'zh-CN': `期限已触发过（提案 ${streamId}）`,
                en: `The deadline has already fired (proposal ${streamId})`,
              };
    super('CONCURRENCY_CONFLICT', why, state);
    this.reason = reason;
    this.streamId = streamId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

/** No proposal (or case) with this id exists. */
export class NotFoundError extends BanliError {
  /** The id that was looked up. */
  readonly id: string;

  constructor(id: string, what: Bilingual = { 'zh-CN': '提案', en: 'Proposal' }) {
    super('NOT_FOUND', { 'zh-CN': `${what['zh-CN']} ${id} 不存在`, en: `${what.en} ${id} not found` });
    this.id = id;
  }
}

/** A proposal with this id already exists. */
export class AlreadyExistsError extends BanliError {
  /** The id that is taken. */
  readonly id: string;

  constructor(id: string) {
    super('ALREADY_EXISTS', { 'zh-CN': `提案 ${id} 已存在`, en: `Proposal ${id} already exists` });
    this.id = id;
  }
}

/** An idempotency key was reused for a different command. */
export class IdempotencyMismatchError extends BanliError {
  /** The reused key. */
  readonly key: string;

  constructor(key: string, state?: unknown) {
    super(
      'IDEMPOTENCY_MISMATCH',
      { 'zh-CN': `幂等键 ${key} 已用于另一条命令`, en: `Idempotency key ${key} was used for a different command` },
      state,
    );
    this.key = key;
  }
}

/** The Chinese label of an event type (e.g. 记录沟通), or the type itself when it has none. */
function stepLabel(eventType: string): string {
  const label = (eventMeta as Record<string, { label: Bilingual } | undefined>)[eventType]?.label['zh-CN'];
  return label ? label : eventType;
}

/** Where the latest event a backdated event was compared with belongs: its own case, or the whole proposal. */
export type DateOrderScope = 'case' | 'proposal';

/**
 * The event is dated before the latest event of its own case (or, for a proposal-level event, of the proposal) and
 * the command did not declare it with `backdated: { reason }`. Cases of one proposal may interleave.
 */
export class BackdatingRefusedError extends BanliError {
  /** The refused event type. */
  readonly eventType: string;
  /** The event's business date. */
  readonly at: string;
  /** The latest business date it was compared with. */
  readonly lastAt: string;
  /** Whether `lastAt` is the case's or the proposal's. */
  readonly scope: DateOrderScope;
  /** The case, for a case event. */
  readonly caseId: string | undefined;

  constructor(
    details: { eventType: string; at: string; lastAt: string; scope: DateOrderScope; caseId?: string },
    state?: unknown,
  ) {
    const { eventType, at, lastAt, scope, caseId } = details;
    const whose: Bilingual =
      scope === 'case'
        ? { 'zh-CN': `办件 ${caseId ?? ''}`, en: `case ${caseId ?? ''}` }
        : { 'zh-CN': '本提案', en: 'the proposal' };
    super(
      'BACKDATED',
      {
        // Plain words (issue 13.9): the step's label, dates as 2023年3月27日; the field to fill named in brackets.
        'zh-CN': `“${stepLabel(eventType)}”的日期 ${formatChineseDate(at)} 早于${whose['zh-CN']}的最后一个事件（${formatChineseDate(lastAt)}）；补录请注明补录理由（backdated.reason）`,
        en: `Event ${eventType} is dated ${at}, before the last event of ${whose.en} (${lastAt}); a late entry needs backdated.reason`,
      },
      state,
    );
    this.eventType = eventType;
    this.at = at;
    this.lastAt = lastAt;
    this.scope = scope;
    this.caseId = caseId;
  }
}

/**
 * The policy in force does not cover this kind of item (or channel): e.g. a CPPCC proposal submitted under the
 * Chongqing preset, which covers deputies' suggestions only. Names the policy.
 */
export class NotCovered extends BanliError {
  /** The policy's id. */
  readonly policyId: string;
  /** The item's kind. */
  readonly kind: string;
  /** The item's channel. */
  readonly channel: string;

  constructor(policy: { id: string; label: Bilingual }, item: { kind: string; channel: string }) {
    const kinds: Record<string, Bilingual> = PROPOSAL_KIND_LABELS;
    const channels: Record<string, Bilingual> = CHANNEL_LABELS;
    const kind = kinds[item.kind] ?? { 'zh-CN': item.kind, en: item.kind };
    const channel = channels[item.channel] ?? { 'zh-CN': item.channel, en: item.channel };
    super('NOT_COVERED', {
      'zh-CN': `办理规则“${policy.label['zh-CN']}”（${policy.id}）不适用于${channel['zh-CN']}的${kind['zh-CN']}`,
      en: `The policy “${policy.label.en}” (${policy.id}) does not cover this item: ${kind.en}, ${channel.en.toLowerCase()}`,
    });
    this.policyId = policy.id;
    this.kind = item.kind;
    this.channel = item.channel;
  }
}

// The names before the `Error` suffix (issue 18: one naming rule for every SDK error), kept for existing callers.

/**
 * @deprecated Use `ConcurrencyConflictError` (the same class).
 * @alias
 */
export const ConcurrencyConflict = ConcurrencyConflictError;
/** @deprecated Use `ConcurrencyConflictError`. */
export type ConcurrencyConflict = ConcurrencyConflictError;

/**
 * @deprecated Use `NotFoundError` (the same class).
 * @alias
 */
export const NotFound = NotFoundError;
/** @deprecated Use `NotFoundError`. */
export type NotFound = NotFoundError;

/**
 * @deprecated Use `AlreadyExistsError` (the same class).
 * @alias
 */
export const AlreadyExists = AlreadyExistsError;
/** @deprecated Use `AlreadyExistsError`. */
export type AlreadyExists = AlreadyExistsError;

/**
 * @deprecated Use `IdempotencyMismatchError` (the same class).
 * @alias
 */
export const IdempotencyMismatch = IdempotencyMismatchError;
/** @deprecated Use `IdempotencyMismatchError`. */
export type IdempotencyMismatch = IdempotencyMismatchError;

/**
 * @deprecated Use `BackdatingRefusedError` (the same class).
 * @alias
 */
export const BackdatingRefused = BackdatingRefusedError;
/** @deprecated Use `BackdatingRefusedError`. */
export type BackdatingRefused = BackdatingRefusedError;
