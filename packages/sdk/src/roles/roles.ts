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

/** zh-CN and en labels of each role, for either kind of item (see {@link roleLabel} for one kind's words). */
export const ROLE_LABELS: Record<Role, Bilingual> = {
  proposer: { 'zh-CN': '提案人 / 代表（每位联名人）', en: 'Proposer or deputy (each co-signer)' },
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

/**
 * The roles whose words differ by kind (issue 13.11, domain.md §1): a suggestion is filed by 代表 and assigned by the
 * congress standing committee's office (选联工委, S9 S13); a proposal is filed by 委员/提案人 and reviewed by the
 * CPPCC proposals committee (提案委, S3 S6). The other roles read the same for both kinds.
 */
const KIND_ROLE_LABELS: Record<'proposal' | 'suggestion', Partial<Record<Role, Bilingual>>> = {
  proposal: {
    proposer: { 'zh-CN': '提案人（每位联名委员）', en: 'Proposer (each co-signing member)' },
    committee: { 'zh-CN': '政协提案委员会', en: 'CPPCC proposals committee (提案委)' },
  },
  suggestion: {
    proposer: { 'zh-CN': '代表（每位联名代表）', en: 'Deputy (each co-signing deputy)' },
    committee: {
      'zh-CN': '人大常委会选联工委',
      en: "Congress standing committee's deputies' affairs office (选联工委)",
    },
  },
};

/**
 * A role's label in the words of the item's kind (`proposal` or `suggestion`); without a kind, the label that covers both ({@link ROLE_LABELS}).
 *
 * @example
 * ```ts
 * roleLabel('committee', 'suggestion')['zh-CN']; // '人大常委会选联工委'
 * roleLabel('proposer', 'proposal')['zh-CN']; // '提案人（每位联名委员）'
 * ```
 */
export function roleLabel(role: Role, kind?: string): Bilingual {
  const byKind = kind === 'proposal' || kind === 'suggestion' ? KIND_ROLE_LABELS[kind][role] : undefined;
  return byKind ?? ROLE_LABELS[role];
}
