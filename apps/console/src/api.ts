import type { Bilingual } from '@banli/schemas';
import type { Lang } from './i18n.js';

/** Who the console acts as: sent as the dev server's `X-Banli-Actor: role:id[:unitId]`. */
export interface ActorChoice {
  role: string;
  id: string;
  unitId?: string;
}

/** A problem+json answer of the server (RFC 9457), with both languages' messages. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: {
      code?: string;
      detail?: string;
      messages?: Bilingual;
      issues?: { path?: (string | number)[]; messages?: Bilingual; message?: string }[];
    },
  ) {
    super(problem.detail ?? `HTTP ${status}`);
  }
}

/** The actor header value. */
export function actorHeader(actor: ActorChoice): string {
  return [actor.role, actor.id, ...(actor.unitId ? [actor.unitId] : [])].join(':');
}

/** Calls the server: JSON in and out, the actor and language as headers; a problem is thrown as `ApiProblem`. */
export async function api<T>(
  path: string,
  options: { actor: ActorChoice; lang: Lang; method?: string; body?: unknown; text?: boolean },
): Promise<T> {
  const headers: Record<string, string> = {
    'x-banli-actor': actorHeader(options.actor),
    'accept-language': options.lang,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({ detail: res.statusText }));
    throw new ApiProblem(res.status, problem);
  }
  return (options.text ? await res.text() : await res.json()) as T;
}
