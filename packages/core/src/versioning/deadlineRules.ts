import { type Calendar, computeDueDate } from '@banli/calendar';
import type { Deadline } from '../deadlines.js';
import type { IsoDate } from '../domain.js';
import type { DeadlineRule } from '../policy/deadlineRule.js';
import type { Policy } from '../policy/schema.js';
import { canonicalJson } from './hash.js';
import type { DeadlineAction, MigrationPlan } from './plan.js';

/** One open deadline before and after a migration. */
export interface DeadlineMove {
  id: string;
  kind: Deadline['kind'];
  caseId?: string;
  action: 'keep' | 'drop' | 'recompute';
  before: IsoDate;
  /** The new due date; `null` when dropped. */
  after: IsoDate | null;
  /** The rule the new due date was computed with (recompute only). */
  rule?: DeadlineRule;
}

const canonical = canonicalJson;

/**
 * The rule a deadline is recomputed with by default: the new policy's period of the same name as the old period that
 * produced it (so `reply` follows `periods.reply`, an urgent item's `urgentReply`); for a reply deadline produced by
 * an entry of `replyPeriods`, the new policy's entry for the same items (same kind, channel and proposer type), else
 * its `periods.reply`; its own rule when none matches (e.g. after an extension).
 */
export function successorRule(d: Deadline, oldPolicy: Policy | undefined, newPolicy: Policy): DeadlineRule {
  const periods = (oldPolicy?.periods ?? {}) as Record<string, DeadlineRule | undefined>;
  const target = canonical(d.rule);
  const keys = [d.kind, ...Object.keys(periods).filter((k) => k !== d.kind)];
  const key = keys.find((k) => periods[k] !== undefined && canonical(periods[k]) === target);
  if (key === undefined && d.kind === 'reply') {
    const entry = oldPolicy?.replyPeriods.find(
      (p) => canonical(p.rule) === target || (p.whenPassed !== undefined && canonical(p.whenPassed) === target),
    );
    if (entry) {
      const same = newPolicy.replyPeriods.find(
        (p) => p.kind === entry.kind && p.channel === entry.channel && p.proposerType === entry.proposerType,
      );
      if (!same) return newPolicy.periods.reply;
      return canonical(entry.rule) === target ? same.rule : (same.whenPassed ?? same.rule);
    }
  }
  const next = key === undefined ? undefined : (newPolicy.periods as Record<string, DeadlineRule | undefined>)[key];
  return next ?? d.rule;
}

const isOpen = (d: Deadline) => d.status === 'open' && d.closedAt === undefined && d.due !== '';

/** Applies the plan's deadline rules to a context's open deadlines; closed ones are history and stay as they are. */
export function migrateDeadlines(
  deadlines: readonly Deadline[],
  plan: MigrationPlan,
  env: { calendar: Calendar; at: IsoDate; oldPolicy: Policy | undefined; newPolicy: Policy; context: unknown },
  caseId: string | undefined,
): { deadlines: Deadline[]; moves: DeadlineMove[] } {
  const moves: DeadlineMove[] = [];
  const next = deadlines.map((d): Deadline => {
    if (!isOpen(d)) return d;
    const action: DeadlineAction = plan.deadlines?.[d.kind] ?? plan.deadlines?.default ?? 'keep';
    const base = { id: d.id, kind: d.kind, before: d.due, ...(caseId === undefined ? {} : { caseId }) };
    if (action === 'keep') {
      moves.push({ ...base, action, after: d.due });
      return d;
    }
    if (action === 'drop') {
      moves.push({ ...base, action, after: null });
      return { ...d, status: 'cancelled', closedAt: env.at };
    }
    const custom = typeof action === 'object' ? action.recompute : undefined;
    const rule =
      typeof custom === 'function'
        ? custom(d, env.context)
        : (custom ?? successorRule(d, env.oldPolicy, env.newPolicy));
    const r = computeDueDate(env.calendar, rule, d.start, { uncovered: 'statutory' });
    moves.push({ ...base, action: 'recompute', after: r.due, rule });
    return {
      ...d,
      rule,
      due: r.due,
      provisional: r.provisional,
      calendarId: r.calendarId,
      calendarVersion: r.calendarVersion,
    };
  });
  return { deadlines: next, moves };
}
