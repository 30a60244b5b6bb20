import { type Calendar, computeDueDate, type DeadlineRule } from '@banli/calendar';
import type { Policy } from '@banli/core';

/** A deadline of the reducer (the same fields the machines keep). */
interface Deadline {
  id: string;
  kind: string;
  start: string;
  due: string;
  status: 'open' | 'met' | 'cancelled';
  closedAt?: string;
}

interface CaseState {
  id: string;
  value: 'accepting' | 'handling' | 'drafting' | 'signOff' | 'awaitingFeedback' | 'closed';
  unitId: string;
  proposerIds: string[];
  deadlines: Deadline[];
  draft?: unknown;
  letters: unknown[];
  feedback: { proposerId: string; level: string; date: string }[];
}

/** The reducer's state of one proposal and its cases (immutable). */
export interface ReducerState {
  id: string;
  value:
    | 'draft'
    | 'submitted'
    | 'review'
    | 'registered'
    | 'assigned'
    | 'inHandling'
    | 'answered'
    | 'closed'
    | 'archived';
  proposal: { id: string; proposers: { id: string }[] };
  registration?: { at: string };
  assignment?: unknown;
  cases: Record<string, CaseState>;
}

type Event = { type: string; at: string; [key: string]: unknown };
type Note = { type: string; [key: string]: unknown };

/**
 * A hand-written reducer (a `switch` over the same states and events as the proposal and case machines, immutable
 * spreads, the same due-date computation): the practical limit of the lifecycle the benchmarks drive.
 */
