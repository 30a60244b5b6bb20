import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDriver, loadPg, loadPglite } from '../src/drivers.js';
import { StoreSetupError } from '../src/index.js';

// Issue 18: `pg` and `@electric-sql/pglite` are optional peer dependencies; an application installs the one it uses.

const notFound = (what: string, code = 'ERR_MODULE_NOT_FOUND') =>
  Object.assign(new Error(`Cannot find package '${what}' imported from /app/node_modules/@banli/store-postgres`), {
    code,
  });

describe('optional database drivers', () => {
  it('should declare pg and PGlite as optional peers, not as dependencies', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    for (const name of ['pg', '@electric-sql/pglite']) {
      expect(pkg.dependencies?.[name], name).toBeUndefined();
      expect(pkg.peerDependencies?.[name], name).toMatch(/^\^/);
      expect(pkg.peerDependenciesMeta?.[name], name).toEqual({ optional: true });
    }
  });

  it('should refuse a missing pg with a typed error naming the package in zh-CN and en', async () => {
    const error = await loadPg(() => Promise.reject(notFound('pg'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreSetupError);
    expect((error as StoreSetupError).code).toBe('STORE_DRIVER_MISSING');
    expect((error as StoreSetupError).messages['zh-CN']).toBe(
      '未安装 pg：createPostgresStore / createPgExecutor 需要它（PostgreSQL 存储）。请安装：npm install pg',
    );
    expect((error as StoreSetupError).messages.en).toBe(
      'The package pg is not installed; createPostgresStore / createPgExecutor needs it (the PostgreSQL store). Install it: npm install pg',
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('should refuse a missing PGlite the same way, also under CommonJS require', async () => {
    const error = await loadPglite(() => Promise.reject(notFound('@electric-sql/pglite', 'MODULE_NOT_FOUND'))).catch(
      (e: unknown) => e,
    );
    expect((error as StoreSetupError).code).toBe('STORE_DRIVER_MISSING');
    expect((error as StoreSetupError).messages.en).toContain('npm install @electric-sql/pglite');
    expect((error as StoreSetupError).messages['zh-CN']).toContain('npm install @electric-sql/pglite');
  });

  it('should pass on any other failure unchanged (a module missing inside the driver, a broken driver)', async () => {
    const inner = notFound('pg-native');
    await expect(loadDriver('pg', () => Promise.reject(inner))).rejects.toBe(inner);
    const broken = new TypeError('boom');
    await expect(loadDriver('@electric-sql/pglite', () => Promise.reject(broken))).rejects.toBe(broken);
  });

  it('should load the installed drivers', async () => {
    expect(typeof (await loadPg()).Pool).toBe('function');
    expect(typeof (await loadPglite()).create).toBe('function');
  });
});
