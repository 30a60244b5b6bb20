import type { Banli, TickReport } from '@banli/sdk';

/** A running tick scheduler. */
export interface TickScheduler {
  /** Stops the interval and waits for a tick in progress. */
  stop(): Promise<void>;
}

/** Options of `startTickScheduler`. */
export interface TickSchedulerOptions {
  /** Milliseconds between ticks. @defaultValue 60000 */
  intervalMs?: number;
  /** The claimant name in claims and logs (make it unique per process). @defaultValue `server:<pid>` */
  claimant?: string;
  /** Called with each report (e.g. for logging). */
  onTick?: (report: TickReport) => void;
  /** Called when a tick fails; the scheduler keeps going. @defaultValue console.error */
  onError?: (error: unknown) => void;
}

/**
 * Runs `banli.tick()` on an interval, one at a time. Safe with several server processes on one PostgreSQL: the
 * SDK's tick claims due deadlines and alerts in the store with a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so
 * each fires exactly once whichever process claims it.
 */
export function startTickScheduler(banli: Banli, options: TickSchedulerOptions = {}): TickScheduler {
  const claimant = options.claimant ?? `server:${process.pid}`;
  const onError = options.onError ?? ((e: unknown) => console.error(e));
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    running = banli
      .tick(undefined, { claimant })
      .then((report) => options.onTick?.(report), onError)
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, options.intervalMs ?? 60_000);
  timer.unref?.();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
