import type { Calendar } from '@banli/calendar';
import type { Unit } from '@banli/schemas';
import type { BanliOptions } from '@banli/sdk';
import type { Random } from '../prng.js';

/** A distribution of working days. */
export type Distribution =
  | { kind: 'fixed'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; sd: number }
  /** Right-skewed: a median and a log-scale spread (a few units are very slow). */
  | { kind: 'lognormal'; median: number; sigma: number };

/** How one responsible unit behaves. */
export interface UnitProfile {
  unit: Unit;
  /** Relative share of assignments it receives. @defaultValue 1 */
  weight?: number;
  /** Working days from acceptance to the signed reply. */
  replyDays: Distribution;
  /** Working days a co-handling opinion from this unit takes after acceptance of the lead case. @defaultValue uniform 5–18 */
  opinionDays?: Distribution;
}

/** When proposals arrive. */
export interface ArrivalOptions {
  /** First and last day of the plenary session (proposals filed there use the `session` channel). @defaultValue Jan 10–20 of the year */
  session?: [string, string];
  /** Share of proposals filed during the session; the rest arrive uniformly over the year (`interSession`). @defaultValue 0.85 */
  sessionShare?: number;
}

/** Options of `simulate`. */
export interface SimulationOptions {
  /** Number of proposals in the year. */
  proposals: number;
  /** The seed; the same seed gives the same result. */
  seed: number;
  /**
   * The year simulated, one the calendar covers; its cases' follow-up past the calendar's last year is dated by the
   * statutory estimate (`uncovered: 'statutory'`). @defaultValue 2025
   */
  year?: number;
  /** The policy. @defaultValue `guangdongCity` */
  policy?: BanliOptions['policy'];
  /** @defaultValue `chinaMainland` */
  calendar?: Calendar;
  arrivals?: ArrivalOptions;
  /** Share of joint proposals (2–5 co-signers). @defaultValue 0.3 */
  jointShare?: number;
  /**
   * Share of items that are deputies' suggestions (人大代表建议, kind `suggestion`) rather than CPPCC proposals; a policy
   * that covers only suggestions (e.g. `nationalNpc`, `chongqing`) needs 1. @defaultValue 0
   */
  suggestionShare?: number;
  /**
   * Relative weights of the handling modes; `reference` (参阅办理, S80) sends the item to one or two units for reference
   * only: each accepts it, which closes its case, and nobody replies (such cases stay out of the statistics).
   * @defaultValue `{ sole: 0.55, lead: 0.35, split: 0.1, reference: 0 }`
   */
  modes?: { sole?: number; lead?: number; split?: number; reference?: number };
  /** The responsible units and their response times. @defaultValue eight units from fast to slow */
  units?: readonly UnitProfile[];
  /** Probability that a case asks for (and gets) an extension. @defaultValue 0.05 */
  extensionRate?: number;
  /** Probability that a proposer is dissatisfied with a first reply. @defaultValue 0.04 */
  dissatisfactionRate?: number;
  /** Probability that a unit forgets first contact with the proposers. @defaultValue 0.02 */
  missedContactRate?: number;
  /**
   * 并案 (S20, S11, S17): probability that an item absorbs a second item on the same subject. The second item (id
   * `<item>-merged`, its own proposer) is filed on the same day, and the committee merges it into the item during
   * review (`review.merge`); every reply and second reply then carries a letter to its proposer (`mergedLetters`), who
   * rates the reply too. The second item is extra: `proposals` counts the items handled. @defaultValue 0
   */
  mergeRate?: number;
  /**
   * Probability that a case's unit asks the office to adjust the assignment inside the window (申请调整, S18–S22)
   * before accepting; the office reassigns the case to another unit (改派, `adjustment.reassign`, which then handles
   * it with its own reply times) with probability `reassignShare`, and otherwise keeps it (`adjustment.keep`).
   * @defaultValue 0
   */
  adjustmentRate?: number;
  /** Of the adjustment requests, the share the office grants by reassigning the case. @defaultValue 0.5 */
  reassignShare?: number;
  /**
   * Probability that a B/C commitment (跟踪办理, S10) is closed by the committee's override (`case.overrideClose`,
   * with a reason) instead of the unit's second reply. @defaultValue 0
   */
  overrideCloseRate?: number;
  /**
   * Probability that a co-handling unit never sends its opinion (会办意见): the lead unit drafts once its opinion
   * deadline has passed, and the SDK records the opinion missing against the co-unit (under a policy without an
   * opinion period, `periods.coOpinion`, every opinion is sent). @defaultValue 0
   */
  missedOpinionRate?: number;
  /**
   * Probability that a co-handling unit meets a proposer face to face itself (`case.recordContact` with `visit`, sent
   * by the co-unit; a co-handler may talk to the proposer, S17). @defaultValue 0
   */
  coUnitContactRate?: number;
  /**
   * Calendar corrections while cases are open: the number of times in the year (0–12) the holiday table changes. Each
   * is announced on a day between March and November and changes a stretch of one to seven days starting from three
   * weeks before to a month after it: its working days become rest days, or its rest days make-up working days. It is
   * applied with `recomputeDeadlines` at the start of that day (so deadlines already met or missed move too), and the
   * days planned after it count working days by the corrected calendar. @defaultValue 0
   */
  calendarCorrections?: number;
  /** Relative weights of the reply classes (only the policy's classes are used). @defaultValue `{ A: 0.6, B: 0.3, C: 0.08, D: 0.02 }` */
  classes?: Partial<Record<'A' | 'B' | 'C' | 'D', number>>;
  /**
   * Called after each simulated day with the proposals submitted so far and the commands run so far and planned
   * so far (for the proposals submitted so far; `commandsDone === commandsPlanned` and `submitted === total` only
   * after the last day).
   */
  onProgress?: (done: {
    day: string;
    submitted: number;
    total: number;
    commandsDone: number;
    commandsPlanned: number;
  }) => void;
  /** Keep every logged event in the result (`events`), for `exportSimulation`. @defaultValue false */
  recordEvents?: boolean;
  /** Extra `createBanli` options (store, alerts, snapshotEvery). */
  banli?: Omit<BanliOptions, 'policy' | 'calendar' | 'clock'>;
}

