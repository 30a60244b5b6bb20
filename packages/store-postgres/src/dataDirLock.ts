import { createHash } from 'node:crypto';
import { mkdirSync, statSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { StoreSetupError } from './errors.js';

/** A lock on a PGlite data directory, held by this process until `release()` or until the process dies. */
export interface DataDirLock {
  /** Frees the lock (idempotent). */
  release(): Promise<void>;
}

/** The socket file bound inside a data directory on systems without Linux's abstract socket namespace. */
const LOCK_SOCKET_NAME = '.banli-lock.sock';

const listen = (server: net.Server, address: string) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve();
    });
  });

/** Whether a process listens on a UNIX socket file (a stale file from a dead process refuses connections). */
const answers = (address: string) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(address);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

function lockedError(dir: string): StoreSetupError {
  return new StoreSetupError('STORE_LOCKED', {
    'zh-CN': `PGlite 数据目录 ${dir} 已被另一个进程（或本进程中另一个存储）打开；同一目录同时只能由一个进程使用`,
    en: `The PGlite data directory ${dir} is open in another process (or another store of this process); one directory serves one process at a time`,
  });
}

/**
 * Locks a PGlite data directory for one process: two processes writing one directory lose acknowledged writes
 * silently, so the second must fail. The lock is a listening UNIX domain socket, which the operating system frees when
 * the process dies (`kill -9` included), so a crash never leaves a stale lock. On Linux it lives in the abstract
 * namespace, named after the directory's device and inode (no file, no race); elsewhere it is a socket file bound
 * inside the directory (`.banli-lock.sock`), and a file no process answers on is stale and replaced. Windows uses a
 * named pipe, which the system also frees. Throws `StoreSetupError` (`STORE_LOCKED`) when another holder exists.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  mkdirSync(dir, { recursive: true });
  const { dev, ino } = statSync(dir);
  const id = createHash('sha256').update(`${dev}:${ino}`).digest('hex').slice(0, 40);
  const server = net.createServer((socket) => socket.destroy());
  let address: string;
  if (process.platform === 'linux') address = `\0banli-pglite-${id}`;
  else if (process.platform === 'win32') address = `\\\\.\\pipe\\banli-pglite-${id}`;
  else address = path.join(dir, LOCK_SOCKET_NAME);
  const file = process.platform !== 'linux' && process.platform !== 'win32';
  try {
    await listen(server, address);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE') throw error;
    if (!file || (await answers(address))) throw lockedError(dir);
    // A socket file left by a process that died: nobody answers, so take it over.
    unlinkSync(address);
    try {
      await listen(server, address);
    } catch {
      throw lockedError(dir);
    }
  }
  // The lock must not keep the process alive on its own.
  server.unref();
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
