/**
 * `@banli/sdk/store-contract`: the store port's contract suite and its fixtures, for the tests of a store
 * implementation. Test code, kept off the package root so an application never loads it.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from '@banli/sdk';
 * import { defineStoreContract } from '@banli/sdk/store-contract';
 * import { describe, expect, it } from 'vitest';
 *
 * defineStoreContract('memory', async () => createMemoryStore(), { describe, it, expect });
 * ```
 *
 * @packageDocumentation
 */
export {
  type ContractAssertion,
  type ContractTestApi,
  defineStoreContract,
  type StoreFactory,
} from './store/contract.js';
export { storeFixtures } from './store/contractFixtures.js';