export function createReducer(calendar: Calendar, policy: Policy) {
  const due = (rule: DeadlineRule, start: string) => computeDueDate(calendar, rule, start).due;
  const open = (id: string, kind: string, rule: DeadlineRule | undefined, start: string): Deadline[] =>
    rule ? [{ id, kind, start, due: due(rule, start), status: 'open' }] : [];
  const close = (ds: Deadline[], kinds: string[], status: 'met' | 'cancelled', at: string) =>
    ds.map((d) => (kinds.includes(d.kind) && d.status === 'open' ? { ...d, status, closedAt: at } : d));

  const sendCase = (c: CaseState, e: Event, out: Note[]): CaseState => {
    switch (c.value) {
      case 'accepting':
        if (e.type !== 'case.accept') break;
        out.push({ type: 'case.accepted', caseId: c.id, at: e.at });
        return { ...c, value: 'handling', deadlines: close(c.deadlines, ['adjustmentWindow'], 'met', e.at) };
      case 'handling':
        if (e.type === 'case.startDrafting') return { ...c, value: 'drafting' };
        break;
      case 'drafting':
        if (e.type === 'reply.submitDraft') return { ...c, value: 'signOff', draft: e.letter };
        break;
      case 'signOff': {
        if (e.type !== 'signOff.approve') break;
        const letter = c.draft as { class: string; docNumber: string };
        out.push({ type: 'reply.issued', caseId: c.id, class: letter.class, docNumber: letter.docNumber, at: e.at });
        out.push({ type: 'publication.due', caseId: c.id, at: e.at });
        const deadlines = [
          ...close(c.deadlines, ['reply'], 'met', e.at),
          ...open(`${c.id}/feedback`, 'feedback', policy.periods.feedback, e.at),
          ...open(`${c.id}/publication`, 'publication', policy.periods.publication, e.at),
        ];
        return { ...c, value: 'awaitingFeedback', letters: [...c.letters, letter], deadlines };
      }
      case 'awaitingFeedback': {
        if (e.type !== 'feedback.submit') break;
        const fb = e.feedback as { proposerId: string; level: string; date: string };
        if (!c.proposerIds.includes(fb.proposerId) || c.feedback.some((f) => f.proposerId === fb.proposerId)) break;
        out.push({ type: 'feedback.received', caseId: c.id, at: e.at });
        const feedback = [...c.feedback, fb];
        const done = c.proposerIds.every((id) => feedback.some((f) => f.proposerId === id));
        if (!done || feedback.some((f) => f.level === 'dissatisfied')) return { ...c, feedback };
        out.push({ type: 'case.closed', caseId: c.id, at: e.at });
        const met = close(c.deadlines, ['feedback'], 'met', e.at);
        return { ...c, value: 'closed', feedback, deadlines: close(met, ['firstContact'], 'cancelled', e.at) };
      }
    }
    throw new Error(`case ${c.value} refuses ${e.type}`);
  };

  const sendProposal = (s: ReducerState, e: Event, out: Note[]): ReducerState => {
    switch (s.value) {
      case 'draft':
        if (e.type !== 'proposal.submit') break;
        out.push({ type: 'proposal.submitted', proposalId: s.id, at: e.at });
        return { ...s, value: 'submitted' };
      case 'submitted':
        if (e.type === 'review.start') return { ...s, value: 'review' };
        break;
      case 'review':
        if (e.type !== 'review.register') break;
        out.push({ type: 'proposal.registered', proposalId: s.id, at: e.at });
        return { ...s, value: 'registered', registration: { at: e.at } };
      case 'registered': {
        if (e.type !== 'assignment.assign') break;
        const a = e.assignment as { units?: { id: string }[]; leadUnit?: { id: string }; date: string };
        const unitId = a.units?.[0]?.id ?? a.leadUnit?.id ?? 'unit';
        const id = `${s.id}/${unitId}`;
        out.push({ type: 'case.opened', caseId: id, role: 'sole', at: e.at });
        const c: CaseState = {
          id,
          value: 'accepting',
          unitId,
          proposerIds: s.proposal.proposers.map((p) => p.id),
          deadlines: [
            ...open(`${id}/adjustmentWindow`, 'adjustmentWindow', policy.periods.adjustmentWindow, e.at),
            ...open(`${id}/reply`, 'reply', policy.periods.reply, e.at),
            ...open(`${id}/firstContact`, 'firstContact', policy.periods.firstContact, e.at),
          ],
          letters: [],
          feedback: [],
        };
        return { ...s, value: 'assigned', assignment: a, cases: { ...s.cases, [id]: c } };
      }
      case 'assigned':
        if (e.type === 'case.accepted') return { ...s, value: 'inHandling' };
        break;
      case 'inHandling':
        if (e.type === 'case.accepted') return s;
        if (e.type === 'case.replied') {
          const all = Object.values(s.cases).every((c) => c.letters.length > 0);
          if (!all) return s;
          out.push({ type: 'proposal.answered', proposalId: s.id, at: e.at });
          return { ...s, value: 'answered' };
        }
        break;
      case 'answered':
        if (e.type === 'case.closed') {
          if (!Object.values(s.cases).every((c) => c.value === 'closed')) return s;
          out.push({ type: 'proposal.closed', proposalId: s.id, at: e.at });
          return { ...s, value: 'closed' };
        }
        break;
      case 'closed':
        if (e.type !== 'proposal.archive') break;
        out.push({ type: 'proposal.archived', proposalId: s.id, at: e.at });
        return { ...s, value: 'archived' };
    }
    throw new Error(`proposal ${s.value} refuses ${e.type}`);
  };

  const internal = (n: Note): Event | undefined => {
    if (n.type === 'case.accepted') return { type: 'case.accepted', at: n.at as string, caseId: n.caseId };
    if (n.type === 'reply.issued') return { type: 'case.replied', at: n.at as string, caseId: n.caseId };
    if (n.type === 'case.closed') return { type: 'case.closed', at: n.at as string, caseId: n.caseId };
    return undefined;
  };

  return {
    start(proposal: { id: string; proposers: { id: string }[] }, _at: string): ReducerState {
      return { id: proposal.id, value: 'draft', proposal, cases: {} };
    },
    send(state: ReducerState, event: Event): { state: ReducerState; emitted: Note[] } {
      const emitted: Note[] = [];
      const caseId = event.caseId as string | undefined;
      let s = state;
      if (caseId) {
        const c = s.cases[caseId];
        if (!c) throw new Error(`no case ${caseId}`);
        s = { ...s, cases: { ...s.cases, [caseId]: sendCase(c, event, emitted) } };
      } else s = sendProposal(s, event, emitted);
      for (let i = 0; i < emitted.length; i++) {
        const e = internal(emitted[i] as Note);
        if (e) s = sendProposal(s, e, emitted);
      }
      return { state: s, emitted };
    },
  };
}
