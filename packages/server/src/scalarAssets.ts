import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';

/**
 * The folder of Scalar's standalone browser bundle (`dist/browser` of the installed `@scalar/api-reference`), so the
 * reference page loads it from this server rather than from a CDN; `undefined` when the package is not installed.
 */
export function scalarBundleDir(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve('@scalar/api-reference');
    const dir = join(dirname(entry), 'browser');
    return existsSync(join(dir, 'standalone.js')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/**
 * Reads one file of the bundle folder (`standalone.js`, `chunks/…`) with its content type; `undefined` for a path
 * outside the folder or a missing file.
 */
export function readBundleFile(dir: string, path: string): { body: Uint8Array; type: string } | undefined {
  const file = normalize(join(dir, path));
  if (!file.startsWith(dir + sep) || !existsSync(file)) return undefined;
  const ext = file.slice(file.lastIndexOf('.'));
  return { body: readFileSync(file), type: TYPES[ext] ?? 'application/octet-stream' };
}
