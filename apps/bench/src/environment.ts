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
