import { EVENT_TYPES, ROLE_MATRIX } from './matrix.js';
import { ROLE_LABELS, ROLES } from './roles.js';

/**
 * Renders the role matrix as a Markdown table (events down, roles across, ✓ where allowed), as printed in the README.
 *
 * @example
 * ```ts
 * console.log(formatRoleTable());
 * ```
 */
export function formatRoleTable(): string {
  const header = `| event | ${ROLES.map((r) => `${r}<br>${ROLE_LABELS[r]['zh-CN']}`).join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = EVENT_TYPES.map((type) => {
    const allowed = ROLE_MATRIX[type];
    const cells = ROLES.map((r) => (allowed.includes(r) ? '✓' : ''));
    return `| \`${type}\`${allowed.length === 0 ? ' (internal)' : ''} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
