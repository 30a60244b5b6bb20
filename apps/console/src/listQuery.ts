/** The item list's filters as the form holds them. */
export interface ListFilters {
  state: string;
  unitId: string;
  overdue: boolean;
  provisional: boolean;
  /** `proposal`, `suggestion`, or `''` for any. */
  kind: string;
}

/**
 * The query string of `GET /v1/proposals` for one page: every filter is sent to the server (the kind too), so it
 * applies to the whole result and each page is full, not a page filtered after it was fetched.
 */
export function listQuery(filters: ListFilters, limit: number, after?: string): URLSearchParams {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.state) params.set('state', filters.state);
  if (filters.unitId) params.set('unitId', filters.unitId);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.provisional) params.set('tag', 'provisional');
  if (filters.kind) params.set('kind', filters.kind);
  if (after) params.set('after', after);
  return params;
}
