/**
 * The answers a transition selection has had from its guards. Within one selection (one event on one snapshot) a
 * guard asked again — the same implementation with the same params, on the same context and event — takes its first
 * answer instead of being run again: a state that offers several transitions guarded by the same check (banli's 拟稿
 * asks `isCompleteDraft` of one draft on two transitions) runs it once. Guards are pure functions of their context,
 * event and params (docs/extending.md), so the answer is the one a second run would give; a new selection starts
 * empty, so an action between two selections (even one that mutates the context in place) is always seen.
 * Unstable (part of `@banli/core/internal`), not covered by semver.
 */

/** What `GuardMemo.answer` gives when nothing is recorded (a guard may answer `undefined`). */
export const UNANSWERED: unique symbol = Symbol('unanswered');

/** Whether two params are the same for a guard: identical, or plain objects (or arrays) with identical values. */
function sameParams(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
  }
  if (!isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (!Object.hasOwn(b, k) || !Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) {
      return false;
    }
  }
  return true;
}

function isPlain(o: object): boolean {
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}

/**
 * The guard answers of one selection at a time: `open` starts a selection on a context and an event, `close` ends it
 * and lets go of what it held. Asked about another context or event than the open selection's (or with none open), it
 * records and recalls nothing. One memo serves its selection site for the machine's lifetime (no allocation per
 * selection once its entries have grown).
 */
export class GuardMemo {
  private context: unknown;
  private event: unknown;
  private active = false;
  /** Implementation, params and answer of each recorded guard, flat. */
  private readonly entries: unknown[] = [];
  private size = 0;

  /** Starts a selection on `context` and `event`, forgetting every earlier answer. */
  open(context: unknown, event: unknown): void {
    this.close();
    this.context = context;
    this.event = event;
    this.active = true;
  }

  /** Ends the selection: forgets its answers and lets go of its context, event and params. */
  close(): void {
    for (let i = 0; i < this.size * 3; i++) this.entries[i] = undefined;
    this.size = 0;
    this.context = undefined;
    this.event = undefined;
    this.active = false;
  }

  /** The first answer of `implementation` with `params` in the open selection, or `UNANSWERED`. */
  answer(context: unknown, event: unknown, implementation: unknown, params: unknown): unknown {
    if (!this.active || context !== this.context || event !== this.event) return UNANSWERED;
    const { entries } = this;
    for (let i = 0; i < this.size * 3; i += 3) {
      if (entries[i] === implementation && sameParams(entries[i + 1], params)) return entries[i + 2];
    }
    return UNANSWERED;
  }

  /** Records the answer of `implementation` with `params` in the open selection. */
  record(context: unknown, event: unknown, implementation: unknown, params: unknown, answer: unknown): void {
    if (!this.active || context !== this.context || event !== this.event) return;
    const at = this.size * 3;
    this.entries[at] = implementation;
    this.entries[at + 1] = params;
    this.entries[at + 2] = answer;
    this.size++;
  }
}
