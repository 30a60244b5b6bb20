import { StoreSetupError } from './errors.js';

// `pg` and `@electric-sql/pglite` are optional peer dependencies: an application installs the one it uses, so each is
// loaded only when a store on it is created, and a missing one is a typed error naming the package to install.

/** The optional database drivers and the store functions that need them. */
const DRIVERS = {
  pg: { needs: 'createPostgresStore / createPgExecutor', server: 'PostgreSQL' },
  '@electric-sql/pglite': { needs: 'createPgliteStore / createPgliteExecutor', server: 'PGlite' },
} as const;

/** An optional driver package. */
export type DriverName = keyof typeof DRIVERS;

const NOT_FOUND = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

/** Tells whether `error` says that the package `name` itself (not something inside it) could not be found. */
function isMissing(error: unknown, name: string): boolean {
  if (!(error instanceof Error) || !NOT_FOUND.has((error as { code?: string }).code ?? '')) return false;
  return error.message.includes(`'${name}'`) || error.message.includes(`"${name}"`);
}

/**
 * Loads a driver with `load` (a dynamic `import` of it); a driver that is not installed becomes
 * `StoreSetupError` with code `STORE_DRIVER_MISSING`, saying in zh-CN and en which package to install.
 */
export async function loadDriver<T>(name: DriverName, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isMissing(error, name)) throw error;
    const { needs, server } = DRIVERS[name];
    throw new StoreSetupError(
      'STORE_DRIVER_MISSING',
      {
        'zh-CN': `未安装 ${name}：${needs} 需要它（${server} 存储）。请安装：npm install ${name}`,
        en: `The package ${name} is not installed; ${needs} needs it (the ${server} store). Install it: npm install ${name}`,
      },
      { cause: error },
    );
  }
}

/** `pg`'s module (its CommonJS exports, as the default export under ESM). */
export async function loadPg(load: () => Promise<unknown> = () => import('pg')): Promise<typeof import('pg')> {
  const mod = (await loadDriver('pg', load)) as { default?: typeof import('pg') } & typeof import('pg');
  return mod.default ?? mod;
}

/** `@electric-sql/pglite`'s `PGlite` class. */
export async function loadPglite(
  load: () => Promise<unknown> = () => import('@electric-sql/pglite'),
): Promise<typeof import('@electric-sql/pglite').PGlite> {
  const mod = (await loadDriver('@electric-sql/pglite', load)) as typeof import('@electric-sql/pglite');
  return mod.PGlite;
}
