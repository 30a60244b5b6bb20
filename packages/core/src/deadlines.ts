import type { Bilingual, IsoDate } from './domain.js';
import { recordCopier } from './internal/recordCopier.js';
import type { DeadlineRule } from './policy/deadlineRule.js';

/** What a deadline is for. */
export type DeadlineKind =
  | 'assignment'
  | 'adjustmentWindow'
  | 'adjustmentAnswer'
  | 'acceptance'
  | 'firstContact'
  | 'coOpinion'
  | 'reply'
  | 'feedback'
  | 'rehandling'
  | 'publication'
  | 'followUp';

/** Where a deadline stands: `cancelled` when its step no longer applies (withdrawal, reassignment, extension). */
export type DeadlineStatus = 'open' | 'met' | 'missed' | 'cancelled';

/** A deadline as data in machine context, computed with `@banli/calendar` when its step starts. */
export interface Deadline {
  id: string;
  kind: DeadlineKind;
  /** Due date (inclusive: the step is on time when completed on or before it). */
  due: IsoDate;
  start: IsoDate;
  rule: DeadlineRule;
  calendarId: string;
  calendarVersion: string;
  provisional: boolean;
  status: DeadlineStatus;
  /** The unit that owes the step (co-handler opinions), when not the case's own unit. */
  unitId?: string;
  /** The case it belongs to (filled by the coordinator's selectors). */
  caseId?: string;
  /** Handling round (1 + re-handling rounds) it was opened in. */
  round?: number;
  /** When its step completed or it was cancelled. */
  closedAt?: IsoDate;
  /** When a `deadline.elapsed` marked it missed. A miss stays in the log: an extension granted later never erases it. */
  missedAt?: IsoDate;
  /** For a deadline opened by an extension: the start of the period it extends (the policy's maximum counts from it). */
  periodStart?: IsoDate;
  /** When a calendar correction last moved its due date or status (set by the SDK's `recomputeDeadlines`). */
  correctedAt?: IsoDate;
}

/** Labels of the deadline kinds. */
export const deadlineKindMeta: Record<DeadlineKind, { label: Bilingual }> = {
  assignment: { label: { 'zh-CN': '交办期限', en: 'Assignment' } },
  adjustmentWindow: { label: { 'zh-CN': '签收及申请调整期限', en: 'Acceptance and adjustment window' } },
  adjustmentAnswer: { label: { 'zh-CN': '调整申请答复期限', en: 'Answer to adjustment request' } },
  acceptance: { label: { 'zh-CN': '签收期限', en: 'Acceptance' } },
  firstContact: { label: { 'zh-CN': '首次联系提出者期限', en: 'First contact with proposers' } },
  coOpinion: { label: { 'zh-CN': '会办意见期限', en: 'Co-handling opinion' } },
  reply: { label: { 'zh-CN': '答复期限', en: 'Reply' } },
  feedback: { label: { 'zh-CN': '反馈意见期限', en: 'Proposer feedback' } },
  rehandling: { label: { 'zh-CN': '重新办理期限', en: 'Re-handling' } },
  publication: { label: { 'zh-CN': '主动公开期限', en: 'Publication' } },
  followUp: { label: { 'zh-CN': '跟踪办理期限', en: 'Follow-up reply' } },
};

/** Kind-specific labels: a suggestion's deadlines speak of 代表, a proposal's of 提案者 (issue 13.11). */
const KIND_LABELS: Partial<Record<DeadlineKind, Record<'proposal' | 'suggestion', Bilingual>>> = {
  firstContact: {
    proposal: { 'zh-CN': '首次联系提案者期限', en: 'First contact with the proposers' },
    suggestion: { 'zh-CN': '首次联系代表期限', en: 'First contact with the deputies' },
  },
  // S10: the proposers' 征询意见表; S13: the deputy's 答复函回执
  feedback: {
    proposal: { 'zh-CN': '提案者反馈意见期限', en: 'Feedback from the proposers' },
    suggestion: { 'zh-CN': '代表反馈意见期限', en: 'Feedback from the deputies' },
  },
};

/**
 * The label of a deadline kind for an item of the given kind (政协提案 or 人大代表建议).
 *
 * @example
 * ```ts
 * deadlineLabel('firstContact', 'suggestion')['zh-CN']; // '首次联系代表期限'
 * ```
 */
export function deadlineLabel(kind: DeadlineKind, itemKind?: 'proposal' | 'suggestion'): Bilingual {
  const specific = itemKind ? KIND_LABELS[kind]?.[itemKind] : undefined;
  return specific ?? deadlineKindMeta[kind].label;
}

