import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteStore, StoreSetupError } from '../src/index.js';
import { spawnScript, waitForLine } from './support/child/spawn.js';

// Issue 16 item 1: two processes on one PGlite data directory lost 29–100% of acknowledged writes, silently. The
// directory is now locked for the store's lifetime; the OS frees the lock when the holder dies.

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'banli-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const refusal = (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('the PGlite data directory lock', () => {
  it('should refuse a second store on a directory this process holds, until the first closes', async () => {
    const dir = freshDir();
    const first = await createPgliteStore({ dataDir: dir });
    const error = await refusal(createPgliteStore({ dataDir: dir }));
    expect(error).toBeInstanceOf(StoreSetupError);
    expect((error as StoreSetupError).code).toBe('STORE_LOCKED');
    expect((error as StoreSetupError).messages['zh-CN']).toContain('另一个进程');
    // Another path to the same directory is the same directory.
    const again = await refusal(createPgliteStore({ dataDir: `${dir}${path.sep}.${path.sep}` }));
    expect((again as StoreSetupError).code).toBe('STORE_LOCKED');
    await first.close?.();
    const second = await createPgliteStore({ dataDir: dir });
    await second.close?.();
  });

  it('should refuse a directory another process holds, and free it when that process is killed', async () => {
    const dir = freshDir();
    const child = spawnScript('./holdDataDir.ts', [dir, '3']);
    try {
      await waitForLine(child, 'ready');
      const error = await refusal(createPgliteStore({ dataDir: dir }));
      expect(error).toBeInstanceOf(StoreSetupError);
      expect((error as StoreSetupError).code).toBe('STORE_LOCKED');
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((resolve) => child.once('exit', resolve));
    // The OS released the lock with the process; every acknowledged write of the killed process is there.
    const store = await createPgliteStore({ dataDir: dir });
    const rows = await store.queryStreams();
    expect(rows.map((r) => r.streamId)).toEqual(['held-0', 'held-1', 'held-2']);
    await store.close?.();
  });
});
