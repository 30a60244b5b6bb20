import type { z } from 'zod';

// The fast forms of zod checks, by identity (issue 19: the SDK's one pass ran every string's check through zod's check
// function, which for a `superRefine` builds a closure on every call; a command's strings are text and dates, so
// these checks were most of validation's cost in place). A fast form answers `true` exactly when its check reports no
// issue; it is registered where the check is made, next to the function the check reports through, so each rule
// keeps one definition. test/fastChecks.test.ts holds each fast form to its check on generated strings.
const fastForms = new WeakMap<object, (value: string) => boolean>();

/** Registers `holds` as the fast form of the last check of `schema` (a string schema), and answers the schema. */
export function withFastCheck<T extends z.ZodType>(schema: T, holds: (value: string) => boolean): T {
  const checks = schema._zod.def.checks ?? [];
  const last = checks[checks.length - 1];
  if (last === undefined) throw new Error('withFastCheck: the schema has no check');
  fastForms.set(last, holds);
  return schema;
}

/**
 * The fast form of a zod check of a string schema, if it has one: a predicate that answers `true` exactly when the
 * check reports no issue on the string (the text check of every text field, the date check of `IsoDateSchema`). For
 * a caller that needs only whether a string passes, not the issues (the SDK's one pass); the schema still names them.
 */
export function fastCheckOf(check: object): ((value: string) => boolean) | undefined {
  return fastForms.get(check);
}
