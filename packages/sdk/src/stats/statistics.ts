import type { CaseFacts, CommitmentFacts, ProposalFacts } from '../facts.js';

/** Options of `statistics`. */
export interface StatisticsOptions {
  /** First business date of the period (inclusive). */
  from: string;
  /** Last business date of the period (inclusive). */
  to: string;
  /** Units with fewer cases than this are reported but not ranked (Alaveteli ranks bodies only above a minimum too). @defaultValue 5 */
  minCases?: number;
  /** The date statistics are taken on; unreplied cases count as late only once their due date is before it. @defaultValue today */
  asOf?: string;
}

/** 满意 / 基本满意 / 不满意 counts and the satisfaction rate (满意 + 基本满意) ÷ total. */
export interface SatisfactionCounts {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  total: number;
  /** (satisfied + basicallySatisfied) / total, or null without feedback. */
  rate: number | null;
}

/** 见面率: items whose proposers were met face to face ÷ items replied (domain.md §metrics, S22, S68). */
export interface MeetingFigures {
  /** Items with a replied case in the group. */
  replied: number;
  /** Of those, items whose proposers the unit met face to face (a visit or a meeting). */
  met: number;
  /** met / replied, or null when nothing was replied. */
  rate: number | null;
}

/**
 * 采纳率: points adopted (采纳/吸收采纳) ÷ points answered in itemized replies, with partly adopted reported beside it;
 * letters that answer no point by point are counted apart (S67, S22).
 */
export interface AdoptionFigures {
  /** Points answered one by one, in the latest formal reply of each case. */
  answered: number;
  /** Points adopted (吸收采纳). */
  adopted: number;
  /** Points partly adopted (部分采纳), reported beside the rate, not in it. */
  partlyAdopted: number;
  /** adopted / answered, or null when no point was answered. */
  rate: number | null;
  /** partlyAdopted / answered, or null when no point was answered. */
  partlyRate: number | null;
  /** Replied cases whose letter answers no point by point (not itemized), left out of the rates. */
  notItemized: number;
}

/**
 * 落实率: B/C commitments fulfilled (second reply given) ÷ commitments made (S10, S74, S84, S68). A commitment is owed
 * to each addressee of a case's replies: the item's own proposers and, after 并案, each merged item's (S20: replied to
 * separately), so one case may count several.
 */
export interface CommitmentFigures {
  /** Commitments made: one per addressee whose latest formal letter has a follow-up class (B/C). */
  made: number;
  /** Of those, fulfilled by the second reply (二次答复). */
  fulfilled: number;
  /** Of those, closed by the committee's override (`case.overrideClose`) without a second reply. */
  overridden: number;
  /** Still open. */
  open: number;
  /** fulfilled / made, or null when no commitment was made. */
  rate: number | null;
}

/** A co-handling unit's opinions (会办意见): sent, and missing when the lead unit went on after its deadline. */
export interface CoUnitFigures {
  unitId: string;
  /** Opinions sent to the lead unit. */
  sent: number;
  /** Opinions whose deadline passed with nothing sent, recorded against this unit. */
  missing: number;
}

/** Figures for one group of cases (all units, or one unit). */
export interface CaseFigures {
  /** Cases replied in the period or whose reply was due in it. */
  cases: number;
  /** Cases whose timeliness is decided: replied, or unreplied past their due date. */
  decided: number;
  repliedOnTime: number;
  repliedLate: number;
  /** Unreplied cases past their due date. */
  overdue: number;
  /** Cases whose reply due date rests on an estimate (a year without its holiday notice): their timeliness may change. */
  provisional: number;
  /** 按时办复率: repliedOnTime / decided, or null when nothing is decided. */
  onTimeRate: number | null;
  /** First-round feedback (初次办理满意率). */
  firstRound: SatisfactionCounts;
  /** Each proposer's latest feedback (最终满意率). */
  final: SatisfactionCounts;
  /** First-reply class distribution. */
  classes: Record<string, number>;
  /** Re-handling rounds started. */
  rehandlings: number;
  /** 见面率. */
  meetings: MeetingFigures;
  /** 采纳率. */
  adoption: AdoptionFigures;
  /** 落实率. */
  commitments: CommitmentFigures;
}

/** Figures for one unit, ranked only when it has at least `minCases` cases. */
export interface UnitFigures extends CaseFigures {
  unitId: string;
  ranked: boolean;
  /** 1 = best on-time rate, then best final satisfaction; absent when not ranked. */
  rank?: number;
}

/** Statistics over a period. */
export interface Statistics {
  from: string;
  to: string;
  asOf: string;
  minCases: number;
  totals: CaseFigures;
  units: UnitFigures[];
  /** Co-handling units' opinions on the period's lead cases, by unit id. */
  coUnits: CoUnitFigures[];
}

const inPeriod = (d: string | undefined, from: string, to: string): boolean => d !== undefined && d >= from && d <= to;

