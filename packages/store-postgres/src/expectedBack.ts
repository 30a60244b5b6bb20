/** How many appends are still expected back during the current run of the microtask queue. */
export interface ExpectedBack {
  /** Appends still expected before this run of the microtask queue ends (0 once it has ended). */
  expected(): number;
  /** An append arrived: one fewer expected. */
  arrived(): void;
  /** An append settled: its caller is expected back with its next append during this run of the microtask queue. */
  settled(): void;
}

/**
 * Counts the callers a group commit woke that have not appended again. In one process, callers whose appends settle
 * together resume one after another in microtasks: an application that computes its next command without I/O (the
 * SDK with its aggregate cache does) appends again before the microtask queue runs empty. A batch started while they
 * run takes only the first of them (at 16 callers batches alternated 1 and 15, and the server sat idle while the
 * other 15 computed); held until the queue holds as many appends as are still expected (about half of them),
 * batches settle into two halves, each written while the other half computes. The count is dropped when the microtask queue has run empty (a `process.nextTick` scheduled
 * from a microtask runs only then): callers that stopped, or wait for I/O, hold nothing longer. `ended` runs then.
 */
export function expectedBack(ended: () => void): ExpectedBack {
  let count = 0;
  let scheduled = false;
  const end = (): void => {
    scheduled = false;
    count = 0;
    ended();
  };
  // Scheduled from a microtask, so that it runs after every microtask queued meanwhile, however this was called.
  const endLater = (): void => process.nextTick(end);
  return {
    expected: () => count,
    arrived() {
      if (count > 0) count--;
    },
    settled() {
      count++;
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(endLater);
    },
  };
}
