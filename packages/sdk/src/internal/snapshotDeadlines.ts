import { addCalendarDays, calendarDaysBetween, isIsoDate } from '@banli/calendar';
import type { Deadline, Policy } from '@banli/core';
import { type DeadlineRule, DeadlineRuleSchema } from '@banli/schemas';
import { UnresolvedRef } from './unresolvedRef.js';

/**
 * A deadline as a snapshot stores it (issue 19): `[name, start, due, rule, status, ...tail]`, where
 * - `name` is the id after its owner (`'reply:2'` for `'<caseId>:reply:2'`; the kind is its part before the number),
 * - `start` is the start date without dashes (`'20230315'`),
 * - `due` is the number of days from the start (or the stored text when it is not a date, e.g. `''`),
 * - `rule` is the index of the rule among the policy's rules (`policyRules`), or the rule itself when the policy has
 *   none equal to it (an extension's own rule),
 * - `status` is one letter (`o` open, `m` met, `x` missed, `c` cancelled),
 * - `tail` holds the optional fields as key/value pairs in their order: `u` unitId, `n` round, `c` closedAt,
 *   `m` missedAt, `p` periodStart, `k` correctedAt (dates as days from the start), `v` provisional (when true),
 *   `cal` the calendar `[id, version]` when it is not the context's, and any other field under its own name.
 *
 * A deadline of any other shape is stored as it is, and a stored object is read as it is (snapshots written before).
 */
export type CompactDeadline = [
  name: string,
  start: string,
  due: number | string,
  rule: number | object,
  ...rest: unknown[],
];

/** What a context gives to read and write its deadlines compactly. */
export interface DeadlineScope {
  /** The id prefix of the context's deadlines: the case id, or the proposal id. */
  owner: string;
  /** The context's calendar: deadlines computed with it do not repeat it. */
  calendar: { id: string; version: string } | undefined;
  /** The context's policy (resolved), whose rules deadlines refer to by index. */
  policy: Policy | undefined;
}

const FIXED = ['id', 'kind', 'due', 'start', 'rule', 'calendarId', 'calendarVersion', 'provisional', 'status'];
const STATUS: Record<string, string> = { open: 'o', met: 'm', missed: 'x', cancelled: 'c' };
const STATUS_OF: Record<string, Deadline['status']> = { o: 'open', m: 'met', x: 'missed', c: 'cancelled' };
const DATE_TAIL: Record<string, string> = { closedAt: 'c', missedAt: 'm', periodStart: 'p', correctedAt: 'k' };
const STRING_TAIL: Record<string, string> = { unitId: 'u' };
const NUMBER_TAIL: Record<string, string> = { round: 'n' };
const NAME_OF: Record<string, string> = {
  c: 'closedAt',
  m: 'missedAt',
  p: 'periodStart',
  k: 'correctedAt',
  u: 'unitId',
  n: 'round',
};
// Codes taken by the format: a field of that name (or one letter long) keeps the deadline whole.
const RESERVED = new Set(['v', 'cal']);

interface RuleTable {
  rules: DeadlineRule[];
  index: Map<string, number>;
  byObject: WeakMap<object, number>;
}

const tables = new WeakMap<object, RuleTable>();

/** JSON with sorted keys, so equal rules give equal text whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The deadline rules a policy holds, each once, in a fixed order (keys walked sorted, so the order depends only on
 * the policy's content, which its hash names): the table a stored deadline's rule index refers to.
 */
export function policyRules(policy: Policy): readonly DeadlineRule[] {
  return tableOf(policy).rules;
}

function tableOf(policy: Policy): RuleTable {
  let table = tables.get(policy);
  if (table !== undefined) return table;
  table = { rules: [], index: new Map(), byObject: new WeakMap() };
  const found = table;
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (!Array.isArray(value) && 'kind' in value && DeadlineRuleSchema.safeParse(value).success) {
      const key = canonical(value);
      let i = found.index.get(key);
      if (i === undefined) {
        i = found.rules.length;
        found.rules.push(value as DeadlineRule);
        found.index.set(key, i);
      }
      found.byObject.set(value, i);
      return;
    }
    if (Array.isArray(value)) for (const v of value) walk(v);
    else for (const k of Object.keys(value).sort()) walk((value as Record<string, unknown>)[k]);
  };
  walk(policy);
  tables.set(policy, table);
  return table;
}

function ruleIndex(rule: DeadlineRule, policy: Policy | undefined): number | undefined {
  if (policy === undefined) return undefined;
  const table = tableOf(policy);
  return table.byObject.get(rule) ?? table.index.get(canonical(rule));
}

