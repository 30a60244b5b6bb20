import type { z } from 'zod';
import type { BanliIssueCode } from '../issueCodes.js';
import { enMessages } from '../locales/en.js';

type Ctx = z.core.$RefinementCtx;

/** Raises a custom issue tagged with a banli code; the default message is the English one. */
export function raise(
  ctx: Ctx,
  code: BanliIssueCode,
  input: unknown,
  path: PropertyKey[] = [],
  params: Record<string, string | number> = {},
): void {
  const field = path.length ? String(path[path.length - 1]) : 'value';
  ctx.addIssue({
    code: 'custom',
    message: enMessages[code]({ field: `"${field}"`, ...params }),
    params: { banli: code, ...params },
    input,
    path: path as (string | number)[],
  });
}
