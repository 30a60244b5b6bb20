import type { ReplyLetter } from '../domain.js';

/**
 * Each response's adoption statement, in the letter's order, as the `reply.issued` notice lists them: a list of its
 * exact size. `map` sizes its result; `flatMap` (as before) grew one by `push`, 17 slots for a first entry, and the
 * notice is kept in the stream's log and the outbox for as long as the store keeps them (issue 19, scaling).
 */
export function adoptionsOf(letter: ReplyLetter | undefined): string[] {
  return (letter?.responses ?? []).filter((r) => r.adoption).map((r) => r.adoption as string);
}
