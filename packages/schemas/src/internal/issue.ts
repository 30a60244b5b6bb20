import type { z } from 'zod';
import type { BanliIssueCode } from '../issueCodes.js';
import { enMessages } from '../locales/en.js';
import { quotePrefix } from '../textRules.js';

type Ctx = z.core.$RefinementCtx;

/**
 * How a schema's rules report what a value breaks: the arguments of {@link raise} after the context. A schema's
 * `superRefine` reports through {@link reportTo}; a hand-written fast parser (`internal/fastParse.ts`) runs the same
 * rules function and only counts the reports, so each rule has one definition.
 */
export type RuleReport = (
  code: BanliIssueCode,
  input: unknown,
  path?: PropertyKey[],
  params?: Record<string, string | number>,
) => void;

/** A `superRefine` running a rules function, each report raised as an issue on the context. */
export function refineBy<T>(rules: (value: T, report: RuleReport) => void) {
  return (value: T, ctx: Ctx): void =>
    rules(value, (code, input, path, params) => raise(ctx, code, input, path, params));
}

/** Raises a custom issue tagged with a banli code; the default message is the English one. */
export function raise(
  ctx: Ctx,
  code: BanliIssueCode,
  input: unknown,
  path: PropertyKey[] = [],
  params: Record<string, string | number> = {},
): void {
  const field = path.length ? String(path[path.length - 1]) : 'value';
  // Messages quote only a short prefix of a bad value: a 10 MB bad date must not make a 10 MB message.
  const short: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) short[k] = typeof v === 'string' ? quotePrefix(v) : v;
  ctx.addIssue({
    code: 'custom',
    message: enMessages[code]({ field: `"${field}"`, ...short }),
    params: { banli: code, ...short },
    input,
    path: path as (string | number)[],
  });
}
