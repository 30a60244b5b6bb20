// An independent oracle for `banli.statistics` and `banli.query`: every figure recomputed from the event log alone
// (`banli.history`), with plain code written from the documented meaning (packages/sdk/README.md "Statistics", the
// TSDoc of `CaseFigures`, docs/domain.md §metrics), not from the SDK's facts.
//
// Readings of the rarer paths (docs/domain.md, source numbers in brackets):
// - 并案 [S20, S11, S17]: a merged item is handled with its target and replied to separately, so its proposers' ratings
//   count on the target's case, and a B/C letter to them is a commitment of its own (one per addressee).
// - Adjustment [S18, S22]: a reassigned case (改派) is the new unit's from then on, with deadlines counted afresh.
// - Override close: a commitment the committee closes without a second reply is overridden, not fulfilled [S10].
// - 参阅 [S80]: no reply is owed, so such cases are outside the population.
// - Calendar corrections [S45, §7]: a due date counts by the calendar, so a corrected calendar corrects the due date
//   of every case, replied or not; a reply is late only against the corrected date.
// - A co-unit's opinion [S11, S17, S21] is missing when the lead unit went on (began drafting or replied) after the
//   co-unit's opinion deadline with none sent; its deadline is computed here from the policy's rule.
// - A co-unit may talk to the proposer [S17]: its visit is a face-to-face meeting in the handling of the lead case.

import { type Calendar, computeDueDate, type DeadlineRule } from '@banli/calendar';

/** One log entry, as far as the oracle reads it. */
export interface LogEntry {
  type: string;
  event: Record<string, unknown>;
  actor: { role: string; id: string; unitId?: string };
  stateAfter: unknown;
  emitted?: readonly { type: string; [k: string]: unknown }[];
  meta?: { deadlineChanges?: readonly { kind: string; caseId?: string; newDue?: string; oldDue?: string }[] };
}

/** What the oracle knows about one case after reading its proposal's log. */
export interface OracleCase {
  proposalId: string;
  caseId: string;
  unitId: string;
  role: string;
  /** The reply due date in force at the first reply (or now, before it). */
  due?: string;
  /** The reply deadline passed unmet at some point before the first reply. */
  missedBeforeReply: boolean;
  firstReplyAt?: string;
  firstClass?: string;
  /** The letter of the latest formal reply to the item's own proposers (follow-up letters are not formal replies). */
  latestLetter?: { class?: string; responses?: { adoption?: string }[] };
  /** Commitments by addressee (`own`, or a merged item's id): the class of the latest formal letter to it. */
  commitments: Map<string, { class: string; fulfilled: boolean; overridden: boolean }>;
  latestReplyAt?: string;
  round: number;
  rehandlings: number;
  feedback: { round: number; proposerId: string; level: string }[];
  terminated: boolean;
  metFaceToFace: boolean;
  opinionsFrom: string[];
  /** Co-handlers whose opinion was missing when the lead unit went on past their opinion deadline. */
  missingOpinions: string[];
}

/** What the oracle needs from the policy to read the opinion deadlines (domain.md §2.1, co-handler opinion). */
export interface OracleRules {
  calendar: Calendar;
  coOpinion?: DeadlineRule;
  followUpClasses: readonly string[];
}

/** What the oracle knows about one proposal. */
export interface OracleProposal {
  id: string;
  kind: string;
  proposerIds: string[];
  /** The proposal's top-level state after its last entry. */
  state: string;
  /** Every unit that holds a case or co-handles one, after the last entry. */
  unitIds: Set<string>;
  /** Entries that recorded a deadline missed. */
  missedDeadlines: number;
  /** A reply deadline was recorded missed and no reply has been issued since: the reply is still outstanding. */
  replyOutstanding: boolean;
  cases: OracleCase[];
}

const topKey = (v: unknown): string =>
  typeof v === 'string' ? v : v && typeof v === 'object' ? (Object.keys(v)[0] ?? '') : '';

