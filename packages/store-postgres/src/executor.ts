/** The rows a statement returned. */
export interface SqlResult<R> {
  rows: R[];
}

/** Hints for one statement; an executor may ignore them. */
export interface QueryOptions {
  /**
   * Prepare the statement once per connection under this name and reuse it (`pg` named prepared statements); one
   * name must always carry the same SQL text.
   */
  name?: string;
}

/** Runs one parameterised statement; the only thing the SQL store needs from a driver. */
export interface SqlQueryable {
  /** Runs `sql` with `$1…$n` bound to `params` and returns the rows. */
  query<R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<SqlResult<R>>;
}

/**
 * The tiny query-executor interface shared by the `pg` and PGlite drivers: statements, transactions and closing.
 * Wrap it to observe or break statements (the crash tests do).
 */
export interface SqlExecutor extends SqlQueryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Releases what the executor owns (a pool it created, a PGlite instance it opened). */
  close(): Promise<void>;
}
