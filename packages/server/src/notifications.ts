import type { BanliNotification } from '@banli/sdk';

/**
 * Where the SSE endpoint reads notifications from: anything with the SDK's `subscribe` (a `Banli` instance is one).
 * With the SDK's in-process notifier, a client sees the notifications of the commands and ticks run by the server
 * process it is connected to.
 */
export interface NotificationFeed {
  subscribe(listener: (n: BanliNotification) => void, types?: readonly string[]): () => void;
}

/** Options of `sseResponse`. */
export interface SseOptions {
  /** Milliseconds between keep-alive comments. @defaultValue 15000 */
  heartbeatMs?: number;
}

/**
 * A `text/event-stream` response that forwards notifications as they come (`event:` the type, `id:` the
 * notification's stable key, `data:` the notification as JSON) until the client goes away.
 */
export function sseResponse(
  feed: NotificationFeed,
  signal: AbortSignal,
  types?: readonly string[],
  _lastEventId?: string,
  options: SseOptions = {},
): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send(': banli notifications\nretry: 3000\n\n');
      const unsubscribe = feed.subscribe(
        (n) => {
          send(`event: ${n.type}\nid: ${n.key}\ndata: ${JSON.stringify(n)}\n\n`);
        },
        types && types.length > 0 ? types : undefined,
      );
      const beat = setInterval(() => send(': keep-alive\n\n'), options.heartbeatMs ?? 15_000);
      beat.unref?.();
      cleanup = () => {
        clearInterval(beat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
        cleanup = () => {};
      };
      signal.addEventListener('abort', () => cleanup(), { once: true });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    },
  });
}
