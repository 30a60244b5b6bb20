import { runChild } from './runner.js';

/**
 * One sample: in a fresh `node --expose-gc` process of `script` (`--child=<kind>`, which runs `local` there), or, without
 * a script, in this process (the smoke tests, where the figures do not matter).
 */
export function sample<P, T>(
  script: string | undefined,
  kind: string,
  params: P,
  local: (p: P) => Promise<T>,
): Promise<T> {
  return script ? runChild<T>({ script }, kind, params) : local(params);
}