function counts(levels: string[]): SatisfactionCounts {
  const c = { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 };
  for (const l of levels) if (l in c) c[l as keyof typeof c]++;
  const total = c.satisfied + c.basicallySatisfied + c.dissatisfied;
  return { ...c, total, rate: total === 0 ? null : (c.satisfied + c.basicallySatisfied) / total };
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

/** 见面率 over items: a proposal counts once in a group, met when any of its cases there met a proposer face to face. */
function meetingsOf(cases: CaseFacts[]): MeetingFigures {
  const replied = new Map<string, boolean>();
  for (const c of cases) {
    if (c.firstReplyAt === undefined) continue;
    const item = itemOf(c);
    replied.set(item, (replied.get(item) ?? false) || c.metFaceToFace === true);
  }
  const met = [...replied.values()].filter(Boolean).length;
  return { replied: replied.size, met, rate: ratio(met, replied.size) };
}

function adoptionOf(cases: CaseFacts[]): AdoptionFigures {
  let answered = 0;
  let adopted = 0;
  let partlyAdopted = 0;
  let notItemized = 0;
  for (const c of cases) {
    if (c.firstReplyAt === undefined || c.adoptions === undefined) continue;
    if (c.adoptions.length === 0) notItemized++;
    answered += c.adoptions.length;
    adopted += c.adoptions.filter((a) => a === 'adopted').length;
    partlyAdopted += c.adoptions.filter((a) => a === 'partlyAdopted').length;
  }
  return {
    answered,
    adopted,
    partlyAdopted,
    rate: ratio(adopted, answered),
    partlyRate: ratio(partlyAdopted, answered),
    notItemized,
  };
}

function commitmentsOf(cases: CaseFacts[]): CommitmentFigures {
  // The item's own commitment and each merged item's, counted apart (one case may owe several).
  const made: CommitmentFacts[] = cases.flatMap((c) => [
    ...(c.commitment ? [c.commitment] : []),
    ...(c.mergedCommitments ?? []),
  ]);
  const fulfilled = made.filter((m) => m.fulfilledAt !== undefined).length;
  const overridden = made.filter((m) => m.fulfilledAt === undefined && m.overriddenAt !== undefined).length;
  return {
    made: made.length,
    fulfilled,
    overridden,
    open: made.length - fulfilled - overridden,
    rate: ratio(fulfilled, made.length),
  };
}

const itemOf = (c: CaseFacts) => c.proposalId ?? c.caseId.slice(0, c.caseId.lastIndexOf('/'));

function coUnitsOf(cases: CaseFacts[]): CoUnitFigures[] {
  const by = new Map<string, CoUnitFigures>();
  const get = (unitId: string) =>
    by.get(unitId) ?? (by.set(unitId, { unitId, sent: 0, missing: 0 }).get(unitId) as CoUnitFigures);
  for (const c of cases) {
    for (const u of c.opinionsFrom ?? []) get(u).sent++;
    for (const u of c.missingOpinions ?? []) get(u).missing++;
  }
  return [...by.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : 1));
}

function figures(cases: CaseFacts[], asOf: string): CaseFigures {
  let decided = 0;
  let onTime = 0;
  let late = 0;
  let overdue = 0;
  let provisional = 0;
  let rehandlings = 0;
  const classes: Record<string, number> = {};
  const first: string[] = [];
  const final: string[] = [];
  for (const c of cases) {
    rehandlings += c.rehandlings;
    if (c.replyDueProvisional) provisional++;
    if (c.firstReplyAt !== undefined) {
      decided++;
      if (!c.replyMissed && (c.replyDue === undefined || c.firstReplyAt <= c.replyDue)) onTime++;
      else late++;
      if (c.firstClass) classes[c.firstClass] = (classes[c.firstClass] ?? 0) + 1;
    } else if (c.replyDue !== undefined && c.replyDue < asOf) {
      decided++;
      overdue++;
    }
    const latest = new Map<string, { round: number; level: string }>();
    for (const f of c.feedback) {
      if (f.round === 1) first.push(f.level);
      const prev = latest.get(f.proposerId);
      if (!prev || f.round >= prev.round) latest.set(f.proposerId, f);
    }
    for (const f of latest.values()) final.push(f.level);
  }
  return {
    cases: cases.length,
    decided,
    repliedOnTime: onTime,
    repliedLate: late,
    overdue,
    provisional,
    onTimeRate: decided === 0 ? null : onTime / decided,
    firstRound: counts(first),
    final: counts(final),
    classes,
    rehandlings,
    meetings: meetingsOf(cases),
    adoption: adoptionOf(cases),
    commitments: commitmentsOf(cases),
  };
}

/**
 * Computes 按时办复率, first-round and final 满意率, 见面率, 采纳率, 落实率, class distribution and re-handling counts
 * over a period, in total and per unit, and each co-handling unit's sent and missing opinions, from proposals' facts.
 * The definitions are in the SDK README ("Statistics").
 */
export function computeStatistics(
  proposals: Iterable<ProposalFacts>,
  options: StatisticsOptions & { asOf: string },
): Statistics {
  const { from, to, asOf } = options;
  const minCases = options.minCases ?? 5;
  const population: CaseFacts[] = [];
  for (const p of proposals) {
    for (const c of Object.values(p.cases)) {
      if (c.terminated || c.role === 'reference') continue;
      if (inPeriod(c.firstReplyAt, from, to) || inPeriod(c.replyDue, from, to))
        population.push({ ...c, proposalId: p.id });
    }
  }
  const byUnit = new Map<string, CaseFacts[]>();
  for (const c of population) byUnit.set(c.unitId, [...(byUnit.get(c.unitId) ?? []), c]);
  const units: UnitFigures[] = [...byUnit.entries()]
    .map(([unitId, cases]) => ({ unitId, ...figures(cases, asOf), ranked: cases.length >= minCases }))
    .sort((a, b) => (a.unitId < b.unitId ? -1 : 1));
  const ranked = units
    .filter((u) => u.ranked)
    .sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || (b.final.rate ?? -1) - (a.final.rate ?? -1));
  ranked.forEach((u, i) => {
    u.rank = i + 1;
  });
  return { from, to, asOf, minCases, totals: figures(population, asOf), units, coUnits: coUnitsOf(population) };
}
