import { useEffect, useState } from 'react';
import { type ActorChoice, ApiProblem, api } from './api.js';
import type { Lang } from './i18n.js';

/** Loads a text resource (a letter) from the server. */
export function useText(path: string, actor: ActorChoice, lang: Lang) {
  const [state, setState] = useState<{ text?: string; error?: string }>({});
  useEffect(() => {
    let live = true;
    api<string>(path, { actor, lang, text: true })
      .then((text) => live && setState({ text }))
      .catch(
        (e: unknown) =>
          live && setState({ error: e instanceof ApiProblem ? (e.problem.messages?.[lang] ?? e.message) : String(e) }),
      );
    return () => {
      live = false;
    };
  }, [path, `${actor.role}:${actor.id}:${actor.unitId ?? ''}`, lang]);
  return state;
}
