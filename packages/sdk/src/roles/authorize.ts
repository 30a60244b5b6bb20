import type { Bilingual } from '@banli/schemas';
import { PermissionError } from '../errors.js';
import { roleMaySend } from './matrix.js';
import { type Actor, ROLE_SCOPES, ROLES, type Role, roleLabel } from './roles.js';

/** What permission checks need to know about a proposal: its proposers and, per case, the units involved. */
export interface AccessView {
  proposerIds: readonly string[];
  cases: Readonly<Record<string, { unitId: string; coUnitIds: readonly string[] }>>;
  /** The item's kind, so that refusals name roles in its words (代表 / 选联工委 for suggestions). */
  kind?: string;
}

type EventLike = { type: string; caseId?: unknown; [key: string]: unknown };

const UNIT_ROLES: readonly Role[] = ['leadUnit', 'coUnit', 'leader'];

/** Checks an actor's shape: a known role, an id, and a unit id for unit roles. */
export function checkActor(actor: Actor, state?: unknown): void {
  if (!actor || typeof actor !== 'object' || !ROLES.includes(actor.role)) {
    throw new PermissionError({ 'zh-CN': '未知角色', en: 'Unknown role' }, state);
  }
  if (typeof actor.id !== 'string' || actor.id === '') {
    throw new PermissionError({ 'zh-CN': '操作者缺少标识', en: 'The actor has no id' }, state);
  }
  if (UNIT_ROLES.includes(actor.role) && !actor.unitId) {
    throw new PermissionError(
      { 'zh-CN': `${roleLabel(actor.role)['zh-CN']}须注明所属单位`, en: `A ${actor.role} actor needs a unitId` },
      state,
    );
  }
}

/**
 * Refuses with a `PermissionError` unless the actor's role may send the event and the event concerns the actor's own
 * proposal or case.
 */
export function authorize(actor: Actor, event: EventLike, view: AccessView, state?: unknown): void {
  checkActor(actor, state);
  const deny = (messages: Bilingual): never => {
    throw new PermissionError(messages, state);
  };
  const label = roleLabel(actor.role, view.kind);
  if (!roleMaySend(actor.role, event.type)) {
    deny({
      'zh-CN': `${label['zh-CN']}无权发送 ${event.type}`,
      en: `${label.en} may not send ${event.type}`,
    });
  }
  const scope = ROLE_SCOPES[actor.role];
  if (scope === 'any') return;
  if (scope === 'ownProposal') {
    if (!view.proposerIds.includes(actor.id)) {
      deny(
        view.kind === 'suggestion'
          ? { 'zh-CN': '代表只能操作本人提出的建议', en: 'A deputy may act only on their own suggestion' }
          : { 'zh-CN': '只能操作本人提出的提案', en: 'A proposer may act only on their own proposal' },
      );
    }
    const feedback = event.feedback as { proposerId?: unknown } | undefined;
    const named =
      event.type === 'feedback.submit'
        ? feedback?.proposerId
        : event.type === 'proposal.withdraw' || event.type === 'proposal.withdrawSignature'
          ? event.by
          : actor.id;
    if (named !== actor.id) deny({ 'zh-CN': '不能代他人提交', en: 'A proposer may not act for another proposer' });
    return;
  }
  const caseId = typeof event.caseId === 'string' ? event.caseId : undefined;
  const handled = caseId === undefined ? undefined : view.cases[caseId];
  if (!handled) deny({ 'zh-CN': '该事件不属于本单位的办件', en: 'The event does not concern a case of this unit' });
  const unitId = actor.unitId as string;
  const own = handled as { unitId: string; coUnitIds: readonly string[] };
  if (scope === 'coUnitOfCase') {
    const opinion = event.opinion as { fromUnit?: { id?: unknown } } | undefined;
    const named = event.type === 'coUnit.submitOpinion' ? opinion?.fromUnit?.id : (event.unitId ?? unitId);
    if (!own.coUnitIds.includes(unitId) || named !== unitId) {
      deny({
        'zh-CN': '只能以本单位名义参与会办的办件',
        en: 'A co-handling unit may act only for itself on its cases',
      });
    }
    return;
  }
  if (own.unitId !== unitId) {
    deny({ 'zh-CN': '只能操作本单位承办的办件', en: 'A unit may act only on its own case' });
  }
}
