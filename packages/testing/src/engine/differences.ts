import diff from 'microdiff';

const MAX_VALUE = 160;

/** A value as one short line of JSON (`(absent)` when a side lacks it). */
function show(value: unknown, present: boolean): string {
  if (!present) return '(absent)';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/**
 * The differences between what xstate and the compiled engine decided for one step, one readable line each:
 * `context.deadlines.2.due: xstate "2023-04-06", compiled "2023-04-07"`. Empty when they agree. Paths come from
 * microdiff's structural diff (arrays compared element by element, so an extra action shows as `(absent)` on one side).
 */
export function describeDifferences(xstate: object, compiled: object): string[] {
  return diff(xstate as Record<string, unknown>, compiled as Record<string, unknown>).map((d) => {
    const path = d.path.join('.');
    const before = show(d.type === 'CREATE' ? undefined : d.oldValue, d.type !== 'CREATE');
    const after = show(d.type === 'REMOVE' ? undefined : d.value, d.type !== 'REMOVE');
    return `${path}: xstate ${before}, compiled ${after}`;
  });
}
