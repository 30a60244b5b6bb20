import { copyIdRecord } from '@banli/core/internal';
import { upcastLetterEvent, upcastReplyLetter } from '@banli/schemas';
import type { JsonObject } from '../json.js';
import type { StoredEvent } from '../store/port.js';

/**
 * A log entry as the current code reads it: a `reply.submitDraft` or `followUp.reply` stored with a letter in the
 * shape before issue 15 (`contact`, `signer`, `printedBy`/`printDate`, `copyTo: []`, `suggestionId`) gets the current
 * shape (see `upcastLetterEvent` in @banli/schemas); every other entry is returned as is. The store keeps what was
 * written: the upcast happens on every read (replay and `history`), never as a rewrite.
 */
export function upcastEntry(entry: StoredEvent): StoredEvent {
  const event = upcastLetterEvent(entry.event as JsonObject & { type: string });
  return event === entry.event ? entry : { ...entry, event };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A case context with its letters read in the current shape; the same object when none was old. */
function upcastCaseContext(ctx: Json): Json {
  let next: Json | undefined;
  const set = (key: string, value: unknown) => {
    next ??= { ...ctx };
    next[key] = value;
  };
  if (ctx.draft !== undefined) {
    const draft = upcastReplyLetter(ctx.draft);
    if (draft !== ctx.draft) set('draft', draft);
  }
  if (Array.isArray(ctx.mergedDrafts)) {
    const drafts = ctx.mergedDrafts.map((d) => upcastReplyLetter(d));
    if (drafts.some((d, i) => d !== (ctx.mergedDrafts as unknown[])[i])) set('mergedDrafts', drafts);
  }
  if (Array.isArray(ctx.letters)) {
    const letters = ctx.letters.map((issued) => {
      if (!isObject(issued)) return issued;
      const letter = upcastReplyLetter(issued.letter);
      return letter === issued.letter ? issued : { ...issued, letter };
    });
    if (letters.some((l, i) => l !== (ctx.letters as unknown[])[i])) set('letters', letters);
  }
  return next ?? ctx;
}

/**
 * A snapshot's state as the current code reads it: every reply letter it embeds (each case's `draft`,
 * `mergedDrafts` and issued `letters`) in the shape before issue 15 gets the current shape (`upcastReplyLetter` in
 * @banli/schemas), like the stored events `upcastEntry` reads. Applied where snapshots are loaded, so nothing past
 * the load sees an old letter; the store keeps what was written, and the next snapshot is written in the current
 * shape. The same object when nothing was old (the usual case), so loading costs no copy.
 *
 * @example
 * ```ts
 * const state = upcastSnapshotState(loaded.snapshot.state); // letters with contacts, signatories, imprint
 * ```
 */
export function upcastSnapshotState(state: JsonObject): JsonObject {
  const handling = state.handling;
  if (!isObject(handling) || !isObject(handling.cases)) return state;
  let cases: Json | undefined;
  for (const [id, kase] of Object.entries(handling.cases)) {
    if (!isObject(kase) || !isObject(kase.context)) continue;
    const context = upcastCaseContext(kase.context);
    if (context === kase.context) continue;
    cases ??= copyIdRecord(handling.cases);
    cases[id] = { ...kase, context };
  }
  return cases === undefined ? state : ({ ...state, handling: { ...handling, cases } } as JsonObject);
}
