import type { SqlExecutor, SqlQueryable } from '../../src/index.js';

/** The error a simulated crash throws. */
export class SimulatedCrash extends Error {}

/** When an armed crash strikes: before the matching statement reaches the database, or after it returned. */
export type CrashPoint = 'before' | 'after';

/**
 * Wraps an executor so that, once armed, the next statement matching `at` dies: before it is sent (as if the process
 * were killed before the database heard of it) or after it ran (killed before the caller learned the result).
 */
export function crashingExecutor(inner: SqlExecutor, at: RegExp) {
  let armed: CrashPoint | undefined;
  const strike = (sql: string, point: CrashPoint) => {
    if (armed === point && at.test(sql)) {
      armed = undefined;
      throw new SimulatedCrash(`simulated crash ${point}: ${sql.slice(0, 40)}`);
    }
  };
  const wrap = (target: SqlQueryable): SqlQueryable => ({
    async query(sql, params, options) {
      strike(sql, 'before');
      const result = await target.query(sql, params, options);
      strike(sql, 'after');
      return result as never;
    },
  });
  const executor: SqlExecutor = {
    ...wrap(inner),
    transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))),
    close: () => inner.close(),
  };
  return {
    executor,
    arm: (point: CrashPoint = 'before') => {
      armed = point;
    },
  };
}
