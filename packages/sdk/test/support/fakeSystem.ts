import type { HandlingSystemLike, SystemDeadline, SystemNotification } from '../../src/index.js';
import { shiftDate } from '../../src/internal/dates.js';

// A tiny stand-in for @banli/core's coordinator (same interface), so SDK plumbing is tested on its own.

type Case = {
  value: string;
  unitId: string;
  role: string;
  deadlines: SystemDeadline[];
  letter?: unknown;
  cls?: string;
};
export type FakeState = {
  machine: { id: string; version: string };
  id: string;
  value: string;
  cases: Record<string, Case>;
  deadlines: SystemDeadline[];
};
type Ev = { type: string; at: string; caseId?: string; [k: string]: unknown };

const deadline = (id: string, kind: string, start: string, days: number, caseId?: string): SystemDeadline => ({
  id,
  kind,
  start,
  due: shiftDate(start, days),
  rule: { kind: 'calendarDays', days },
  calendarId: 'fake',
  calendarVersion: '1',
  provisional: false,
  status: 'open',
  ...(caseId ? { caseId } : {}),
});

const PROPOSAL: Record<string, [string, string]> = {
  'proposal.submit': ['draft', 'submitted'],
  'review.start': ['submitted', 'review'],
  'review.register': ['review', 'registered'],
  'assignment.assign': ['registered', 'inHandling'],
  'proposal.archive': ['answered', 'archived'],
};
const CASE: Record<string, [string, string]> = {
  'case.accept': ['accepting', 'handling'],
  'case.requestExtension': ['handling', 'handling'],
  'reply.submitDraft': ['handling', 'replied'],
  'feedback.submit': ['replied', 'closed'],
};

/** Creates the fake coordinator; `replyDays` is the reply period in calendar days. */
export function createFakeSystem(replyDays = 30): HandlingSystemLike<FakeState> {
  const accepts = (s: FakeState, e: Ev): boolean => {
    if (e.type === 'deadline.elapsed') {
      const list = e.caseId ? s.cases[e.caseId]?.deadlines : s.deadlines;
      const d = list?.find((x) => x.id === e.deadlineId);
      return d !== undefined && d.status === 'open' && e.at > d.due;
    }
    if (e.type === 'proposal.withdraw') return !['answered', 'archived', 'withdrawn'].includes(s.value);
    if (e.caseId !== undefined) return CASE[e.type]?.[0] === s.cases[e.caseId]?.value;
    return PROPOSAL[e.type]?.[0] === s.value;
  };
  const send = (s: FakeState, e: Ev): { state: FakeState; emitted: SystemNotification[] } => {
    if (!accepts(s, e)) throw new Error(`refused ${e.type}`);
    const emitted: SystemNotification[] = [];
    const next: FakeState = { ...s, cases: { ...s.cases } };
    if (e.type === 'deadline.elapsed') {
      const mark = (list: SystemDeadline[]) =>
        list.map((d) => (d.id === e.deadlineId ? { ...d, status: 'missed' as const } : d));
      if (e.caseId)
        next.cases[e.caseId] = {
          ...(s.cases[e.caseId] as Case),
          deadlines: mark((s.cases[e.caseId] as Case).deadlines),
        };
      else next.deadlines = mark(s.deadlines);
      emitted.push({ type: 'deadline.missed', deadlineId: e.deadlineId, at: e.at });
    } else if (e.type === 'proposal.withdraw') {
      next.value = 'withdrawn';
    } else if (e.caseId !== undefined) {
      const c = { ...(s.cases[e.caseId] as Case) };
      c.value = (CASE[e.type] as [string, string])[1];
      if (e.type === 'case.requestExtension') {
        c.deadlines = c.deadlines.map((d) => (d.kind === 'reply' ? { ...d, due: shiftDate(d.due, 15) } : d));
      }
      if (e.type === 'reply.submitDraft') {
        const letter = e.letter as { class: string; docNumber: string };
        c.letter = letter;
        c.cls = letter.class;
        c.deadlines = c.deadlines.map((d) =>
          d.kind === 'reply' ? { ...d, status: e.at <= d.due ? 'met' : 'missed', closedAt: e.at } : d,
        );
        emitted.push({ type: 'reply.issued', caseId: e.caseId, class: letter.class, docNumber: letter.docNumber });
      }
      if (e.type === 'feedback.submit') emitted.push({ type: 'case.closed', caseId: e.caseId });
      next.cases[e.caseId] = c;
      if (Object.values(next.cases).every((x) => x.value === 'replied' || x.value === 'closed'))
        next.value = 'answered';
    } else {
      next.value = (PROPOSAL[e.type] as [string, string])[1];
      if (e.type === 'proposal.submit') emitted.push({ type: 'proposal.submitted' });
      if (e.type === 'assignment.assign') {
        const a = e.assignment as { leadUnit: { id: string } };
        const caseId = `${s.id}:${a.leadUnit.id}`;
        next.cases[caseId] = {
          value: 'accepting',
          unitId: a.leadUnit.id,
          role: 'lead',
          deadlines: [deadline(`${caseId}:reply:1`, 'reply', e.at, replyDays, caseId)],
        };
        emitted.push({ type: 'case.opened', caseId, unit: a.leadUnit, role: 'lead' });
      }
    }
    return { state: next, emitted };
  };
  return {
    start: ({ proposal }) => ({
      machine: { id: 'fake', version: '1.0.0' },
      id: String(proposal.id),
      value: 'draft',
      cases: {},
      deadlines: [],
    }),
    can: (s, e) => accepts(s, e as Ev),
    send: (s, e) => send(s, e as Ev),
    deadlines: (s) => [...s.deadlines, ...Object.values(s.cases).flatMap((c) => c.deadlines)],
    summary: (s) => ({
      value: s.value,
      tags: [],
      cases: Object.entries(s.cases).map(([caseId, c]) => ({
        caseId,
        unitId: c.unitId,
        role: c.role,
        value: c.value,
        tags: c.deadlines.some((d) => d.status === 'missed' && d.closedAt === undefined) ? ['overdue'] : [],
        ...(c.letter ? { letter: c.letter } : {}),
        ...(c.cls ? { class: c.cls } : {}),
        feedback: [],
      })),
    }),
  };
}
