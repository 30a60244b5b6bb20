/** One segment of the class-mix bar: a class, its count, its share and where it is drawn. */
export interface ClassSegment {
  /** The class mark, e.g. `A`. */
  mark: string;
  count: number;
  /** count ÷ all replies with a class, 0–1. */
  share: number;
  /** Left edge and width, in the bar's units (0 … `width`). */
  x: number;
  width: number;
}

/**
 * The class mix (first-reply classes, e.g. `{ A: 12, B: 3 }`) as the segments of one stacked bar `width` wide, in
 * mark order (A, B, C, D, then any other mark); classes with no reply are left out.
 */
export function classSegments(classes: Record<string, number>, width: number): ClassSegment[] {
  const marks = Object.keys(classes)
    .filter((m) => (classes[m] ?? 0) > 0)
    .sort();
  const total = marks.reduce((n, m) => n + (classes[m] ?? 0), 0);
  let x = 0;
  return marks.map((mark) => {
    const count = classes[mark] ?? 0;
    const share = count / total;
    const segment = { mark, count, share, x, width: share * width };
    x += segment.width;
    return segment;
  });
}

/** A rate (0–1, or null when nothing is decided) as a percentage with one decimal, or `—`. */
export function percent(rate: number | null | undefined): string {
  return typeof rate === 'number' ? `${(rate * 100).toFixed(1)}%` : '—';
}

/** The length of a rate's bar, `width` at 100%; nothing decided draws no bar. */
export function barLength(rate: number | null | undefined, width: number): number {
  return typeof rate === 'number' ? Math.max(0, Math.min(1, rate)) * width : 0;
}

/** The statistics period of a calendar year, as `GET /v1/statistics?year=` reads it. */
export function yearQuery(year: number): string {
  return `/v1/statistics?year=${encodeURIComponent(String(year))}`;
}
