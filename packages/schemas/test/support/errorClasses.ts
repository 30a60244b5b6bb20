// Shared by every package's test that its errors extend the one bilingual error base (session 13).

/** The names of the error classes a module exports, sorted. */
export function errorClassNames(module: Record<string, unknown>): string[] {
  return Object.entries(module)
    .filter(([, v]) => typeof v === 'function' && (v as { prototype?: unknown }).prototype instanceof Error)
    .map(([name]) => name)
    .sort();
}

/**
 * The names of the error classes a module exports that are neither `base` nor extend it. The test passes the
 * `BilingualError` its package imports, so that the class is the one the package's errors were built on.
 */
export function errorClassesOutside(
  module: Record<string, unknown>,
  base: abstract new (...args: never[]) => Error,
): string[] {
  return errorClassNames(module).filter((name) => {
    const cls = module[name] as { prototype: unknown };
    return cls !== base && !(cls.prototype instanceof base);
  });
}
