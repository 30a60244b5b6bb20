export { type ActorContext, type ActorRef, resolveActor } from './actors.js';
export { BanliTestingError, type TestingErrorCode } from './errors.js';
export { seedCase132402 } from './fixtures/seedCase132402.js';
export { createTestHarness, type HarnessOptions, type TestHarness } from './harness.js';
export { createRandom, type Random } from './prng.js';
export {
  assertScenario,
  type RunScenarioOptions,
  runScenario,
  type ScenarioRun,
  type TimelineDeadline,
  type TimelineEntry,
} from './runScenario.js';
export {
  type Bilingual,
  type DeadlineExpectation,
  defineScenario,
  type Expectation,
  type FinalExpectation,
  type Scenario,
  type ScenarioStep,
  type SendStep,
  type StepEvent,
  type SubmitStep,
  type TickStep,
} from './scenario.js';
export {
  type ArrivalOptions,
  type Distribution,
  defaultUnits,
  type SimulationOptions,
  type UnitProfile,
} from './simulate/options.js';
export {
  type CaseOutcome,
  type DeadlineMiss,
  type Refusal,
  type SimulationResult,
  simulate,
} from './simulate/simulate.js';
