import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds the console (vite) once before the browser tests serve it (turbo's `test` builds only dependencies). */
export default function setup(): void {
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd, stdio: 'inherit' });
}
