import type { EngineStats } from '@banli/core';
import type { HandlingSystemLike } from './system.js';

/** How an instance's coordinators run the machines (`Banli.stats()`). */
export interface BanliStats {
  /**
   * The engine the current definition's coordinator runs: `compiled` or `xstate` (the `engine` option of
   * `createBanli`); `undefined` when a custom `createSystem` builds a coordinator that does not report it (no
   * `stats()`).
   */
  engine: EngineStats['engine'] | undefined;
  /**
   * Whether each machine of the current definition runs on the compiled engine: false under `xstate`, and after a
   * machine-wide fallback (a machine with `after`, `invoke`, history or `output`, or another xstate version);
   * `undefined` as for `engine`.
   */
  compiled: EngineStats['compiled'] | undefined;
  /**
   * How many times work went to xstate although the compiled engine was asked for, since `createBanli`: summed over
   * every coordinator the instance built (the current definition, `previousVersions`, and those a calendar change
   * replaced). Each one is also told to `onFallback`. 0 for `engine: 'xstate'`.
   */
  fallbacks: number;
}

/** The counts of the coordinators an instance builds, kept while they serve and summed when they are replaced. */
export function createEngineStats() {
  const serving = new Map<object, readonly HandlingSystemLike[]>();
  let retired = 0;
  const fallbacksOf = (systems: readonly HandlingSystemLike[] = []) =>
    systems.reduce((n, s) => n + (s.stats?.().fallbacks ?? 0), 0);
  return {
    /** Records the coordinators `owner` (an engine) runs, current definition first; returns `owner`. */
    track<T extends object>(owner: T, systems: readonly HandlingSystemLike[]): T {
      serving.set(owner, systems);
      return owner;
    },
    /** `owner` serves no more (replaced, or a dry run's preview): its fallbacks stay counted. */
    retire(owner: object): void {
      retired += fallbacksOf(serving.get(owner));
      serving.delete(owner);
    },
    /** The stats, the engine and compiled flags read from `current`'s first coordinator. */
    stats(current: object): BanliStats {
      const own = serving.get(current)?.[0]?.stats?.();
      let fallbacks = retired;
      for (const systems of serving.values()) fallbacks += fallbacksOf(systems);
      return {
        engine: own?.engine,
        compiled: own ? { ...own.compiled } : undefined,
        fallbacks,
      };
    },
  };
}
