import { useEffect, useState } from 'react';
import { type ActorChoice, actorHeader } from './api.js';
import { type Lang, messages } from './i18n.js';
import { describeTransition, parseSse, type StreamTransition } from './sse.js';

interface Entry {
  version: number;
  type: string;
  at?: string;
  actor?: { role: string; id: string; unitId?: string };
  transitions: StreamTransition[] | null;
}

/**
 * The developer view: each event of the item with the transitions the engine reported for it, live from the
 * server's `GET /v1/proposals/{id}/transitions` stream (read with `fetch`, so the actor header goes along; no
 * inspector, nothing outside this machine).
 */
export function TransitionsView({ id, lang, actor }: { id: string; lang: Lang; actor: ActorChoice }) {
  const t = messages[lang];
  const [entries, setEntries] = useState<Entry[]>([]);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string>();
  const header = actorHeader(actor);
  useEffect(() => {
    const abort = new AbortController();
    let last = 0;
    setEntries([]);
    const run = async () => {
      const res = await fetch(`/v1/proposals/${encodeURIComponent(id)}/transitions`, {
        headers: { 'x-banli-actor': header, accept: 'text/event-stream', 'accept-language': lang },
        signal: abort.signal,
      });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      setConnected(true);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseSse(buffer + value);
        buffer = parsed.rest;
        const fresh = parsed.messages
          .filter((m) => m.event === 'entry')
          .map((m) => JSON.parse(m.data) as Entry)
          .filter((e) => e.version > last);
        if (fresh.length === 0) continue;
        last = fresh.at(-1)?.version ?? last;
        setEntries((old) => [...old, ...fresh]);
      }
    };
    run().catch((e: unknown) => {
      if (!abort.signal.aborted) setError(String(e));
    });
    return () => abort.abort();
  }, [id, header, lang]);
  return (
    <section aria-labelledby="dev-h">
      <h3 id="dev-h">{t.developer}</h3>
      <p aria-live="polite">{error ?? (connected ? t.devConnected : t.devWaiting)}</p>
      <ol data-testid="transitions" className="transitions">
        {entries.map((e) => (
          <li key={e.version} data-version={e.version} data-type={e.type}>
            <strong>
              v{e.version} <code>{e.type}</code>
            </strong>
            {e.at ? ` ${e.at}` : ''}
            {e.actor ? ` — ${e.actor.role}:${e.actor.id}` : ''}
            {e.transitions === null ? (
              <span> {t.devUnknown}</span>
            ) : e.transitions.length === 0 ? (
              <span> {t.devNone}</span>
            ) : (
              <ul>
                {e.transitions.map((x, i) => (
                  <li key={i} data-machine={x.machine}>
                    <code>{describeTransition(x)}</code>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
