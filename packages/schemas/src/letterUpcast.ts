type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One response in the shape before issue 15: `suggestionId` (one point) became `suggestionIds`. */
function upcastResponse(r: unknown): unknown {
  if (!isObject(r) || !('suggestionId' in r)) return r;
  const { suggestionId, ...rest } = r;
  return { ...rest, suggestionIds: [suggestionId] };
}

/**
 * Rewrites a reply letter stored before the issue-15 renames (docs/extending.md, "Reply letters as printed") into the
 * current {@link ReplyLetter} shape, so stored `reply.submitDraft` / `followUp.reply` events replay:
 * `contact` → `contacts: [contact]`, `signer` → `signatories: [{ role: 'signer', label: '签发人', name }]`,
 * `printedBy`/`printDate` → `imprint`, `copyTo: [...]` → `copyTo: { recipients }` (dropped when empty), a string
 * `classMark` → `{ text }`, a response's `suggestionId` → `suggestionIds: [id]`. A letter already in the current
 * shape is returned as is (the same object), so the upcast is safe to apply to every stored letter.
 *
 * @example
 * ```ts
 * upcastReplyLetter({ signer: '张三', contact: { person: '李四', phone: '89892335' } });
 * // { signatories: [{ role: 'signer', label: '签发人', name: '张三' }], contacts: [{ person: '李四', phone: '89892335' }] }
 * ```
 */
export function upcastReplyLetter(letter: unknown): unknown {
  if (!isObject(letter)) return letter;
  const responses = Array.isArray(letter.responses) ? letter.responses : undefined;
  const oldResponses = responses?.some((r) => isObject(r) && 'suggestionId' in r) ?? false;
  const old =
    'contact' in letter ||
    'signer' in letter ||
    'printedBy' in letter ||
    'printDate' in letter ||
    Array.isArray(letter.copyTo) ||
    typeof letter.classMark === 'string' ||
    oldResponses;
  if (!old) return letter;
  const { contact, signer, printedBy, printDate, copyTo, classMark, ...rest } = letter;
  const next: Json = { ...rest };
  if (oldResponses && responses) next.responses = responses.map(upcastResponse);
  if (classMark !== undefined) next.classMark = typeof classMark === 'string' ? { text: classMark } : classMark;
  if (copyTo !== undefined) {
    if (!Array.isArray(copyTo)) next.copyTo = copyTo;
    else if (copyTo.length > 0) next.copyTo = { recipients: copyTo };
  }
  if (contact !== undefined && next.contacts === undefined) next.contacts = [contact];
  if (typeof signer === 'string' && next.signatories === undefined)
    next.signatories = [{ role: 'signer', label: '签发人', name: signer }];
  if (printedBy !== undefined && next.imprint === undefined)
    next.imprint = printDate === undefined ? { printedBy } : { printedBy, printDate };
  return next;
}

/** Event types that carry a reply letter in `letter`. */
const LETTER_EVENTS: readonly string[] = ['reply.submitDraft', 'followUp.reply'];

/**
 * Upcasts a stored event: a `reply.submitDraft` or `followUp.reply` whose letter has the shape before issue 15 gets
 * the current shape ({@link upcastReplyLetter}); any other event is returned as is (the same object).
 *
 * @example
 * ```ts
 * upcastLetterEvent({ type: 'reply.submitDraft', at: '2023-06-20', caseId: 'c', letter: oldLetter }).letter.contacts;
 * ```
 */
export function upcastLetterEvent<E extends { type: string }>(event: E): E {
  if (!LETTER_EVENTS.includes(event.type)) return event;
  const letter = (event as unknown as Json).letter;
  const next = upcastReplyLetter(letter);
  return next === letter ? event : ({ ...event, letter: next } as E);
}
