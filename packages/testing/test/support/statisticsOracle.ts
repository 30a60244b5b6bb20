// An independent oracle for `banli.statistics` and `banli.query`: every figure recomputed from the event log alone
// (`banli.history`), with plain code written from the documented meaning (packages/sdk/README.md "Statistics", the
// TSDoc of `CaseFigures`, docs/domain.md §metrics), not from the SDK's facts.

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
  /** The letter of the latest formal reply (follow-up letters are not formal replies). */
  latestLetter?: { class?: string; responses?: { adoption?: string }[] };
  latestReplyAt?: string;
  round: number;
  rehandlings: number;
  feedback: { round: number; proposerId: string; level: string }[];
  followUpAt?: string;
  overrideAt?: string;
  terminated: boolean;
  metFaceToFace: boolean;
  opinionsFrom: string[];
}

/** What the oracle knows about one proposal. */
export interface OracleProposal {
  id: string;
  kind: string;
  proposerIds: string[];
  /** The proposal's top-level state after its last entry. */
  state: string;
  /** Every unit that holds a case or co-handles one. */
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
export function readProposal(log: readonly LogEntry[]): OracleProposal {
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
  const drafts = new Map<string, OracleCase['latestLetter']>();
  const outstanding = new Set<string>();
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
        };
        byId.set(opened.caseId, opened);
        p.cases.push(opened);
        p.unitIds.add(unit.id);
      }
      if (n.type === 'deadline.missed') p.missedDeadlines++;
      if (n.type === 'deadline.missed' && n.kind === 'reply') outstanding.add(String(n.caseId));
      if (n.type === 'reply.issued') outstanding.delete(String(n.caseId));
      if (n.type === 'reply.issued') {
        const issued = byId.get(String(n.caseId)) as OracleCase;
        const letter = drafts.get(issued.caseId);
        if (issued.firstReplyAt === undefined) {
          issued.firstReplyAt = at;
          issued.firstClass = letter?.class;
        }
        issued.latestLetter = letter;
        issued.latestReplyAt = at;
      }
      if (n.type === 'case.terminated' || n.type === 'case.withdrawn') {
        const t = byId.get(String(n.caseId));
        if (t) t.terminated = true;
      }
    }
    if (e.type === 'assignment.assign') {
      const a = ev.assignment as { coUnits?: { id: string }[] };
      for (const u of a.coUnits ?? []) p.unitIds.add(u.id);
    }
    // The reply deadline: each change of its due date; a change made after the old date had passed means it was missed.
    for (const d of e.meta?.deadlineChanges ?? []) {
      const dc = d.caseId ? byId.get(d.caseId) : undefined;
      if (!dc || d.kind !== 'reply' || dc.firstReplyAt !== undefined || d.newDue === undefined) continue;
      if (dc.due !== undefined && dc.due < at) dc.missedBeforeReply = true;
      dc.due = d.newDue;
    }
    if (!c) continue;
    switch (e.type) {
      case 'reply.submitDraft':
        drafts.set(c.caseId, ev.letter as OracleCase['latestLetter']);
        break;
      case 'rehandling.start':
        c.round++;
        c.rehandlings++;
        break;
      case 'feedback.submit': {
        const f = ev.feedback as { proposerId: string; level: string };
        c.feedback.push({ round: c.round, proposerId: f.proposerId, level: f.level });
        break;
      }
      case 'followUp.reply':
        c.followUpAt ??= at;
        break;
      case 'case.overrideClose':
        c.overrideAt ??= at;
        break;
      case 'case.recordContact':
        if (ev.method === 'visit' || ev.method === 'meeting') c.metFaceToFace = true;
        break;
      case 'coUnit.submitOpinion':
        c.opinionsFrom.push((ev.opinion as { fromUnit: { id: string } }).fromUnit.id);
        break;
    }
  }
  for (const c of p.cases)
    if (c.firstReplyAt !== undefined && c.due !== undefined && c.firstReplyAt > c.due) c.missedBeforeReply = true;
  p.replyOutstanding = outstanding.size > 0;
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
export function oracleFigures(cases: OracleCase[], asOf: string, followUpClasses: readonly string[]) {
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
  const committed = replied.filter((c) => followUpClasses.includes(c.latestLetter?.class ?? ''));
  const fulfilled = committed.filter((c) => c.followUpAt !== undefined).length;
  const overridden = committed.filter((c) => c.followUpAt === undefined && c.overrideAt !== undefined).length;
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
