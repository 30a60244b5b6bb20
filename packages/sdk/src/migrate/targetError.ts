import { InvalidMigrationError, type MigrationPlan } from '@banli/core';
import { definitionKeyOf, type SystemRegistry } from './registry.js';

/** The error for a plan whose source or target definition is not registered with this banli. */
export function missingTarget(plan: MigrationPlan, registry: SystemRegistry): InvalidMigrationError {
  const known = registry.systems
    .map(definitionKeyOf)
    .map((k) => (k ? `${k.proposal}/${k.case}` : '?'))
    .join(', ');
  const from = `${plan.from.proposal}/${plan.from.case}`;
  const to = `${plan.to.proposal}/${plan.to.case}`;
  return new InvalidMigrationError({
    'zh-CN': `迁移方案 ${plan.id}（${from} → ${to}）的源或目标版本未注册；已注册：${known}`,
    en: `Plan ${plan.id} (${from} → ${to}) names a definition that is not registered; registered: ${known}`,
  });
}
