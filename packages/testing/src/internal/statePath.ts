/** The dotted path of a machine value's main (`lifecycle`) region, e.g. `replied.awaitingFeedback`. */
export function mainPath(value: unknown): string {
  const main =
    value && typeof value === 'object' && 'lifecycle' in value ? (value as { lifecycle: unknown }).lifecycle : value;
  return dotted(main);
}

function dotted(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const [key, child] = Object.entries(value as Record<string, unknown>)[0] ?? [];
  if (key === undefined) return '';
  const rest = dotted(child);
  return rest ? `${key}.${rest}` : key;
}

/** Whether a dotted state path is the expected one or inside it. */
export function pathMatches(actual: string, expected: string): boolean {
  return actual === expected || actual.startsWith(`${expected}.`);
}
