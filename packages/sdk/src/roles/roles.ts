import type { Bilingual } from '@banli/schemas';
/** Every role an actor can hold. */
export const ROLES = [
  'proposer',
  'committee',
  'assigningOffice',
  'leadUnit',
  'coUnit',
  'leader',
  'supervisor',
  'system',
] as const;

/** A role: proposer (each co-signer), proposals committee / congress office, assigning office, lead unit, co-handling unit, unit leader (signer), supervisor (督办), system (scheduler). */
export type Role = (typeof ROLES)[number];

/** Who sends a command: a role, a person or body id, and the unit for unit roles. */
export interface Actor {
  role: Role;
  id: string;
  /** Required for `leadUnit`, `coUnit` and `leader`: the unit the actor acts for. */
  unitId?: string;
}

/** zh-CN and en labels of each role. */
export const ROLE_LABELS: Record<Role, Bilingual> = {
  proposer: { 'zh-CN': '提案人（每位联名人）', en: 'Proposer (each co-signer)' },
  committee: { 'zh-CN': '提案委员会 / 人大办事机构', en: 'Proposals committee / congress office' },
  assigningOffice: { 'zh-CN': '交办机关', en: 'Assigning office' },
  leadUnit: { 'zh-CN': '主办（承办）单位', en: 'Lead (handling) unit' },
  coUnit: { 'zh-CN': '会办单位', en: 'Co-handling unit' },
  leader: { 'zh-CN': '单位领导（签发人）', en: 'Unit leader (signer)' },
  supervisor: { 'zh-CN': '督办', en: 'Supervisor (督办)' },
  system: { 'zh-CN': '系统（调度器）', en: 'System (scheduler)' },
};

/** How a role is scoped to a proposal or case. */
export type RoleScope = 'ownProposal' | 'ownCase' | 'coUnitOfCase' | 'unitOfCase' | 'any';

/** The scope each role acts within: a proposer only on their own proposal, a unit only on its own case. */
export const ROLE_SCOPES: Record<Role, RoleScope> = {
  proposer: 'ownProposal',
  committee: 'any',
  assigningOffice: 'any',
  leadUnit: 'ownCase',
  coUnit: 'coUnitOfCase',
  leader: 'unitOfCase',
  supervisor: 'any',
  system: 'any',
};
