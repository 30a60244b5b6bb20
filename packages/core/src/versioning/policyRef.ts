import type { Policy } from '../policy/schema.js';
import { canonicalJson, contentHash } from './hash.js';

/**
 * A policy as persisted state names it: its id and a content hash of its rules (the policy itself lives in the
 * running system, not in every snapshot).
 */
export interface PolicyRef {
  id: string;
  hash: string;
}

const hashes = new WeakMap<object, string>();

/**
 * A content hash of a policy: equal rules give equal hashes whatever the key order; any changed period, class or
 * citation gives another.
 *
 * @example
 * ```ts
 * policyHash(presets.guangdongCity) === policyHash(structuredClone(presets.guangdongCity)); // true
 * ```
 */
export function policyHash(policy: Policy): string {
  let hash = hashes.get(policy);
  if (hash === undefined) {
    hash = contentHash(canonicalJson(policy));
    hashes.set(policy, hash);
  }
  return hash;
}

/**
 * The reference persisted state keeps instead of the policy.
 *
 * @example
 * ```ts
 * policyRef(presets.guangdongCity); // { id: 'cn-gd-city', hash: '…' } (16 hex digits)
 * ```
 */
export function policyRef(policy: Policy): PolicyRef {
  return { id: policy.id, hash: policyHash(policy) };
}

/**
 * Whether a persisted `policy` field is a reference (`{ id, hash }` and nothing else) rather than a whole policy, as
 * state written before policies were referenced holds.
 *
 * @example
 * ```ts
 * isPolicyRef(policyRef(presets.guangdongCity)); // true
 * isPolicyRef(presets.guangdongCity); // false
 * ```
 */
export function isPolicyRef(value: unknown): value is PolicyRef {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.hash === 'string' && Object.keys(v).length === 2;
}
