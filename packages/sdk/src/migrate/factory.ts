import { createHandlingSystem, type HandlingSystemOptions } from '@banli/core';
import type { SystemFactory } from '../defaults.js';

/** Customised machines of one workflow definition (`reviseMachine`, `.provide()`). */
export type DefinitionMachines = Pick<HandlingSystemOptions, 'proposalMachine' | 'caseMachine'>;

/**
 * A `SystemFactory` building @banli/core's coordinator with customised machines, for `createBanli({ createSystem })`
 * and `previousVersions`.
 *
 * @example
 * ```ts
 * const banli = createBanli({ policy: policyV2, createSystem: systemFactory({ caseMachine: caseMachineV2 }) });
 * ```
 */
export function systemFactory(machines: DefinitionMachines = {}): SystemFactory {
  return ({ policy, calendar }) => createHandlingSystem({ policy, calendar, ...machines });
}
