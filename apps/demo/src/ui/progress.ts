/** A one-line progress bar on a TTY stream; a no-op elsewhere so pipes and tests get clean output. */
export interface ProgressBar {
  /**
   * Shows the commands run out of those planned so far; `submitted`/`total` proposals extrapolate the plan of the
   * proposals not yet submitted, so the bar is full only when the run is.
   */
  update(done: number, planned: number, label: string, submitted?: number, total?: number): void;
  finish(): void;
}

/**
 * The fraction of a simulation done: commands run over the commands expected (those planned so far, plus the
 * average plan per submitted proposal times the proposals still to come). Never above 1, and 1 only when every
 * proposal is submitted and every planned command has run.
 */
export function progressFraction(done: number, planned: number, submitted = 1, total = 1): number {
  const perProposal = submitted > 0 ? planned / submitted : 0;
  const expected = planned + Math.max(0, total - submitted) * perProposal;
  if (expected <= 0) return 0;
  return Math.min(1, done / expected);
}

/** Options of `createProgressBar`. */
export interface ProgressBarOptions {
  /** Bar width in cells. @defaultValue 30 */
  width?: number;
  /** Least milliseconds between redraws (the final state is always drawn). @defaultValue 100 */
  interval?: number;
}

/** Creates a progress bar writing to `stream` when it is a TTY; it never moves backwards. */
export function createProgressBar(
  stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'> = process.stderr,
  { width = 30, interval = 100 }: ProgressBarOptions = {},
): ProgressBar {
  if (!stream.isTTY) return { update() {}, finish() {} };
  let last = Number.NEGATIVE_INFINITY;
  let shown = 0;
  let drawn = false;
  return {
    update(done, planned, label, submitted, total) {
      const fraction = Math.max(shown, progressFraction(done, planned, submitted, total));
      const now = Date.now();
      if (now - last < interval && fraction < 1) return;
      last = now;
      shown = fraction;
      const filled = Math.floor(width * fraction);
      // Floored, so the bar says 100% only when the run is complete.
      const pct = String(Math.floor(fraction * 100)).padStart(3);
      stream.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${pct}% ${label}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
