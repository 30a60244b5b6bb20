import type { Banli, StoredEvent } from '@banli/sdk';

/** One log entry as the transitions stream sends it: the event, who sent it, and the transitions it took. */
export interface TransitionsEntry {
  /** The stream version the event wrote (the SSE `id`: pass it as `Last-Event-ID` or `after` to resume). */
  version: number;
  /** The event type, e.g. `review.start`. */
  type: string;
  /** The event's business date, when it has one. */
  at?: string;
  /** Who sent it. */
  actor: StoredEvent['actor'];
  /**
   * The transitions the engine reported for this event, in order (machine, case, source state node, event
   * descriptor, targets); `[]` when none ran, `null` when the entry was written before transitions were logged.
   */
  transitions: StoredEvent['transitions'] | null;
}

/** Options of `transitionsResponse`. */
export interface TransitionsStreamOptions {
  /** Milliseconds between reads of the log. @defaultValue 500 */
  pollMs?: number;
  /** Milliseconds between keep-alive comments. @defaultValue 15000 */
  heartbeatMs?: number;
}

/** A log entry as the stream sends it. */
export function transitionsEntry(e: StoredEvent): TransitionsEntry {
  const at = (e.event as { at?: unknown }).at;
  return {
    version: e.version,
    type: e.type,
    ...(typeof at === 'string' ? { at } : {}),
    actor: e.actor,
    transitions: e.transitions ?? null,
  };
}

/**
 * A `text/event-stream` of one proposal's log as it grows: every entry after version `after` (`event: entry`,
 * `id:` its version, `data:` a {@link TransitionsEntry}), then each new one as it is appended by any process on the
 * store (the log is read every `pollMs`), until the client goes away. A developer's view of what the engine did: no
 * inspector, nothing leaves the server.
 */
export function transitionsResponse(
  banli: Pick<Banli, 'history'>,
  id: string,
  signal: AbortSignal,
  after: number,
  options: TransitionsStreamOptions = {},
): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = after;
      let closed = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const poll = async () => {
        if (closed) return;
        try {
          for (const e of await banli.history(id)) {
            if (e.version <= last) continue;
            last = e.version;
            send(`event: entry\nid: ${e.version}\ndata: ${JSON.stringify(transitionsEntry(e))}\n\n`);
          }
        } catch (error) {
          send(`event: error\ndata: ${JSON.stringify({ message: String(error) })}\n\n`);
        }
        if (!closed) timer = setTimeout(poll, options.pollMs ?? 500);
      };
      send(': banli transitions\nretry: 3000\n\n');
      const beat = setInterval(() => send(': keep-alive\n\n'), options.heartbeatMs ?? 15_000);
      beat.unref?.();
      stop = () => {
        closed = true;
        clearInterval(beat);
        if (timer) clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // already closed
        }
        stop = () => {};
      };
      signal.addEventListener('abort', () => stop(), { once: true });
      void poll();
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  });
}
