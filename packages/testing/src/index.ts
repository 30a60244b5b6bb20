export { type ActorContext, type ActorRef, resolveActor } from './actors.js';
export {
  type ArbProposalOptions,
  type ArbScenarioOptions,
  arbPolicy,
  arbProposal,
  arbScenario,
  arbWorkingDay,
} from './arbitraries/index.js';
export { type BranchOptions, branchScenario } from './branch.js';
export {
  type EngineDisagreement,
  type EngineEquivalenceFallback,
  type EngineEquivalenceOptions,
  type EngineEquivalenceReport,
  expectEngineEquivalence,
} from './engine/equivalence.js';
export { EngineEquivalenceError } from './engine/equivalenceError.js';
export { BanliTestingError, type TestingErrorCode } from './errors.js';
export {
  type FailureCheck,
  formatFailure,
  formatFailures,
  formatLocation,
  type ScenarioFailure,
  type ScenarioWarning,
  type StepLocation,
} from './failures.js';
export { CHANNELS, ITEM_KINDS, presetScenarios } from './fixtures/presetScenarios.js';
export {
  adjustmentReassigned,
  allScenarios,
  dissatisfiedThenSatisfied,
  extensionApproved,
  followUpClassB,
  mergedIntoAnother,
  missedCoOpinion,
  notRegistered,
  splitTwoReplies,
  withdrawnDuringHandling,
} from './fixtures/scenarios.js';
export { seedCase132402 } from './fixtures/seedCase132402.js';
export {
  acceptAndContact,
  draftAndSign,
  draftReply,
  feedbackFromAll,
  intake,
  signReply,
  soleSeedAssignment,
} from './fixtures/steps.js';
export { createTestHarness, type HarnessOptions, type TestHarness } from './harness.js';
export { toJUnitXml } from './junit.js';
export {
  type BanliModel,
  banliModels,
  banliPathReport,
  caseStateKey,
  type MachinePathReport,
  proposalStateKey,
} from './paths/banli.js';
export {
  type CoverageRecorder,
  type CoverageReport,
  coverageOfSteps,
  coverageReport,
  createCoverageRecorder,
} from './paths/coverage.js';
export {
  activeStateIds,
  type ExploredStep,
  type ExploreOptions,
  exploreSteps,
  type MachinePath,
  type PathEvent,
  shortestPaths,
  simplePaths,
  stateIds,
  type TransitionId,
  transitionId,
  transitionIds,
} from './paths/graph.js';
export {
  activeIdsOfValue,
  coverageFromHistory,
  type HistoryCoverageReport,
  loggedTransitionId,
  type UnknownHistoryEntry,
} from './paths/historyCoverage.js';
export { definePathTests, type PathReplay, type PathTestApi, pathName, replayPath } from './paths/pathTests.js';
export { defineScenarioTests, type ScenarioTestApi } from './paths/scenarioTests.js';
export {
  acceptedCommands,
  type CommandContext,
  type CommandStep,
  caseKeyOf,
  commandAlphabet,
  datedStep,
  draftLetters,
  eventOfStep,
  mergedLetterFor,
} from './paths/sdkCommands.js';
export {
  mergedItemOf,
  mergeMoves,
  mergePartnerOf,
  nextMoves,
  type PathMove,
  type PathMoveOptions,
  type PathStart,
  partnerSetupSteps,
  pathStart,
  tickMove,
} from './paths/sdkMoves.js';
export { type SdkPathOptions, type SdkPathSet, sdkPathScenarios } from './paths/sdkPaths.js';
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
  type DeadlineExpectation,
  type DeadlineMove,
  defineScenario,
  type Expectation,
  type FinalExpectation,
  type LetterExpectation,
  type Scenario,
  type ScenarioStep,
  type SendStep,
  type StepEvent,
  type SubmitStep,
  type TickStep,
} from './scenario.js';
export { type ExportFormat, exportSimulation, type SimulationEvent, toCsv } from './simulate/export.js';
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
export { timelineFromHistory } from './timeline.js';
