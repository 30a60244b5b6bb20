/**
 * `@banli/core/internal`: **unstable, not covered by semver.** What banli's own packages (`@banli/testing`, the
 * SDK's `createBanli`, the benchmarks) and core's tests share: the engine that runs the machines (the xstate stepper,
 * the compiled stepper, live snapshots and persistence, under `internal/engine/`), the engine option's check, the
 * coordinator's proposal and case inputs and event translation, the deep copy of plain data the SDK and the benchmarks
 * take (`dataCopier`), and the models the machines are explored with. It may change in any release, including a patch, the way tRPC's
 * `@trpc/server/unstable-core-do-not-import` and XState's `_`-prefixed members (`snapshot._nodes`) may. Integrators
 * should use the package root (`createHandlingSystem` with its `engine` and `onFallback` options,
 * `persistSnapshot`/`restoreSnapshot`) and `@banli/testing`'s `expectEngineEquivalence`.
 *
 * @packageDocumentation
 */

export { caseInputFrom, toProposalEvent } from '../system/caseInput.js';
export { engineOption } from '../system/engineOption.js';
export { proposalInputFrom } from '../system/proposalInput.js';
export { type Eviction, rememberBounded } from './boundedMemo.js';
export { dataCopier } from './dataCopier.js';
export {
  type CompiledStepperOptions,
  createCompiledStepper,
  VERIFIED_XSTATE_VERSION,
} from './engine/compiledStepper.js';
export { persistLive, restoreLive } from './engine/liveSnapshots.js';
export { assertVersion, versionOf } from './engine/persist.js';
export {
  createStepper,
  type StepAction,
  type Stepper,
  type StepperFallback,
  type StepResult,
  type StepTransition,
  type TakenStep,
} from './engine/stepper.js';
export { handOver } from './handedOver.js';
export { copyIdRecord, idRecord } from './idRecord.js';
export { innerMap } from './innerMap.js';
export { recordCopier } from './recordCopier.js';
export { caseStateKey, proposalStateKey } from './stateKeys.js';
/** The models banli's machines are explored and tested with (inputs, event alphabets, state keys, dates). */
export * as testModels from './testModels.js';
