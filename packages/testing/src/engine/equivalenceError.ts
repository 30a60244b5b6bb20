import type { Bilingual } from '@banli/schemas';
import { BanliTestingError } from '../errors.js';
import type { EngineDisagreement, EngineEquivalenceReport } from './equivalence.js';

/** Thrown by {@link expectEngineEquivalence}: the engines disagree, or the compiled engine fell back to xstate. */
export class EngineEquivalenceError extends BanliTestingError {
  /** Every disagreement found, in exploration order. */
  readonly disagreements: readonly EngineDisagreement[];
  /** What was checked up to the failure. */
  readonly report: EngineEquivalenceReport;

  /**
   * @param messages - the message in zh-CN and en, listing the first disagreements.
   * @param disagreements - every disagreement found.
   * @param report - what was checked.
   */
  constructor(messages: Bilingual, disagreements: readonly EngineDisagreement[], report: EngineEquivalenceReport) {
    super('ENGINES_DISAGREE', messages);
    this.name = 'EngineEquivalenceError';
    this.disagreements = disagreements;
    this.report = report;
  }
}
