/**
 * `@banli/sdk/roles`: the roles an actor can hold and their zh-CN/en labels, with no Node dependency, for a browser
 * bundle (the console) that must not load the SDK's root.
 *
 * @example
 * ```ts
 * import { ROLES, roleLabel } from '@banli/sdk/roles';
 * const options = ROLES.map((role) => ({ value: role, label: roleLabel(role).en }));
 * ```
 *
 * @packageDocumentation
 */
export { type Actor, ROLE_LABELS, ROLE_SCOPES, ROLES, type Role, type RoleScope, roleLabel } from './roles/roles.js';
