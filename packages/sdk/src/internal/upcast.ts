import { upcastLetterEvent } from '@banli/schemas';
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
