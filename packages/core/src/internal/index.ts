/**
 * `@banli/core/internal`: **unstable, not covered by semver.** What banli's own packages (`@banli/testing`, the
 * benchmarks) and core's tests share: the coordinator's case input and event translation, and the models the machines
 * are explored with. It may change in any release; integrators should use the package root.
 *
 * @packageDocumentation
 */
export { caseInputFrom, toProposalEvent } from '../system/caseInput.js';
export { caseStateKey, proposalStateKey } from './stateKeys.js';
export * as testModels from './testModels.js';
