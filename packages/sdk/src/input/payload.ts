import type { Bilingual } from '@banli/schemas';
import { textRuleViolation } from '@banli/schemas';
import { ValidationError, type ValidationIssue } from '../errors.js';
import type { SizeLimits } from '../limits.js';
import { isIdKey } from './idKey.js';
import { issueOf } from './issues.js';

/**
 * Checks that a payload is plain JSON data within the size limits, before anything else looks at it (the idempotency
 * fingerprint included): no cycles, no nesting deeper than `limits.depth`, no BigInt, function, symbol or class
 * instance, no non-finite number, every string (keys too) free of NUL, lone surrogates and a leading U+FEFF, ids
 * (`id`, `…Id`) within `limits.idLength`, text within `limits.textLength`, the whole within `limits.payloadLength`, and
 * (for an event, `letter: true`) a top-level `letter` within `limits.letterLength` (`letter_too_large`).
 * Throws `ValidationError` naming the first problem. (With `textRules: false`, shape and sizes only.)
 */
export function checkPayload(value: unknown, limits: SizeLimits, label: Bilingual, options: PayloadOptions = {}): void {
  const issue = findPayloadIssue(value, limits, label, options);
  if (issue) throw new ValidationError([issue]);
}

/** What a payload may carry besides plain fields, and what of it to check. */
export interface PayloadOptions {
  /** The payload is an event whose top-level `letter` (a reply letter) is held to `limits.letterLength`. */
  letter?: boolean;
  /**
   * Check the text rules on every string and key (default). `false` checks only shape and sizes, for a payload a
   * banli schema parses next: every string a schema accepts obeys the text rules (see {@link checkPayloadShape}).
   */
  textRules?: boolean;
}

/**
 * The shape and size part of {@link checkPayload}, for a payload a banli schema parses next, which enforces the text
 * rules (schemas/test/textRuleInvariant.test.ts holds every schema to it), so they run once, not twice. On a problem
 * the whole check runs, so the error is the one `checkPayload` throws: the first problem in the payload's order, a
 * text-rule one included. A caller whose schema then refuses the payload runs `checkPayload` before reporting the
 * schema's issues, for the same reason (see `input/boundary.ts`).
 */
export function checkPayloadShape(value: unknown, limits: SizeLimits, label: Bilingual, options: PayloadOptions = {}) {
  if (findPayloadIssue(value, limits, label, { ...options, textRules: false }) === undefined) return;
  checkPayload(value, limits, label, { ...options, textRules: true });
}

/** The first problem {@link checkPayload} would report, if any. */
function findPayloadIssue(
  value: unknown,
  limits: SizeLimits,
  label: Bilingual,
  options: PayloadOptions = {},
): ValidationIssue | undefined {
  const path: (string | number)[] = [];
  const ancestors = new Set<object>();
  let total = 0;
  // Text inside the event's top-level `letter`, counted apart so the letter has its own limit.
  let letterTotal = 0;
  const inLetter = () => options.letter === true && path[0] === 'letter';
  const bad = (code: Parameters<typeof issueOf>[2], params: Parameters<typeof issueOf>[3] = {}) =>
    issueOf(label, path.slice(), code, params);

  const textRules = options.textRules !== false;
  const text = (s: string, max: number): ValidationIssue | undefined => {
    total += s.length;
    if (s.length > max) return bad('too_long', { maximum: max });
    const broken = textRules ? textRuleViolation(s) : undefined;
    if (broken !== undefined) return bad(broken);
    if (inLetter()) {
      letterTotal += s.length;
      if (letterTotal > limits.letterLength) {
        return issueOf(label, ['letter'], 'letter_too_large', { maximum: limits.letterLength });
      }
    }
    if (total > limits.payloadLength) return issueOf(label, [], 'too_large', { maximum: limits.payloadLength });
    return undefined;
  };

  const visit = (v: unknown, depth: number): ValidationIssue | undefined => {
    switch (typeof v) {
      case 'string':
        return text(v, isIdKey(path[path.length - 1]) ? limits.idLength : limits.textLength);
      case 'number':
        return Number.isFinite(v) ? undefined : bad('not_json', { found: String(v) });
      case 'boolean':
      case 'undefined':
        return undefined;
      case 'object':
        break;
      default:
        return bad('not_json', { found: typeof v });
    }
    if (v === null) return undefined;
    if (depth >= limits.depth) return bad('too_deep', { maximum: limits.depth });
    if (ancestors.has(v)) return bad('not_json', { found: 'cycle' });
    const proto = Object.getPrototypeOf(v);
    const isArray = Array.isArray(v);
    if (!isArray && proto !== Object.prototype && proto !== null) {
      return bad('not_json', { found: String(proto?.constructor?.name ?? 'object').slice(0, 40) });
    }
    ancestors.add(v);
    if (isArray) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        const found = visit(v[i], depth + 1);
        path.pop();
        if (found) return found;
      }
    } else {
      for (const key of Object.keys(v)) {
        const keyIssue = text(key, limits.textLength);
        if (keyIssue) return keyIssue;
        path.push(key);
        const found = visit((v as Record<string, unknown>)[key], depth + 1);
        path.pop();
        if (found) return found;
      }
    }
    ancestors.delete(v);
    return undefined;
  };
  return visit(value, 0);
}