/** Reads one proposal's log: its cases, reply due dates, replies, letters, feedback rounds and state. */
export function readProposal(log: readonly LogEntry[], rules: OracleRules): OracleProposal {
  const create = log[0] as LogEntry;
  const proposal = create.event.proposal as { id: string; kind: string; proposers: { id: string }[] };
  const p: OracleProposal = {
    id: proposal.id,
    kind: proposal.kind,
    proposerIds: proposal.proposers.map((x) => x.id),
    state: '',
    unitIds: new Set(),
    missedDeadlines: 0,
    replyOutstanding: false,
    cases: [],
  };
  const byId = new Map<string, OracleCase>();
  type Letter = NonNullable<OracleCase['latestLetter']>;
  const drafts = new Map<string, { own?: Letter; merged: { proposalId: string; class?: string }[] }>();
  const outstanding = new Set<string>();
  // The lead case's co-handlers, when their opinion period started, and when each opinion came in.
  let coUnits: string[] = [];
  const coStart = new Map<string, string>();
  const opinionAt = new Map<string, string>();
  const coDue = (caseId: string) =>
    rules.coOpinion && coStart.has(caseId)
      ? computeDueDate(rules.calendar, rules.coOpinion, coStart.get(caseId) as string, { uncovered: 'statutory' }).due
      : undefined;
  const goOn = (c: OracleCase, at: string) => {
    const due = coDue(c.caseId);
    if (due === undefined || at <= due) return;
    for (const u of coUnits) {
      const sent = opinionAt.get(`${c.caseId}|${u}`);
      if ((sent === undefined || sent > at) && !c.missingOpinions.includes(u)) c.missingOpinions.push(u);
    }
  };
  const commit = (c: OracleCase, to: string, cls: string | undefined) => {
    if (cls !== undefined && rules.followUpClasses.includes(cls))
      c.commitments.set(to, { class: cls, fulfilled: false, overridden: false });
    else c.commitments.delete(to);
  };
  for (const e of log) {
    const ev = e.event;
    const caseId = typeof ev.caseId === 'string' ? ev.caseId : undefined;
    const c = caseId ? byId.get(caseId) : undefined;
    const at = String(ev.at ?? '');
    for (const n of e.emitted ?? []) {
      if (n.type === 'case.opened') {
        const unit = n.unit as { id: string };
        const opened: OracleCase = {
          proposalId: p.id,
          caseId: String(n.caseId),
          unitId: unit.id,
          role: String(n.role),
          missedBeforeReply: false,
          round: 1,
          rehandlings: 0,
          feedback: [],
          terminated: false,
          metFaceToFace: false,
          opinionsFrom: [],
          missingOpinions: [],
          commitments: new Map(),
        };
        if (opened.role === 'lead') coStart.set(opened.caseId, at);
        byId.set(opened.caseId, opened);
        p.cases.push(opened);
      }
      if (n.type === 'deadline.missed') p.missedDeadlines++;
      if (n.type === 'deadline.missed' && n.kind === 'reply') outstanding.add(String(n.caseId));
      if (n.type === 'reply.issued') outstanding.delete(String(n.caseId));
      if (n.type === 'reply.issued') {
        const issued = byId.get(String(n.caseId)) as OracleCase;
        const draft = drafts.get(issued.caseId);
        if (issued.firstReplyAt === undefined) {
          issued.firstReplyAt = at;
          issued.firstClass = draft?.own?.class;
        }
        // A re-handled reply to a merged item's proposers only leaves the own letter (and its commitment) as it was.
        if (draft?.own) {
          issued.latestLetter = draft.own;
          commit(issued, 'own', draft.own.class);
        }
        for (const m of draft?.merged ?? []) commit(issued, m.proposalId, m.class);
        issued.latestReplyAt = at;
        goOn(issued, at);
      }
      if (n.type === 'case.terminated' || n.type === 'case.withdrawn') {
        const t = byId.get(String(n.caseId));
        if (t) t.terminated = true;
      }
    }
    if (e.type === 'assignment.assign') {
      const a = ev.assignment as { coUnits?: { id: string }[] };
      coUnits = (a.coUnits ?? []).map((u) => u.id);
    }
    const correction = e.type === 'calendar.corrected';
    // The reply deadline: each change of its due date; a change made after the old date had passed means it was missed.
    // A calendar correction instead corrects the date the reply was due on, replied or not (S45).
    for (const d of e.meta?.deadlineChanges ?? []) {
      const dc = d.caseId ? byId.get(d.caseId) : undefined;
      if (!dc || d.kind !== 'reply' || d.newDue === undefined) continue;
      if (correction) {
        if (dc.due !== d.oldDue) continue;
        dc.due = d.newDue;
        // A reply deadline not passed under the corrected calendar is not missed (the scheduler finds it again later).
        if (dc.firstReplyAt === undefined && d.newDue >= at) outstanding.delete(dc.caseId);
        continue;
      }
      if (dc.firstReplyAt !== undefined) continue;
      if (dc.due !== undefined && dc.due < at) dc.missedBeforeReply = true;
      dc.due = d.newDue;
    }
    if (!c) continue;
    switch (e.type) {
      case 'reply.submitDraft': {
        const merged = (ev.mergedLetters ?? []) as { proposalId: string; class?: string }[];
        drafts.set(c.caseId, { ...(ev.letter ? { own: ev.letter as Letter } : {}), merged });
        break;
      }
      case 'case.startDrafting':
        goOn(c, at);
        break;
      case 'adjustment.reassign': {
        // 改派: the case is the new unit's, its periods (the co-handlers' opinion period too) counted from today.
        const to = (ev.toUnit as { id: string }).id;
        c.unitId = to;
        coUnits = coUnits.filter((u) => u !== to);
        if (coStart.has(c.caseId)) coStart.set(c.caseId, at);
        break;
      }
      case 'rehandling.start':
        c.round++;
        c.rehandlings++;
        break;
      case 'feedback.submit': {
        const f = ev.feedback as { proposerId: string; level: string };
        c.feedback.push({ round: c.round, proposerId: f.proposerId, level: f.level });
        break;
      }
      case 'followUp.reply': {
        // The second reply fulfils the commitment to each addressee it writes to.
        const to = [
          ...(ev.letter ? ['own'] : []),
          ...((ev.mergedLetters ?? []) as { proposalId: string }[]).map((m) => m.proposalId),
        ];
        for (const k of to) {
          const m = c.commitments.get(k);
          if (m) m.fulfilled = true;
        }
        break;
      }
      case 'case.overrideClose':
        for (const m of c.commitments.values()) if (!m.fulfilled) m.overridden = true;
        break;
      case 'case.recordContact':
        if (ev.method === 'visit' || ev.method === 'meeting') c.metFaceToFace = true;
        break;
      case 'coUnit.submitOpinion': {
        const from = (ev.opinion as { fromUnit: { id: string } }).fromUnit.id;
        c.opinionsFrom.push(from);
        opinionAt.set(`${c.caseId}|${from}`, at);
        break;
      }
    }
  }
  for (const c of p.cases)
    if (c.firstReplyAt !== undefined && c.due !== undefined && c.firstReplyAt > c.due) c.missedBeforeReply = true;
  p.replyOutstanding = outstanding.size > 0;
  // The units that hold a case or co-handle one now (a unit relieved by 改派 no longer does: \`ProposalQuery.unitId\`).
  for (const c of p.cases) p.unitIds.add(c.unitId);
  for (const u of coUnits) p.unitIds.add(u);
  const last = log[log.length - 1] as LogEntry;
  p.state = topKey((last.stateAfter as { proposal?: { lifecycle?: unknown } }).proposal?.lifecycle);
  return p;
}

