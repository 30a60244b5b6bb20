import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds the server once before the tests start it as a process (turbo's `test` only builds dependencies). */
export default function setup(): void {
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('npx', ['tsup', '--silent'], { cwd, stdio: 'inherit' });
}