/** Draws a whole number of working days (at least 1). */
export function sample(rng: Random, d: Distribution): number {
  const v =
    d.kind === 'fixed'
      ? d.value
      : d.kind === 'uniform'
        ? d.min + rng.next() * (d.max - d.min)
        : d.kind === 'normal'
          ? d.mean + d.sd * rng.normal()
          : d.median * Math.exp(d.sigma * rng.normal());
  return Math.max(1, Math.round(v));
}

/** Picks a key by relative weight. */
export function weighted<K extends string>(rng: Random, weights: Partial<Record<K, number>>): K {
  const entries = Object.entries(weights).filter(([, w]) => (w as number) > 0) as [K, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return (entries.at(-1) as [K, number])[0];
}

const unit = (id: string, zh: string, en: string): Unit => ({
  id,
  name: zh,
  shortName: zh,
  label: { 'zh-CN': zh, en },
});

/** Eight invented units, from fast to slow, with right-skewed reply times. */
export const defaultUnits: readonly UnitProfile[] = [
  {
    unit: unit('sim-commerce', '市商务局', 'Commerce'),
    weight: 3,
    replyDays: { kind: 'lognormal', median: 35, sigma: 0.35 },
  },
  {
    unit: unit('sim-education', '市教育局', 'Education'),
    weight: 3,
    replyDays: { kind: 'lognormal', median: 45, sigma: 0.4 },
  },
  {
    unit: unit('sim-transport', '市交通运输局', 'Transport'),
    weight: 2,
    replyDays: { kind: 'lognormal', median: 50, sigma: 0.45 },
  },
  { unit: unit('sim-health', '市卫生健康局', 'Health'), weight: 2, replyDays: { kind: 'normal', mean: 40, sd: 12 } },
  {
    unit: unit('sim-housing', '市住房城乡建设局', 'Housing'),
    weight: 2,
    replyDays: { kind: 'lognormal', median: 60, sigma: 0.5 },
  },
  {
    unit: unit('sim-resources', '市自然资源局', 'Natural resources'),
    weight: 1,
    replyDays: { kind: 'lognormal', median: 70, sigma: 0.5 },
  },
  {
    unit: unit('sim-agriculture', '市农业农村局', 'Agriculture'),
    weight: 1,
    replyDays: { kind: 'uniform', min: 20, max: 70 },
  },
  {
    unit: unit('sim-market', '市市场监管局', 'Market regulation'),
    weight: 2,
    replyDays: { kind: 'normal', mean: 30, sd: 8 },
  },
];
