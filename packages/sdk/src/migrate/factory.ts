import { createHandlingSystem, type HandlingSystemOptions } from '@banli/core';
import type { SystemFactory } from '../defaults.js';

/** Customised machines of one workflow definition (`reviseMachine`, `.provide()`). */
export type DefinitionMachines = Pick<HandlingSystemOptions, 'proposalMachine' | 'caseMachine'>;

/**
 * How the coordinator runs the machines: `engine` (`compiled`, the default, or `xstate`) and `onFallback`, told each
 * time the compiled engine hands a step to xstate (see @banli/core's `createHandlingSystem`).
 */
export type EngineChoice = Pick<HandlingSystemOptions, 'engine' | 'onFallback'>;

/**
 * A `SystemFactory` building @banli/core's coordinator with customised machines, for `createBanli({ createSystem })`
 * and `previousVersions`; the engine options pass through, so an integrator's machine can run on xstate or report
 * its fallbacks. An `engine` given here wins over `createBanli`'s; an `onFallback` given here is told as well as
 * `createBanli`'s.
 *
 * @example
 * ```ts
 * const banli = createBanli({ policy: policyV2, createSystem: systemFactory({ caseMachine: caseMachineV2 }) });
 * const watched = systemFactory({ caseMachine: caseMachineV2, onFallback: (f) => console.warn(f.reason, f.detail) });
 * ```
 */
export function systemFactory(machines: DefinitionMachines & EngineChoice = {}): SystemFactory {
  const { engine: own, onFallback: tell, ...definition } = machines;
  return ({ policy, calendar, engine, onFallback }) =>
    createHandlingSystem({
      policy,
      calendar,
      ...definition,
      engine: own ?? engine,
      onFallback:
        tell && onFallback
          ? (f) => {
              tell(f);
              onFallback(f);
            }
          : (tell ?? onFallback),
    });
}
