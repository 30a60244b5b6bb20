import { useEffect, useState } from 'react';
import { type ActorChoice, ApiProblem, api } from './api.js';
import type { Lang } from './i18n.js';

/** Loads `path` (again when it, the actor, the language or `reload` change). */
export function useApi<T>(path: string | undefined, actor: ActorChoice, lang: Lang, reload = 0) {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const key = `${actor.role}:${actor.id}:${actor.unitId ?? ''}`;
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(path, { actor, lang })
      .then((data) => live && setState({ data, loading: false }))
      .catch(
        (e: unknown) =>
          live &&
          setState({
            loading: false,
            error: e instanceof ApiProblem ? (e.problem.messages?.[lang] ?? e.message) : String(e),
          }),
      );
    return () => {
      live = false;
    };
  }, [path, key, lang, reload]);
  return state;
}
