import { StoreSetupError } from './errors.js';

/** Fully qualified names of the store's tables inside one PostgreSQL schema. */
export interface Tables {
  schema: string;
  migrations: string;
  streams: string;
  events: string;
  snapshots: string;
  deadlines: string;
  fired: string;
  alerts: string;
  sent: string;
  idempotency: string;
  calendarYears: string;
  consumers: string;
  deadLetters: string;
  outboxPruned: string;
}

/** The default PostgreSQL schema the store's tables live in. */
export const DEFAULT_SCHEMA = 'banli';

/** Quotes the schema name into table names; only lower-case identifiers are accepted, so nothing is ever interpolated unchecked. */
export function tablesIn(schema: string): Tables {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new StoreSetupError('STORE_CONFIG', {
      'zh-CN': `无效的数据库模式名：${schema}（仅限小写字母、数字和下划线）`,
      en: `Invalid schema name: ${schema} (lower-case letters, digits and underscores only)`,
    });
  }
  const q = `"${schema}"`;
  return {
    schema: q,
    migrations: `${q}.banli_migrations`,
    streams: `${q}.streams`,
    events: `${q}.events`,
    snapshots: `${q}.snapshots`,
    deadlines: `${q}.deadlines`,
    fired: `${q}.fired_deadlines`,
    alerts: `${q}.alerts`,
    sent: `${q}.sent_alerts`,
    idempotency: `${q}.idempotency_keys`,
    calendarYears: `${q}.calendar_years`,
    consumers: `${q}.outbox_consumers`,
    deadLetters: `${q}.outbox_dead_letters`,
    outboxPruned: `${q}.outbox_pruned`,
  };
}
