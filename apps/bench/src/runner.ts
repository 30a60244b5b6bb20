import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type Stat, stat } from './harness.js';

const exec = promisify(execFile);

/** The order of `keys` in round `round`: rotated by one per round, so no variant always runs first or last. */
export function rotated<K>(keys: readonly K[], round: number): K[] {
  const n = keys.length;
  if (n === 0) return [];
  const shift = ((round % n) + n) % n;
  return [...keys.slice(shift), ...keys.slice(0, shift)];
}

/**
 * Runs every variant once per round, in the order `rotated` gives for that round, for `rounds` rounds; returns each
 * variant's samples index-aligned by round, so ratios can be paired round by round. `run` is what one sample costs
 * (in the benchmarks: a fresh child process).
 */
export async function runRounds<K extends string, T>(
  keys: readonly K[],
  rounds: number,
  run: (key: K, round: number) => Promise<T>,
  onSample?: (key: K, round: number, sample: T) => void,
): Promise<Record<K, T[]>> {
  const out = Object.fromEntries(keys.map((k) => [k, [] as T[]])) as Record<K, T[]>;
  for (let r = 0; r < rounds; r++) {
    for (const k of rotated(keys, r)) {
      const sample = await run(k, r);
      out[k][r] = sample;
      onSample?.(k, r, sample);
    }
  }
  return out;
}

/**
 * `f(a[i], b[i])` for every round both have, summarised as median (min–max): the median of paired ratios, not the
 * ratio of medians, so drift between rounds cancels.
 */
export function pairedStat(
  a: readonly number[],
  b: readonly number[],
  f: (x: number, y: number) => number = (x, y) => x / y,
): Stat {
  if (a.length !== b.length) throw new Error(`pairedStat: ${a.length} samples against ${b.length}`);
  if (a.length === 0) throw new Error('pairedStat: no samples');
  return stat(a.map((x, i) => f(x, b[i] as number)));
}

/** A part's share of a whole in percent, paired round by round: (whole − without the part) ÷ whole × 100. */
export function removedShare(whole: readonly number[], without: readonly number[]): Stat {
  return pairedStat(whole, without, (w, o) => ((w - o) / w) * 100);
}

/** How a child process is started. */
export interface ChildOptions {
  /** The script whose `cli` answers `--child=<kind>` (dist/main.js). */
  script: string;
  /** Node flags before the script. @defaultValue ['--expose-gc'] */
  nodeArgs?: string[];
}

/**
 * Runs one measurement in a fresh Node process: `node --expose-gc <script> --child=<kind> --params=<json>`; the
 * child prints its result as the last line of its output, as JSON.
 */
export async function runChild<T>(o: ChildOptions, kind: string, params: unknown): Promise<T> {
  const { stdout } = await exec(
    process.execPath,
    [...(o.nodeArgs ?? ['--expose-gc']), o.script, `--child=${kind}`, `--params=${JSON.stringify(params)}`],
    { maxBuffer: 16 << 20 },
  );
  const last = stdout.trim().split('\n').pop();
  if (!last) throw new Error(`bench child ${kind} printed nothing`);
  return JSON.parse(last) as T;
}

/** Parses the `--params=<json>` a child was given. */
export function childParams<T>(argv: readonly string[]): T {
  const arg = argv.find((a) => a.startsWith('--params='));
  if (!arg) throw new Error('bench child: --params missing');
  return JSON.parse(arg.slice('--params='.length)) as T;
}
