import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';

const versionOf = (dir: string, name: string): string => {
  try {
    return (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'unknown';
  }
};

/** The commit checked out in `dir` (short hash, `+dirty` when tracked files changed), or undefined outside git. */
function commitOf(dir: string): string | undefined {
  try {
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
    const hash = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') === '' ? hash : `${hash}+dirty`;
  } catch {
    return undefined;
  }
}

/** Machine, Node and package versions, for the report's header. */
export function environment(appDir: string) {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, ${type()} ${release()}`,
    load: loadavg()
      .map((x) => x.toFixed(2))
      .join(' / '),
    node: `${process.version} (V8 ${process.versions.v8})`,
    commit: commitOf(appDir),
    packages: [
      '@banli/core',
      '@banli/sdk',
      '@banli/calendar',
      '@banli/schemas',
      '@banli/store-postgres',
      'xstate',
      'zod',
      'pg',
      '@electric-sql/pglite',
    ]
      .map((n) => `${n} ${versionOf(appDir, n)}`)
      .join(', '),
  };
}