const compactDate = (date: string): string => date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10);
const fullDate = (date: string): string => `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
const offset = (start: string, date: unknown): unknown =>
  typeof date === 'string' && isIsoDate(date) ? calendarDaysBetween(start, date) : date;

/** Whether `id` is `<owner>:<kind>:<digits>` (read character by character: no pattern, no text built). */
function isOwnedId(id: string, owner: string, kind: unknown): boolean {
  if (typeof kind !== 'string') return false;
  const k = owner.length + 1;
  const n = k + kind.length + 1;
  if (id.length <= n || id.charCodeAt(owner.length) !== 58 || id.charCodeAt(n - 1) !== 58) return false;
  if (!id.startsWith(owner) || !id.startsWith(kind, k)) return false;
  for (let i = n; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** One deadline as stored: compact when it has the shape `openDeadlines` gives, else as it is. */
export function compactDeadline(d: Deadline, scope: DeadlineScope): CompactDeadline | Deadline {
  const keys = Object.keys(d);
  for (let i = 0; i < FIXED.length; i++) if (keys[i] !== FIXED[i]) return d;
  const status = STATUS[d.status];
  if (
    status === undefined ||
    !isOwnedId(d.id, scope.owner, d.kind) ||
    typeof d.start !== 'string' ||
    !isIsoDate(d.start) ||
    typeof d.due !== 'string' ||
    typeof d.calendarId !== 'string' ||
    typeof d.calendarVersion !== 'string' ||
    typeof d.provisional !== 'boolean' ||
    d.rule === null ||
    typeof d.rule !== 'object'
  ) {
    return d;
  }
  const out: unknown[] = [
    d.id.slice(scope.owner.length + 1),
    compactDate(d.start),
    offset(d.start, d.due),
    ruleIndex(d.rule, scope.policy) ?? d.rule,
    status,
  ];
  if (d.provisional) out.push('v', true);
  if (
    scope.calendar === undefined ||
    d.calendarId !== scope.calendar.id ||
    d.calendarVersion !== scope.calendar.version
  ) {
    out.push('cal', [d.calendarId, d.calendarVersion]);
  }
  for (let i = FIXED.length; i < keys.length; i++) {
    const key = keys[i] as string;
    const value: unknown = Reflect.get(d, key);
    if (value === undefined) continue;
    const date = DATE_TAIL[key];
    if (date !== undefined) {
      out.push(date, offset(d.start, value));
    } else if (STRING_TAIL[key] !== undefined && typeof value === 'string') {
      out.push(STRING_TAIL[key], value);
    } else if (NUMBER_TAIL[key] !== undefined && typeof value === 'number') {
      out.push(NUMBER_TAIL[key], value);
    } else if (key.length > 1 && !RESERVED.has(key) && NAME_OF[key] === undefined) {
      out.push(key, value);
    } else {
      return d;
    }
  }
  return out as CompactDeadline;
}

/** One stored deadline as the context holds it: a compact one read back, any other as it is. */
export function expandDeadline(stored: unknown, scope: DeadlineScope): Deadline {
  if (!Array.isArray(stored)) return stored as Deadline;
  const [name, startText, due, rule, status] = stored as [string, string, unknown, unknown, string];
  const start = fullDate(startText);
  const at = (value: unknown): unknown => (typeof value === 'number' ? addCalendarDays(start, value) : value);
  let resolvedRule: unknown = rule;
  if (typeof rule === 'number') {
    resolvedRule = scope.policy === undefined ? undefined : tableOf(scope.policy).rules[rule];
    if (resolvedRule === undefined)
      throw new UnresolvedRef('deadlineRule', `deadline ${scope.owner}:${name} rule ${rule}`);
  }
  let provisional = false;
  let calendar = scope.calendar;
  const tail: [string, unknown][] = [];
  for (let i = 5; i < stored.length; i += 2) {
    const code = stored[i] as string;
    const value = stored[i + 1];
    if (code === 'v') provisional = value === true;
    else if (code === 'cal')
      calendar = { id: (value as string[])[0] as string, version: (value as string[])[1] as string };
    else if (code === 'c' || code === 'm' || code === 'p' || code === 'k')
      tail.push([NAME_OF[code] as string, at(value)]);
    else tail.push([NAME_OF[code] ?? code, value]);
  }
  const d: Deadline = {
    id: `${scope.owner}:${name}`,
    kind: name.slice(0, name.lastIndexOf(':')) as Deadline['kind'],
    due: at(due) as string,
    start,
    rule: resolvedRule as DeadlineRule,
    calendarId: calendar?.id as string,
    calendarVersion: calendar?.version as string,
    provisional,
    status: STATUS_OF[status] as Deadline['status'],
  };
  for (const [key, value] of tail) Reflect.set(d, key, value);
  return d;
}

/**
 * A context's deadline list as stored. With `prev`, the list the context held before and its stored form (entry for
 * entry, in the same scope): a deadline still in the list (the same object: deadlines are immutable state, a change
 * gives a new object) is stored as the form stored before, so a snapshot per command stores each deadline once and
 * the snapshots that hold it share it (read-only, like the rest of a stored state).
 */
export function compactDeadlines(
  list: readonly Deadline[],
  scope: DeadlineScope,
  prev?: { list: readonly unknown[]; stored: readonly unknown[] },
): unknown[] {
  const out = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) {
    const d = list[i] as Deadline;
    const j = prev === undefined ? -1 : indexIn(prev.list, d, i);
    out[i] = j >= 0 ? (prev as { stored: readonly unknown[] }).stored[j] : compactDeadline(d, scope);
  }
  return out;
}

/** Where `d` is in `list` (looked for at `at` first: a list mostly keeps its order), or -1. */
function indexIn(list: readonly unknown[], d: unknown, at: number): number {
  if (list[at] === d) return at;
  for (let j = 0; j < list.length; j++) if (list[j] === d) return j;
  return -1;
}

/** A stored deadline list as the context holds it; the same list when every entry is stored whole. */
export function expandDeadlines(list: readonly unknown[], scope: DeadlineScope): Deadline[] {
  return list.some(Array.isArray) ? list.map((d) => expandDeadline(d, scope)) : (list as Deadline[]);
}
