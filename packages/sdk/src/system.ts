import type { CaseSummary, Deadline, HandlingState, HandlingSummary, HandlingSystem, Notification } from '@banli/core';

// The SDK drives @banli/core's coordinator through core's own types (docs/architecture.md, "The two machines and the
// coordinator"); the names below are the part it uses, and deprecated aliases of core's names.

/**
 * The part of @banli/core's `HandlingSystem` the SDK drives: start, can, send, deadlines and summary, and `begin`
 * when there (without it, a creation entry logs its transitions as unknown; so does a `send` result without them),
 * and `stats` when there (`Banli.stats()` reads the engine and its fallbacks from it).
 */
export type HandlingSystemLike = Pick<HandlingSystem, 'start' | 'can' | 'send' | 'deadlines' | 'summary'> &
  Partial<Pick<HandlingSystem, 'begin' | 'stats'>>;

/** @deprecated Use `HandlingState` from `@banli/core`. */
export type HandlingStateLike = HandlingState;
/** @deprecated Use `Deadline` from `@banli/core`. */
export type SystemDeadline = Deadline;
/** @deprecated Use `Notification` from `@banli/core`. */
export type SystemNotification = Notification;
/** @deprecated Use `CaseSummary` from `@banli/core`. */
export type SystemCaseSummary = CaseSummary;
/** @deprecated Use `HandlingSummary` from `@banli/core`. */
export type SystemSummary = HandlingSummary;
