import { ROLES, roleLabel } from '@banli/sdk/roles';
import type { Lang } from './i18n.js';

/** The roles the header offers to act as: the SDK's own `ROLES`, each labelled in the chosen language. */
export function roleOptions(lang: Lang): { value: (typeof ROLES)[number]; label: string }[] {
  return ROLES.map((role) => ({ value: role, label: roleLabel(role)[lang] }));
}
