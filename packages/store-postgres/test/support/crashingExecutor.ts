import type { SqlExecutor, SqlQueryable } from '../../src/index.js';

/** The error a simulated crash throws. */
export class SimulatedCrash extends Error {}

/**
 * Wraps an executor so that, once armed, the next statement matching `after` runs and then the transaction dies —
 * as if the process were killed between that statement and the rest of the append.
 */
export function crashingExecutor(inner: SqlExecutor, after: RegExp) {
  let armed = false;
  const wrap = (target: SqlQueryable): SqlQueryable => ({
    async query(sql, params) {
      const result = await target.query(sql, params);
      if (armed && after.test(sql)) {
        armed = false;
        throw new SimulatedCrash(`simulated crash after: ${sql.slice(0, 40)}`);
      }
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
    arm: () => {
      armed = true;
    },
  };
}
