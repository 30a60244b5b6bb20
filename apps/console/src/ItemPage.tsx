import { useState } from 'react';
import { ActPanel } from './ActPanel.js';
import type { ActorChoice } from './api.js';
import { DeadlineCalendar, type DeadlineItem } from './DeadlineCalendar.js';
import { type Lang, messages } from './i18n.js';
import { Letter } from './Letter.js';
import { StateCharts } from './StateCharts.js';
import { TransitionsView } from './TransitionsView.js';
import { useApi } from './useApi.js';

/** A proposal as `GET /v1/proposals/{id}` gives it. */
export interface ProposalView {
  id: string;
  version: number;
  state: { proposal: unknown; cases: Record<string, unknown> };
  tags: string[];
  cases: { caseId: string; unitId: string; role: string; letter?: unknown }[];
  facts: { title?: string; kind?: string };
}

/** One logged event as `GET /v1/proposals/{id}/history` gives it. */
export interface HistoryEntry {
  version: number;
  type: string;
  event?: { at?: string; caseId?: string };
  actor?: { role: string; id: string; unitId?: string };
  stateAfter?: { proposal?: unknown; cases?: Record<string, unknown> };
}

/** One item: timeline, state charts, deadlines on a calendar, the letter, acting on it, and its live transitions. */
export function ItemPage({ id, lang, actor }: { id: string; lang: Lang; actor: ActorChoice }) {
  const t = messages[lang];
  const [reload, setReload] = useState(0);
  const path = `/v1/proposals/${encodeURIComponent(id)}`;
  const view = useApi<ProposalView>(path, actor, lang, reload);
  const history = useApi<{ items: HistoryEntry[] }>(`${path}/history`, actor, lang, reload);
  const deadlines = useApi<{ items: DeadlineItem[] }>(`${path}/deadlines`, actor, lang, reload);
  if (view.error) return <p role="alert">{view.error}</p>;
  if (!view.data) return <p>{t.loading}</p>;
  const v = view.data;
  return (
    <article aria-labelledby="item-h">
      <p>
        <a href="#/">{t.back}</a>
      </p>
      <h2 id="item-h">
        {v.facts.title ?? v.id} <small>({v.id})</small>
      </h2>
      <p>
        {t.version}: <span data-testid="version">{v.version}</span> · {t.state}:{' '}
        <code data-testid="proposal-state">{JSON.stringify(v.state.proposal)}</code>
      </p>
      <ActPanel id={id} lang={lang} actor={actor} version={v.version} onSent={() => setReload((n) => n + 1)} />
      <section aria-labelledby="timeline-h">
        <h3 id="timeline-h">{t.timeline}</h3>
        <ol data-testid="timeline">
          {(history.data?.items ?? []).map((e) => (
            <li key={e.version}>
              <time>{e.event?.at ?? ''}</time> <code>{e.type}</code>
              {e.actor ? ` — ${e.actor.role}:${e.actor.id}${e.actor.unitId ? `@${e.actor.unitId}` : ''}` : ''}
              {e.event?.caseId ? ` (${e.event.caseId})` : ''}
            </li>
          ))}
        </ol>
      </section>
      <StateCharts lang={lang} actor={actor} view={v} history={history.data?.items ?? []} />
      <DeadlineCalendar lang={lang} actor={actor} deadlines={deadlines.data?.items ?? []} />
      <section aria-labelledby="letter-h">
        <h3 id="letter-h">{t.letter}</h3>
        {v.cases.filter((c) => c.letter).length === 0 ? (
          <p>{t.noLetter}</p>
        ) : (
          v.cases
            .filter((c) => c.letter)
            .map((c) => <Letter key={c.caseId} id={id} caseId={c.caseId} lang={lang} actor={actor} />)
        )}
      </section>
      <TransitionsView id={id} lang={lang} actor={actor} />
    </article>
  );
}
