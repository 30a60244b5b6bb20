import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Store } from '@banli/sdk';
import type { OptionSpec } from './command.js';
import { CliError, usage } from './errors.js';

/** The `--store` and `--create` options, shared by every command that can use a PGlite store. */
export const storeOptions = {
  store: {
    type: 'string',
    value: { 'zh-CN': '目录', en: 'dir' },
    description: {
      'zh-CN': '使用该目录中的嵌入式 PostgreSQL（PGlite）存储',
      en: 'use the embedded PostgreSQL (PGlite) store in this directory',
    },
  },
  create: {
    type: 'boolean',
    description: {
      'zh-CN': '--store 目录不存在时创建它（否则拒绝）',
      en: 'create the --store directory if it does not exist (refused otherwise)',
    },
  },
} satisfies Record<string, OptionSpec>;

/**
 * Checks a `--store` location before PGlite touches it: a file is refused, and so is a missing directory unless
 * `create` is `true` (then it is made; `'readOnly'` refuses with a hint for read-only commands). Throws `CliError`
 * (exit code 2); nothing is created on refusal.
 */
async function prepareStoreDir(dir: string, create: boolean | 'readOnly'): Promise<string> {
  const path = resolve(dir);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory())
    throw new CliError('STORE_NOT_A_DIRECTORY', {
      'zh-CN': `--store 须为目录，而 ${dir} 不是目录`,
      en: `--store must be a directory, and ${dir} is not one`,
    });
  if (!stat) {
    if (create === 'readOnly')
      throw new CliError('STORE_NOT_FOUND', {
        'zh-CN': `存储目录 ${dir} 不存在（seed 或 simulate 加 --store ${dir} --create 可新建存储）`,
        en: `no store directory ${dir} (seed or simulate with --store ${dir} --create makes one)`,
      });
    if (!create)
      throw new CliError('STORE_NOT_FOUND', {
        'zh-CN': `存储目录 ${dir} 不存在；要新建存储请加 --create`,
        en: `no store directory ${dir}; add --create to make a new store`,
      });
    await mkdir(path, { recursive: true });
  }
  return path;
}

/**
 * Opens the embedded PGlite store kept in a directory (the PGlite module loads only when a store is used);
 * `create` as in `prepareStoreDir` (`'readOnly'`: a command that only reads refuses a missing directory).
 */
async function openStore(dir: string, create: boolean | 'readOnly'): Promise<Store> {
  const path = await prepareStoreDir(dir, create);
  const { createPgliteStore } = await import('@banli/store-postgres');
  return createPgliteStore({ dataDir: path });
}

/** Opens the store, runs `fn` on it and closes it, whatever `fn` does. */
export async function withStore<T>(
  dir: string,
  create: boolean | 'readOnly',
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(dir, create);
  try {
    return await fn(store);
  } finally {
    await store.close?.();
  }
}

/** The `--store` value of a command that needs one, or a `UsageError`. */
export function requireStore(dir: string | undefined, command: string): string {
  if (dir === undefined) throw usage(`命令 ${command} 需要 --store <目录>`, `${command} needs --store <dir>`, command);
  return dir;
}
