import type { BanliEvent } from '@banli/schemas';
import { cloneData } from '../json.js';
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
 * runs) but still takes its own copy of it, as parsing gives it one (the log and the cache never alias the caller's
 * input), so the switch leaves out validation and nothing else; with `skipAuthorization` any actor may send any
 * command.
 */
export interface Measurement {
  skipValidation?: boolean;
  skipAuthorization?: boolean;
  /**
   * Runs in place of the hand-written parser of the events that carry letters (`fastLetterEventParser`), where the
   * command parses them: its answer is taken as the parsed event and as within the size limits (`undefined` leaves the
   * event to the usual way). The benchmarks measure the floor of a letter's validation in place with it (a plain copy
   * of the event, and the copy reading every string's text rules; issue 15).
   */
  letterParse?: (event: unknown) => unknown;
  /**
   * Called once, when the instance is built, with the boundary's validation of each kind of input, for the benchmarks
   * to run outside the commands they time: the SDK without validation then runs validation's code as often as the
   * rest of a command's, as a process running one SDK does (a diagnostic row of apps/bench, issue 19).
   */
  exposeBoundary?: (validation: BoundaryValidation) => void;
}

/** The boundary's validation of `submit`'s proposal and `send`'s event, as a command runs it (measurement only). */
export interface BoundaryValidation {
  /** The proposal parsed, as `submit` parses it; throws its refusal. */
  proposal(input: unknown): unknown;
  /** The event parsed, as `send` parses it: the parsed event, or the schema's issues (a walk's problem throws). */
  event(input: unknown): unknown;
}

/** The measurement switches set on `options`, if any. */
export function measurementOf(options: object): Measurement | undefined {
  const m = (options as { [MEASUREMENT_KEY]?: Measurement })[MEASUREMENT_KEY];
  const set =
    m &&
    (m.skipValidation === true ||
      m.skipAuthorization === true ||
      typeof m.letterParse === 'function' ||
      typeof m.exposeBoundary === 'function');
  return set ? { ...m } : undefined;
}

/** `parseEvent`, unless the measurement switches skip validation (then a copy of the input is taken as parsed). */
export function eventOf(m: Measurement | undefined, input: unknown, state?: unknown): BanliEvent {
  return m?.skipValidation ? unparsed<BanliEvent>(input) : parseEvent(input, state);
}

/**
 * Under `skipValidation`: the input taken as parsed, in a copy of its own. Parsing builds the command's own copy of its
 * input; without this copy the switch would leave that out too and count it as validation (issue 19).
 */
export function unparsed<T>(input: unknown): T {
  return cloneData(input) as T;
}
