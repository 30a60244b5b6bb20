/**
 * Size limits on what a command may carry, as policy data: pass your own with `createBanli({ limits })`; any field
 * you leave out keeps its default. They keep one oversized field from being copied into every later snapshot and
 * event, and every store (memory, PGlite, PostgreSQL) refuses the same inputs with the same `ValidationError`.
 */
export interface SizeLimits {
  /** Characters in an id: the id argument of a call, an actor's id and unit id, and every `id` or `…Id` field. @defaultValue 128 */
  idLength: number;
  /** Characters in an idempotency key. @defaultValue 256 */
  idempotencyKeyLength: number;
  /** Characters in any one text field. @defaultValue 65 536 (64 K) */
  textLength: number;
  /**
   * Characters of text (keys and values) in one reply letter: the `letter` of `reply.submitDraft` and `followUp.reply`
   * (any event's top-level `letter`). A larger letter is refused with the issue code `letter_too_large`, whose zh-CN
   * and en messages name this limit. @defaultValue 524 288 (512 K)
   */
  letterLength: number;
  /** Characters of text (keys and values) in one command's whole payload, letter included. @defaultValue 1 048 576 (1 M) */
  payloadLength: number;
  /**
   * Events in one proposal's stream. Commands on a full stream are refused (`stream_full`), and nothing else writes
   * past it either: `tick` leaves a due deadline of a full stream unfired (reported in `TickReport.full`), a calendar
   * correction leaves its deadlines as they are (reported in `RecomputeReport.full`), and `migrate` leaves the stream
   * on its version (status `full` in its report). @defaultValue 10 000
   */
  streamEvents: number;
  /** Nesting depth of a payload (objects and lists). @defaultValue 32 */
  depth: number;
}

/** The default {@link SizeLimits}. */
export const DEFAULT_LIMITS: Readonly<SizeLimits> = Object.freeze({
  idLength: 128,
  idempotencyKeyLength: 256,
  textLength: 64 * 1024,
  letterLength: 512 * 1024,
  payloadLength: 1024 * 1024,
  streamEvents: 10_000,
  depth: 32,
});
