import type { Bilingual } from '@banli/schemas';
import { callSite, stampScenario } from './internal/origin.js';
import type { FinalExpectation, Scenario, ScenarioStep } from './scenario.js';

/** How to branch a scenario: keep its steps up to a point, then go another way. */
export interface BranchOptions {
  /** The branch's own camelCase name. */
  name: string;
  title: Bilingual;
  /**
   * Keep the base's steps before this one: a 1-based step number (as run), or a predicate matching the first step
   * to drop, e.g. `(s) => 'send' in s && s.send.type === 'case.accept'`.
   */
  before: number | ((step: ScenarioStep, index: number) => boolean);
  /** What happens instead, from that point on. */
  steps: readonly ScenarioStep[];
  /** The branch's end state. @defaultValue none (the base's outcome no longer applies) */
  outcome?: FinalExpectation;
}

/**
 * Branches a scenario ("what if the unit asks for adjustment here?"): the base's steps up to a point, then new ones.
 * The base is not changed; the branch keeps its proposal, policy, calendar and office.
 *
 * @example
 * ```ts
 * const adjusted = branchScenario(seedCase132402, {
 *   name: 'seedAdjusted', title: { 'zh-CN': '改为申请调整', en: 'Asks for adjustment instead' },
 *   before: (s) => 'send' in s && s.send.type === 'case.accept',
 *   steps: [{ on: '2023-03-16', by: 'unit:zs-commerce', case: 'zs-commerce', send: { type: 'case.requestAdjustment', reason: '不属本单位职能' } }],
 * });
 * ```
 */
export function branchScenario(base: Scenario, options: BranchOptions): Scenario {
  const cut =
    typeof options.before === 'number'
      ? options.before - 1
      : base.steps.findIndex((s, i) => (options.before as (s: ScenarioStep, i: number) => boolean)(s, i));
  if (cut < 0 || cut > base.steps.length)
    throw new RangeError(`branchScenario: no step to branch before in ${base.name}`);
  const { outcome: _dropped, ...rest } = base;
  const branch: Scenario = {
    ...rest,
    name: options.name,
    title: options.title,
    steps: [...base.steps.slice(0, cut), ...options.steps],
    ...(options.outcome ? { outcome: options.outcome } : {}),
  };
  stampScenario(branch, callSite(1));
  return branch;
}
