/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median with min and max of a sample. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Summarises a sample. */
export function stat(values: readonly number[]): Stat {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/** Milliseconds elapsed since `t0` (from `process.hrtime.bigint()`). */
export function msSince(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** This process's CPU time so far (user + system, every thread), for `cpuMsSince`. */
export function cpuNow(): NodeJS.CpuUsage {
  return process.cpuUsage();
}

/**
 * CPU milliseconds this process spent since `t0` (from `cpuNow()`). In-process benchmarks divide by this rather than
 * by wall time, so other load on a shared machine (waiting for a core) does not enter their rates.
 */
export function cpuMsSince(t0: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** Runs a garbage collection when node runs with `--expose-gc`. */
export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Runs every variant once per round (rotating the order so none always goes first), after `warmups` rounds that are
 * dropped; returns each variant's per-round rates, index-aligned so ratios can be paired round by round.
 */
export async function interleave<K extends string, T = number>(
  variants: Record<K, () => Promise<T> | T>,
  rounds: number,
  warmups: number,
): Promise<Record<K, T[]>> {
  const keys = Object.keys(variants) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as T[]])) as Record<K, T[]>;
  for (let r = 0; r < warmups + rounds; r++) {
    const order = keys.map((_, i) => keys[(i + r) % keys.length] as K);
    const got = {} as Record<K, T>;
    for (const k of order) {
      gc();
      got[k] = await variants[k]();
    }
    if (r >= warmups) for (const k of keys) out[k].push(got[k]);
  }
  return out;
}

/** Ratios a[i] / b[i], paired run by run. */
export function paired(a: readonly number[], b: readonly number[]): number[] {
  return a.map((x, i) => x / (b[i] as number));
}

/** Formats a number with thousands separators and `digits` decimals. */
export function fmt(x: number, digits = 0): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Formats a stat as `median (min–max)`. */
export function fmtStat(s: Stat, digits = 0, unit = ''): string {
  return `${fmt(s.median, digits)}${unit} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
}
