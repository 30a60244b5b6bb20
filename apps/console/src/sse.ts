/** One server-sent event: its `event` name (`message` when none is given), `id` and `data` lines joined. */
export interface SseMessage {
  event: string;
  id?: string;
  data: string;
}

/**
 * Splits the text received so far into complete server-sent events and the unfinished rest (keep it and prepend it
 * to the next chunk). Comments (`: …`) and blocks with no data are skipped (WHATWG HTML §9.2 event stream format).
 */
export function parseSse(buffer: string): { messages: SseMessage[]; rest: string } {
  const text = buffer.replace(/\r\n?/g, '\n');
  const blocks = text.split('\n\n');
  const rest = blocks.pop() ?? '';
  const messages: SseMessage[] = [];
  for (const block of blocks) {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'event') event = value;
      else if (name === 'id') id = value;
      else if (name === 'data') data.push(value);
    }
    if (data.length > 0) messages.push({ event, ...(id === undefined ? {} : { id }), data: data.join('\n') });
  }
  return { messages, rest };
}

/** A transition as the server's transitions stream reports it (@banli/core `TakenTransition`). */
export interface StreamTransition {
  machine: 'proposal' | 'case';
  caseId?: string;
  source: string;
  eventType: string;
  targets: string[];
  event: string;
}

/** One line of the developer view: `machine[case]: source → targets (event)`; an eventless one says `always`. */
export function describeTransition(t: StreamTransition): string {
  const who = t.machine === 'case' && t.caseId ? `case ${t.caseId}` : t.machine;
  const to = t.targets.length > 0 ? t.targets.join(', ') : '(self)';
  return `${who}: ${t.source} → ${to} [${t.eventType === '' ? 'always' : t.eventType}]`;
}
