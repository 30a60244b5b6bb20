import { useState } from 'react';
import type { ActorChoice } from './api.js';
import { fill, type Lang, messages } from './i18n.js';
import { type ListFilters, listQuery } from './listQuery.js';
import { unitDisplayName, useUnitNames } from './unitNames.js';
import { useApi } from './useApi.js';

interface Summary {
  streamId: string;
  version: number;
  state: string;
  tags: string[];
  unitIds: string[];
  facts: { title?: string; kind?: string };
}

const PAGE = 20;

/**
 * The item list: filters (state, unit, overdue, provisional deadline, kind; all applied by the server) and keyset pages;
 * each row's units by name in the chosen language (the unit filter still takes an id).
 */
export function ItemList({ lang, actor }: { lang: Lang; actor: ActorChoice }) {
  const t = messages[lang];
  const [draft, setDraft] = useState<ListFilters>({
    state: '',
    unitId: '',
    overdue: false,
    provisional: false,
    kind: '',
  });
  const [filters, setFilters] = useState(draft);
  const [cursors, setCursors] = useState<string[]>([]);
  const params = listQuery(filters, PAGE, cursors.at(-1));
  const { data, error, loading } = useApi<{ items: Summary[]; next: string | null }>(
    `/v1/proposals?${params}`,
    actor,
    lang,
  );
  // Every filter, the kind included, is applied by the server to the whole result, so pages stay full.
  const items = data?.items ?? [];
  // Units by name in the chosen language (`GET /v1/units`), one request for the page's units; the id until it arrives.
  const names = useUnitNames(
    items.flatMap((i) => i.unitIds),
    actor,
    lang,
  );
  return (
    <section aria-labelledby="items-h">
      <h2 id="items-h">{t.items}</h2>
      <form
        aria-label={t.filters}
        onSubmit={(e) => {
          e.preventDefault();
          setCursors([]);
          setFilters(draft);
        }}
      >
        <label>
          {t.state}{' '}
          <input name="state" value={draft.state} onChange={(e) => setDraft({ ...draft, state: e.target.value })} />
        </label>
        <label>
          {t.unit}{' '}
          <input name="unitId" value={draft.unitId} onChange={(e) => setDraft({ ...draft, unitId: e.target.value })} />
        </label>
        <label>
          {t.kind}{' '}
          <select name="kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
            <option value="">{t.any}</option>
            <option value="proposal">{t.kinds.proposal}</option>
            <option value="suggestion">{t.kinds.suggestion}</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            name="overdue"
            checked={draft.overdue}
            onChange={(e) => setDraft({ ...draft, overdue: e.target.checked })}
          />{' '}
          {t.overdue}
        </label>
        <label>
          <input
            type="checkbox"
            name="provisional"
            checked={draft.provisional}
            onChange={(e) => setDraft({ ...draft, provisional: e.target.checked })}
          />{' '}
          {t.provisional}
        </label>
        <button type="submit">{t.apply}</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {loading && !data ? (
        <p>{t.loading}</p>
      ) : items.length === 0 ? (
        <p>{t.noItems}</p>
      ) : (
        <table>
          <caption>{fill(t.page, { n: cursors.length + 1 })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.id}</th>
              <th scope="col">{t.itemTitle}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">{t.unit}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.streamId} data-testid="item-row">
                <td>
                  <a href={`#/items/${encodeURIComponent(i.streamId)}`}>{i.streamId}</a>
                </td>
                <td>{i.facts.title ?? ''}</td>
                <td>{i.facts.kind === 'suggestion' ? t.kinds.suggestion : t.kinds.proposal}</td>
                <td>{i.state}</td>
                <td data-testid="item-units" data-units={i.unitIds.join(' ')}>
                  {i.unitIds.map((id) => unitDisplayName(id, names, lang)).join(lang === 'zh-CN' ? '、' : ', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label={t.page.replace('{n}', '')} className="pager">
        <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t.previous}
        </button>
        <button type="button" disabled={!data?.next} onClick={() => data?.next && setCursors([...cursors, data.next])}>
          {t.next}
        </button>
      </nav>
    </section>
  );
}