interface Sat {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  total: number;
  rate: number | null;
}

function satisfaction(levels: string[]): Sat {
  const n = (l: string) => levels.filter((x) => x === l).length;
  const s = { satisfied: n('satisfied'), basicallySatisfied: n('basicallySatisfied'), dissatisfied: n('dissatisfied') };
  const total = levels.length;
  return { ...s, total, rate: total ? (s.satisfied + s.basicallySatisfied) / total : null };
}

/** The figures of one group of cases, computed from the documented meaning. */
export function oracleFigures(cases: OracleCase[], asOf: string) {
  const replied = cases.filter((c) => c.firstReplyAt !== undefined);
  const onTime = replied.filter((c) => !c.missedBeforeReply).length;
  const overdue = cases.filter((c) => c.firstReplyAt === undefined && c.due !== undefined && c.due < asOf).length;
  const decided = replied.length + overdue;
  const classes: Record<string, number> = {};
  for (const c of replied) if (c.firstClass) classes[c.firstClass] = (classes[c.firstClass] ?? 0) + 1;
  const firstRound = cases.flatMap((c) => c.feedback.filter((f) => f.round === 1).map((f) => f.level));
  const final: string[] = [];
  for (const c of cases) {
    const latest = new Map<string, string>();
    for (const f of c.feedback) latest.set(f.proposerId, f.level); // the log is in order: the last rating wins
    final.push(...latest.values());
  }
  const items = new Map<string, boolean>();
  for (const c of replied) items.set(c.proposalId, (items.get(c.proposalId) ?? false) || c.metFaceToFace);
  const met = [...items.values()].filter(Boolean).length;
  let answered = 0;
  let adopted = 0;
  let partly = 0;
  let notItemized = 0;
  for (const c of replied) {
    const marks = (c.latestLetter?.responses ?? []).flatMap((r) => (r.adoption ? [r.adoption] : []));
    if (marks.length === 0) notItemized++;
    answered += marks.length;
    adopted += marks.filter((m) => m === 'adopted').length;
    partly += marks.filter((m) => m === 'partlyAdopted').length;
  }
  const committed = replied.flatMap((c) => [...c.commitments.values()]);
  const fulfilled = committed.filter((m) => m.fulfilled).length;
  const overridden = committed.filter((m) => !m.fulfilled && m.overridden).length;
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    cases: cases.length,
    decided,
    repliedOnTime: onTime,
    repliedLate: replied.length - onTime,
    overdue,
    onTimeRate: ratio(onTime, decided),
    firstRound: satisfaction(firstRound),
    final: satisfaction(final),
    classes,
    rehandlings: cases.reduce((s, c) => s + c.rehandlings, 0),
    meetings: { replied: items.size, met, rate: ratio(met, items.size) },
    adoption: {
      answered,
      adopted,
      partlyAdopted: partly,
      rate: ratio(adopted, answered),
      partlyRate: ratio(partly, answered),
      notItemized,
    },
    commitments: {
      made: committed.length,
      fulfilled,
      overridden,
      open: committed.length - fulfilled - overridden,
      rate: ratio(fulfilled, committed.length),
    },
  };
}

/** The population of a period: cases replied in it or whose reply was due in it, withdrawn and 参阅 cases left out. */
export function oraclePopulation(proposals: OracleProposal[], from: string, to: string): OracleCase[] {
  const inside = (d?: string) => d !== undefined && d >= from && d <= to;
  return proposals
    .flatMap((p) => p.cases)
    .filter((c) => !c.terminated && c.role !== 'reference' && (inside(c.firstReplyAt) || inside(c.due)));
}
