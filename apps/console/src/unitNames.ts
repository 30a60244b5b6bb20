import { useMemo } from 'react';
import type { ActorChoice } from './api.js';
import type { Lang } from './i18n.js';
import { useApi } from './useApi.js';

/** A unit's names as the server gives them (`GET /v1/units`, its `UnitName` schema). */
export interface UnitName {
  id: string;
  name: string;
  shortName?: string;
  label?: Record<Lang, string>;
}

/** The `GET /v1/units` address for these ids (each once, sorted, so equal sets share a request); none: no request. */
export function unitNamesPath(ids: readonly string[]): string | undefined {
  const unique = [...new Set(ids.filter((id) => id !== ''))].sort();
  return unique.length === 0 ? undefined : `/v1/units?ids=${unique.map(encodeURIComponent).join(',')}`;
}

/** A unit's name in the console's language (its label, else its full name); its id while the name is unknown. */
export function unitDisplayName(id: string, units: ReadonlyMap<string, UnitName>, lang: Lang): string {
  const unit = units.get(id);
  return unit ? (unit.label?.[lang] ?? unit.name) : id;
}

/** The names of these units, by id, loaded from the server (empty until they arrive, or if the request fails). */
export function useUnitNames(ids: readonly string[], actor: ActorChoice, lang: Lang): ReadonlyMap<string, UnitName> {
  const { data } = useApi<{ items: UnitName[] }>(unitNamesPath(ids), actor, lang);
  return useMemo(() => new Map((data?.items ?? []).map((u) => [u.id, u])), [data]);
}
