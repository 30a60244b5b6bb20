// The code block of docs/extending.md's "Check a customised machine on both engines" (test/equivalenceGuide.test.ts
// checks the two are identical and runs it). `caseMachineV2WithOa` is the guide's own v2 machine.
import { chinaMainland } from '@banli/calendar';
import { withCalendar } from '@banli/core';
import { caseMachineV2WithOa } from '../../../sdk/test/support/migrateGuide.js';
import { banliModels, expectEngineEquivalence } from '../../src/index.js';

// #region guide:equivalence
/** Explores the v2 case machine as banli explores its own (input, event alphabet, state key) on both engines. */
export function checkCaseMachineV2() {
  const [lead] = banliModels().case;
  if (!lead) throw new Error('banli explores at least one case configuration');
  // Bind the calendar as createHandlingSystem does; throws EngineEquivalenceError with a diff on any disagreement.
  return expectEngineEquivalence(withCalendar(caseMachineV2WithOa, chinaMainland), lead.options);
}
// #endregion
