export { createPgliteStore, type PgliteStoreOptions } from './createPgliteStore.js';
export { createPostgresStore, type PostgresStoreOptions } from './createPostgresStore.js';
export { type BilingualMessage, type StoreErrorCode, StoreSetupError } from './errors.js';
export type { SqlExecutor, SqlQueryable, SqlResult } from './executor.js';
export { type Migration, migrate, migrations } from './migrations.js';
export { createPgExecutor, type PgConnection } from './pgExecutor.js';
export { createPgliteExecutor, type PgliteConnection } from './pgliteExecutor.js';
export { createSqlStore, type SqlStoreOptions } from './sqlStore.js';
export { DEFAULT_SCHEMA, type Tables, tablesIn } from './tables.js';
