import type { CaseFacts, ProposalFacts } from '../internal/facts.js';

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
}

const inPeriod = (d: string | undefined, from: string, to: string): boolean => d !== undefined && d >= from && d <= to;

function counts(levels: string[]): SatisfactionCounts {
  const c = { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 };
  for (const l of levels) if (l in c) c[l as keyof typeof c]++;
  const total = c.satisfied + c.basicallySatisfied + c.dissatisfied;
  return { ...c, total, rate: total === 0 ? null : (c.satisfied + c.basicallySatisfied) / total };
}

function figures(cases: CaseFacts[], asOf: string): CaseFigures {
  let decided = 0;
  let onTime = 0;
  let late = 0;
  let overdue = 0;
  let rehandlings = 0;
  const classes: Record<string, number> = {};
  const first: string[] = [];
  const final: string[] = [];
  for (const c of cases) {
    rehandlings += c.rehandlings;
    if (c.firstReplyAt !== undefined) {
      decided++;
      if (c.replyDue === undefined || c.firstReplyAt <= c.replyDue) onTime++;
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
    onTimeRate: decided === 0 ? null : onTime / decided,
    firstRound: counts(first),
    final: counts(final),
    classes,
    rehandlings,
  };
}

/**
 * Computes 按时办复率, first-round and final 满意率, class distribution and re-handling counts over a period, in total
 * and per unit, from proposals' facts.
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
      if (inPeriod(c.firstReplyAt, from, to) || inPeriod(c.replyDue, from, to)) population.push(c);
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
  return { from, to, asOf, minCases, totals: figures(population, asOf), units };
}
