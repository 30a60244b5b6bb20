import type { RunScenarioOptions } from '../runScenario.js';
import { assertScenario } from '../runScenario.js';
import type { Scenario } from '../scenario.js';

/** The test function `defineScenarioTests` registers with (vitest's, jest's or node:test's `it`). */
export interface ScenarioTestApi {
  it: (name: string, fn: () => Promise<void>) => void;
}

/**
 * Turns scenarios (e.g. `sdkPathScenarios(…).leaves`) into runnable tests: one `it` per scenario that runs it through
 * the SDK (`assertScenario`) and fails with a `BanliTestingError` listing every expectation that did not hold.
 *
 * @example
 * ```ts
 * describe('shortest SDK paths', () => defineScenarioTests(sdkPathScenarios().leaves, { it }));
 * ```
 */
export function defineScenarioTests(
  scenarios: readonly Scenario[],
  api: ScenarioTestApi,
  options: () => RunScenarioOptions = () => ({}),
): void {
  for (const scenario of scenarios) {
    api.it(scenario.name, async () => {
      await assertScenario(scenario, options());
    });
  }
}
