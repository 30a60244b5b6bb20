import { EVENT_TYPES, ROLE_MATRIX } from './matrix.js';
import { ROLES, roleLabel } from './roles.js';

/**
 * Renders the role matrix as a Markdown table (events down, roles across, ✓ where allowed), as printed in the README.
 * With `kind`, the roles are named in that kind's words (代表 and 选联工委 for suggestions, 提案人 and 提案委 for proposals).
 *
 * @example
 * ```ts
 * console.log(formatRoleTable());
 * ```
 */
export function formatRoleTable(kind?: 'proposal' | 'suggestion'): string {
  const header = `| event | ${ROLES.map((r) => `${r}<br>${roleLabel(r, kind)['zh-CN']}`).join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = EVENT_TYPES.map((type) => {
    const allowed = ROLE_MATRIX[type];
    const cells = ROLES.map((r) => (allowed.includes(r) ? '✓' : ''));
    return `| \`${type}\`${allowed.length === 0 ? ' (internal)' : ''} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
