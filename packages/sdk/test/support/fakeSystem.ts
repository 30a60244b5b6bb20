import type {
  CaseRole,
  Deadline,
  DeadlineKind,
  HandlingState,
  Notification,
  PersistedMachineSnapshot,
} from '@banli/core';
import type { BanliEvent, ReplyClass, ReplyLetter } from '@banli/schemas';
import type { HandlingSystemLike } from '../../src/index.js';
import { shiftDate } from '../../src/internal/dates.js';

// A tiny stand-in for @banli/core's coordinator (core's own types), so SDK plumbing is tested on its own. Its state
// is a `HandlingState` whose snapshots carry the fake's own context.

type Case = {
  unitId: string;
  unitName: string;
  role: CaseRole;
  deadlines: Deadline[];
  letter?: ReplyLetter;
  cls?: ReplyClass;
};
type ProposalData = { id: string; deadlines: Deadline[] };
/** The fake's state: a `HandlingState` with the fake's data in each snapshot's context. */
type FakeState = HandlingState;
type Ev = BanliEvent & { caseId?: string; deadlineId?: string };

const snapshot = <C>(value: string, context: C): PersistedMachineSnapshot => ({ status: 'active', value, context });
const stateOf = (s: PersistedMachineSnapshot): string => String(s.value);
const proposalOf = (s: FakeState): ProposalData => s.proposal.context as ProposalData;
const caseOf = (s: FakeState, caseId: string): Case | undefined => s.cases[caseId]?.context as Case | undefined;

const deadline = (id: string, kind: DeadlineKind, start: string, days: number, caseId?: string): Deadline => ({
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
export function createFakeSystem(replyDays = 30): HandlingSystemLike {
  const accepts = (s: FakeState, e: Ev): boolean => {
    const value = stateOf(s.proposal);
    if (e.type === 'deadline.elapsed') {
      const list = e.caseId ? caseOf(s, e.caseId)?.deadlines : proposalOf(s).deadlines;
      const d = list?.find((x) => x.id === e.deadlineId);
      return d !== undefined && d.status === 'open' && e.at > d.due;
    }
    if (e.type === 'proposal.withdraw') return !['answered', 'archived', 'withdrawn'].includes(value);
    if (e.caseId !== undefined) {
      const c = s.cases[e.caseId];
      return c !== undefined && CASE[e.type]?.[0] === stateOf(c);
    }
    return PROPOSAL[e.type]?.[0] === value;
  };
  const send = (s: FakeState, e: Ev): { state: FakeState; emitted: Notification[]; transitions: [] } => {
    if (!accepts(s, e)) throw new Error(`refused ${e.type}`);
    const proposalId = proposalOf(s).id;
    const base = { proposalId, at: e.at };
    const emitted: Notification[] = [];
    const next: FakeState = { ...s, cases: { ...s.cases } };
    if (e.type === 'deadline.elapsed') {
      const mark = (list: Deadline[]) =>
        list.map((d) => (d.id === e.deadlineId ? { ...d, status: 'missed' as const, missedAt: e.at } : d));
      if (e.caseId) {
        const c = caseOf(s, e.caseId) as Case;
        next.cases[e.caseId] = snapshot(stateOf(s.cases[e.caseId] as PersistedMachineSnapshot), {
          ...c,
          deadlines: mark(c.deadlines),
        });
      } else {
        next.proposal = snapshot(stateOf(s.proposal), { ...proposalOf(s), deadlines: mark(proposalOf(s).deadlines) });
      }
      const d = (e.caseId ? caseOf(s, e.caseId)?.deadlines : proposalOf(s).deadlines)?.find(
        (x) => x.id === e.deadlineId,
      ) as Deadline;
      emitted.push({ type: 'deadline.missed', deadlineId: d.id, kind: d.kind, due: d.due, ...base });
    } else if (e.type === 'proposal.withdraw') {
      next.proposal = snapshot('withdrawn', proposalOf(s));
    } else if (e.caseId !== undefined) {
      const caseId = e.caseId;
      const c = { ...(caseOf(s, caseId) as Case) };
      const value = (CASE[e.type] as [string, string])[1];
      if (e.type === 'case.requestExtension') {
        c.deadlines = c.deadlines.map((d) => (d.kind === 'reply' ? { ...d, due: shiftDate(d.due, 15) } : d));
      }
      if (e.type === 'reply.submitDraft' && e.letter !== undefined) {
        const letter = e.letter;
        const cls = letter.class ?? 'A';
        c.letter = letter;
        c.cls = cls;
        c.deadlines = c.deadlines.map((d) =>
          d.kind === 'reply' ? { ...d, status: e.at <= d.due ? 'met' : 'missed', closedAt: e.at } : d,
        );
        emitted.push({
          type: 'reply.issued',
          caseId,
          class: cls,
          docNumber: letter.docNumber ?? '',
          round: 1,
          commitment: false,
          adoptions: [],
          ...base,
        });
      }
      if (e.type === 'feedback.submit') emitted.push({ type: 'case.closed', caseId, ...base });
      next.cases[caseId] = snapshot(value, c);
      if (Object.values(next.cases).every((x) => stateOf(x) === 'replied' || stateOf(x) === 'closed'))
        next.proposal = snapshot('answered', proposalOf(s));
    } else {
      next.proposal = snapshot((PROPOSAL[e.type] as [string, string])[1], proposalOf(s));
      if (e.type === 'proposal.submit')
        emitted.push({ type: 'proposal.submitted', channel: e.channel ?? 'session', ...base });
      if (e.type === 'assignment.assign') {
        const unit = e.assignment.leadUnit as NonNullable<typeof e.assignment.leadUnit>;
        const caseId = `${proposalId}:${unit.id}`;
        const opened: Case = {
          unitId: unit.id,
          unitName: unit.name,
          role: 'lead',
          deadlines: [deadline(`${caseId}:reply:1`, 'reply', e.at, replyDays, caseId)],
        };
        next.cases[caseId] = snapshot('accepting', opened);
        emitted.push({ type: 'case.opened', caseId, unit, role: 'lead', ...base });
      }
    }
    return { state: next, emitted, transitions: [] };
  };
  return {
    start: ({ proposal }) => ({
      machine: { id: 'fake', version: '1.0.0' },
      caseMachine: { id: 'fakeCase', version: '1.0.0' },
      proposal: snapshot('draft', { id: proposal.id, deadlines: [] } satisfies ProposalData),
      cases: {},
    }),
    can: (s, e) => accepts(s, e),
    send: (s, e) => send(s, e),
    deadlines: (s) => [
      ...proposalOf(s).deadlines,
      ...Object.keys(s.cases).flatMap((caseId) => caseOf(s, caseId)?.deadlines ?? []),
    ],
    summary: (s) => ({
      proposalId: proposalOf(s).id,
      value: stateOf(s.proposal),
      tags: [],
      cases: Object.entries(s.cases).map(([caseId, snap]) => {
        const c = snap.context as Case;
        return {
          caseId,
          unitId: c.unitId,
          unitName: c.unitName,
          role: c.role,
          value: stateOf(snap),
          tags: c.deadlines.some((d) => d.status === 'missed' && d.closedAt === undefined) ? ['overdue'] : [],
          round: 1,
          ...(c.letter ? { letter: c.letter } : {}),
          ...(c.cls ? { class: c.cls } : {}),
          feedback: [],
        };
      }),
    }),
  };
}