/** Deadlines plus the counter that keeps their ids unique, as kept in machine context. */
export interface DeadlineBook {
  deadlines: Deadline[];
  deadlineSeq: number;
}

/** What is needed to open a deadline; its due date is filled in by the machine's `computeDueDates` action. */
export interface DeadlineRequest {
  kind: DeadlineKind;
  start: IsoDate;
  rule: DeadlineRule;
  unitId?: string;
  round?: number;
  /** See `Deadline.periodStart`. */
  periodStart?: IsoDate;
}

/** Opens deadlines with an empty `due`, to be computed by `computeDueDates` in the same macrostep. */
export function openDeadlines(book: DeadlineBook, ownerId: string, requests: DeadlineRequest[]): DeadlineBook {
  let seq = book.deadlineSeq;
  const added = requests.map((r): Deadline => {
    seq += 1;
    const d: Deadline = {
      id: `${ownerId}:${r.kind}:${seq}`,
      kind: r.kind,
      due: '',
      start: r.start,
      rule: r.rule,
      calendarId: '',
      calendarVersion: '',
      provisional: false,
      status: 'open',
    };
    if (r.unitId !== undefined) d.unitId = r.unitId;
    if (r.round !== undefined) d.round = r.round;
    if (r.periodStart !== undefined) d.periodStart = r.periodStart;
    return d;
  });
  return { deadlines: [...book.deadlines, ...added], deadlineSeq: seq };
}

// A closed or missed deadline is its open one with `closedAt` or `missedAt` added: copied by a copier, not a spread
// (see `recordCopier`).
const closed = recordCopier();

// The open deadlines that match, settled at `at` with the status `statusOf` gives a pending one; a missed one keeps its
// status and is closed; closed and cancelled ones stay as they are.
function settleDeadlines(
  list: Deadline[],
  at: IsoDate,
  match: (d: Deadline) => boolean,
  statusOf: (d: Deadline) => DeadlineStatus,
): Deadline[] {
  return list.map((d) => {
    if (!match(d) || d.closedAt !== undefined || d.status === 'cancelled') return d;
    if (d.status === 'missed') return closed(d, { closedAt: at });
    return closed(d, { status: statusOf(d), closedAt: at });
  });
}

/** Closes the open deadlines that match: `met` when on time, `missed` when late; missed ones get `closedAt`. */
export function closeDeadlines(list: Deadline[], at: IsoDate, match: (d: Deadline) => boolean): Deadline[] {
  return settleDeadlines(list, at, match, (d) => (at <= d.due ? 'met' : 'missed'));
}

/** Cancels the open deadlines that match (a missed one stays missed and is closed). */
export function cancelDeadlines(list: Deadline[], at: IsoDate, match: (d: Deadline) => boolean): Deadline[] {
  return settleDeadlines(list, at, match, () => 'cancelled');
}

/** Whether a deadline's step is still pending. */
export function isPending(d: Deadline): boolean {
  return d.closedAt === undefined && (d.status === 'open' || d.status === 'missed');
}

/** Whether `deadline.elapsed` may mark this deadline missed on `at` (open, and `at` is after the due date). */
export function canElapse(list: Deadline[], deadlineId: string, at: IsoDate): boolean {
  const d = list.find((x) => x.id === deadlineId);
  return d !== undefined && d.status === 'open' && d.closedAt === undefined && at > d.due;
}

/** Marks one deadline missed. */
export function markMissed(list: Deadline[], deadlineId: string, at: IsoDate): Deadline[] {
  return list.map((d) => (d.id === deadlineId ? (closed(d, { status: 'missed', missedAt: at }) as Deadline) : d));
}

/**
 * Whether a deadline counts as missed in statistics. The status is the one representation of a miss: a calendar
 * correction that retracts a miss sets it to `met` (step done by the corrected due date) or `open` (reopened), and a
 * later miss sets it back to `missed`, so the latest correction always decides. An extension is not a correction: a
 * miss before it stays `missed`. The history of corrections is in the log (`calendar.corrected` entries).
 */
export function isCountedMiss(d: Pick<Deadline, 'status'>): boolean {
  return d.status === 'missed';
}

/** Whether any deadline was missed while its step is still pending (the `overdue` tag). */
export function hasOverdue(list: Deadline[]): boolean {
  return list.some((d) => d.status === 'missed' && d.closedAt === undefined);
}

/** The pending deadlines of one kind. */
export function pendingOf(list: Deadline[], kind: DeadlineKind): Deadline[] {
  return list.filter((d) => d.kind === kind && isPending(d));
}
