import { useEffect, useState } from 'react';
import { AdminPage } from './AdminPage.js';
import type { ActorChoice } from './api.js';
import { ItemList } from './ItemList.js';
import { ItemPage } from './ItemPage.js';
import { type Lang, messages } from './i18n.js';
import { roleOptions } from './roleOptions.js';
import { SimulationPage } from './SimulationPage.js';
import { StatisticsPage } from './StatisticsPage.js';
import { SubmitPage } from './SubmitPage.js';

type Route =
  | { page: 'list' }
  | { page: 'item'; id: string }
  | { page: 'simulation' }
  | { page: 'statistics' }
  | { page: 'submit' }
  | { page: 'admin' };

function routeOf(hash: string): Route {
  const item = /^#\/items\/(.+)$/.exec(hash);
  if (item?.[1]) return { page: 'item', id: decodeURIComponent(item[1]) };
  if (hash === '#/simulation') return { page: 'simulation' };
  if (hash === '#/statistics') return { page: 'statistics' };
  if (hash === '#/submit') return { page: 'submit' };
  if (hash === '#/admin') return { page: 'admin' };
  return { page: 'list' };
}

/** The console: a header (language, who to act as, pages) and the page the address names. */
export function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('banli.lang') as Lang | null) ?? 'zh-CN');
  const [actor, setActor] = useState<ActorChoice>({ role: 'committee', id: 'cppcc-office' });
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  const t = messages[lang];
  useEffect(() => {
    const on = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.title;
    localStorage.setItem('banli.lang', lang);
  }, [lang, t.title]);
  return (
    <>
      <a className="skip" href="#main">
        {t.skip}
      </a>
      <header>
        <h1>{t.title}</h1>
        <nav aria-label={t.title}>
          <a href="#/">{t.items}</a> · <a href="#/submit">{t.submit}</a> · <a href="#/statistics">{t.statistics}</a> ·{' '}
          <a href="#/simulation">{t.simulation}</a> · <a href="#/admin">{t.admin}</a>
        </nav>
        <label>
          {t.language}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <fieldset className="actor">
          <legend>{t.actAs}</legend>
          <label>
            {t.role}{' '}
            <select name="role" value={actor.role} onChange={(e) => setActor({ ...actor, role: e.target.value })}>
              {roleOptions(lang).map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.actorId}{' '}
            <input name="actorId" value={actor.id} onChange={(e) => setActor({ ...actor, id: e.target.value })} />
          </label>
          <label>
            {t.unitId}{' '}
            <input
              name="unitId"
              value={actor.unitId ?? ''}
              onChange={(e) => {
                const { unitId: _old, ...rest } = actor;
                setActor(e.target.value ? { ...rest, unitId: e.target.value } : rest);
              }}
            />
          </label>
        </fieldset>
      </header>
      <main id="main">
        {route.page === 'list' && <ItemList lang={lang} actor={actor} />}
        {route.page === 'item' && <ItemPage key={route.id} id={route.id} lang={lang} actor={actor} />}
        {route.page === 'simulation' && <SimulationPage lang={lang} actor={actor} />}
        {route.page === 'statistics' && <StatisticsPage lang={lang} actor={actor} />}
        {route.page === 'submit' && <SubmitPage lang={lang} actor={actor} />}
        {route.page === 'admin' && <AdminPage lang={lang} actor={actor} />}
      </main>
    </>
  );
}
