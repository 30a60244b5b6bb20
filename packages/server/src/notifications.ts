import { type Banli, type BanliNotification, ValidationError } from '@banli/sdk';

/**
 * Where the SSE endpoint reads notifications from. `outboxFeed(banli)` (what `startServer` uses) follows the store's
 * outbox, so a client sees the notifications of every process on the store and resumes after `Last-Event-ID`; a
 * `Banli` instance itself is also a feed (its in-process `subscribe`: only this process's commands and ticks).
 */
export interface NotificationFeed {
  subscribe(
    listener: (n: BanliNotification) => void,
    types?: readonly string[],
    options?: { after?: string },
  ): () => void;
}

/**
 * A feed over the SDK's outbox (`banli.outbox.subscribe`): notifications from every process sharing the store, each
 * with its outbox position as the SSE `id`, resuming after a client's `Last-Event-ID` (one that is not an outbox
 * position starts from now).
 */
export function outboxFeed(banli: Pick<Banli, 'outbox'>, options: { pollMs?: number } = {}): NotificationFeed {
  return {
    subscribe(listener, types, o = {}) {
      const base = { ...(types ? { types } : {}), ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }) };
      try {
        return banli.outbox.subscribe(listener, o.after === undefined ? base : { ...base, after: o.after });
      } catch (error) {
        if (!(error instanceof ValidationError) || o.after === undefined) throw error;
        return banli.outbox.subscribe(listener, base);
      }
    },
  };
}

/** Options of `sseResponse`. */
export interface SseOptions {
  /** Milliseconds between keep-alive comments. @defaultValue 15000 */
  heartbeatMs?: number;
}

/**
 * A `text/event-stream` response that forwards notifications as they come (`event:` the type, `id:` the
 * notification's outbox position, or its stable key for an in-process feed, `data:` the notification as JSON, whose
 * `key` is stable) until the client goes away; `lastEventId` is passed to the feed to resume after it.
 */
export function sseResponse(
  feed: NotificationFeed,
  signal: AbortSignal,
  types?: readonly string[],
  lastEventId?: string,
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
          send(`event: ${n.type}\nid: ${n.position ?? n.key}\ndata: ${JSON.stringify(n)}\n\n`);
        },
        types && types.length > 0 ? types : undefined,
        lastEventId === undefined ? {} : { after: lastEventId },
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
