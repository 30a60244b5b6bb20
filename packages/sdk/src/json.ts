import { dataCopier } from '@banli/core/internal';

/** A JSON value: everything a store persists is made of these, so any adapter can serialise it losslessly. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * A deep copy of plain data (arrays and plain objects; other values as they are), so values handed to callers never
 * alias state the SDK keeps (cached aggregates, the in-memory log). Core's `dataCopier` without a reader of strings:
 * the one definition the benchmarks copy with too.
 */
export const cloneData: <T>(value: T) => T = dataCopier();

/**
 * Plain data the SDK built from JSON parts (core's states, deadlines and notifications, the SDK's facts and views),
 * typed as the JSON it is. TypeScript cannot see that an interface holds only JSON values, so this is the one place
 * that says so when such data goes to the store (the store contract tests check the round trip).
 */
export function asJson(value: object): JsonObject {
  return value as JsonObject;
}

/** Like `asJson`, for a list. */
export function asJsonList(values: readonly object[]): JsonObject[] {
  return values as JsonObject[];
}

/**
 * Stored JSON read back as the type the SDK wrote it with (a snapshot's state, a logged patch, an idempotent result);
 * the counterpart of `asJson`. Only for data the SDK itself wrote through `asJson`.
 */
export function fromJson<T>(value: JsonValue | undefined): T {
  return value as T;
}
