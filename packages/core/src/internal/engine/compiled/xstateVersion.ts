import xstatePackage from 'xstate/package.json' with { type: 'json' };

/**
 * The xstate version the compiled engine was verified against (its equivalence tests ran on it). The engine ports
 * part of xstate's algorithm and reads its internals, so on any other installed version it hands every step to
 * xstate and says so (`onFallback` with reason `xstateVersion`). Bump together with the catalog's xstate.
 */
export const VERIFIED_XSTATE_VERSION = '5.33.3';

/** The xstate version installed beside core, read from xstate's own package.json at run time. */
export const INSTALLED_XSTATE_VERSION: string = (xstatePackage as { version: string }).version;
