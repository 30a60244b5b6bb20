import type { BanliEvent } from '@banli/schemas';
import { parseEvent } from './validate.js';

/**
 * The key of the measurement switches on `createBanli`'s options: `{ [Symbol.for('@banli/sdk.measurement')]: { … } }`.
 * Not part of `BanliOptions` and not covered by semver: the benchmarks (apps/bench) use it to measure, in place, what
 * validation and authorisation cost a command (issue 19). Never set it in an application.
 */
export const MEASUREMENT_KEY: unique symbol = Symbol.for('@banli/sdk.measurement');

/**
 * Parts of a command the benchmarks switch off to measure their share. For measurement only: with `skipValidation`
 * a command trusts its input as already parsed (invalid input is not refused: neither the payload walk nor the schema
 * runs), with `skipAuthorization` any actor may send any command.
 */
export interface Measurement {
  skipValidation?: boolean;
  skipAuthorization?: boolean;
}

/** The measurement switches set on `options`, if any. */
export function measurementOf(options: object): Measurement | undefined {
  const m = (options as { [MEASUREMENT_KEY]?: Measurement })[MEASUREMENT_KEY];
  return m && (m.skipValidation === true || m.skipAuthorization === true) ? { ...m } : undefined;
}

/** `parseEvent`, unless the measurement switches skip validation (then the input is taken as parsed). */
export function eventOf(m: Measurement | undefined, input: unknown, state?: unknown): BanliEvent {
  return m?.skipValidation ? (input as BanliEvent) : parseEvent(input, state);
}
