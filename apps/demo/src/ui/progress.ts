/** A one-line progress bar on a TTY stream; a no-op elsewhere so pipes and tests get clean output. */
export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  finish(): void;
}

/** Creates a progress bar writing to `stream` when it is a TTY, redrawing at most every 100 ms. */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr, width = 30): ProgressBar {
  if (!stream.isTTY) return { update() {}, finish() {} };
  let last = 0;
  let drawn = false;
  return {
    update(done, total, label) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const filled = Math.round((width * done) / Math.max(1, total));
      stream.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${label}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
