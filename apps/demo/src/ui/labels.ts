import { caseMachine, deadlineKindMeta, eventMeta, proposalMachine } from '@banli/core';
import type { Bilingual } from '@banli/schemas';
import type { Actor } from '@banli/sdk';
import type { Lang } from '../i18n.js';

const ROLE_SHORT: Record<string, Bilingual> = {
  proposer: { 'zh-CN': '提案人 / 代表', en: 'proposer' },
  committee: { 'zh-CN': '提案委 / 选联工委', en: 'committee' },
  assigningOffice: { 'zh-CN': '交办机关', en: 'assigning office' },
  leadUnit: { 'zh-CN': '承办单位', en: 'lead unit' },
  coUnit: { 'zh-CN': '会办单位', en: 'co-unit' },
  leader: { 'zh-CN': '单位领导', en: 'unit leader' },
  supervisor: { 'zh-CN': '督办', en: 'supervisor' },
  system: { 'zh-CN': '系统', en: 'system' },
};

/**
 * The roles whose short label follows the item's kind (issue 13.11, as `roleLabel` in @banli/sdk): 代表 and the
 * congress office (选联工委) for suggestions, 提案人 and the CPPCC proposals committee (提案委) for proposals.
 */
const KIND_ROLE_SHORT: Record<'proposal' | 'suggestion', Record<string, Bilingual>> = {
  proposal: {
    proposer: { 'zh-CN': '提案人', en: 'proposer' },
    committee: { 'zh-CN': '政协提案委', en: 'proposals committee' },
  },
  suggestion: {
    proposer: { 'zh-CN': '代表', en: 'deputy' },
    committee: { 'zh-CN': '人大选联工委', en: 'congress office' },
  },
};

/** The short role label of an actor in the words of the item's kind, with the unit or person it acts for. */
export function actorText(
  actor: Actor,
  lang: Lang,
  names: Record<string, string>,
  kind?: 'proposal' | 'suggestion',
): string {
  const label = (kind ? KIND_ROLE_SHORT[kind][actor.role] : undefined) ?? ROLE_SHORT[actor.role];
  const role = label?.[lang] ?? actor.role;
  const who = actor.role === 'proposer' ? actor.id : actor.role === 'assigningOffice' ? undefined : actor.unitId;
  return who ? `${role}·${names[who] ?? who}` : role;
}

/** The label of an event type from @banli/core's metadata, e.g. `立案`. */
export function eventText(type: string, lang: Lang): string {
  const meta = (eventMeta as Record<string, { label: Bilingual }>)[type];
  return meta?.label[lang] || type;
}

/** The label of a state path of the proposal or case machine's main region, read from the state's meta. */
export function stateText(machine: 'proposal' | 'case', path: string, lang: Lang): string {
  const m = machine === 'proposal' ? proposalMachine : caseMachine;
  try {
    const node = m.getStateNodeById(`${m.id}.lifecycle.${path}`);
    return (node.meta as { label?: Bilingual } | undefined)?.label?.[lang] ?? path;
  } catch {
    return path;
  }
}

/** The label of a deadline kind. */
export function deadlineText(kind: string, lang: Lang): string {
  return (deadlineKindMeta as Record<string, { label: Bilingual }>)[kind]?.label[lang] ?? kind;
}

function stateLabelById(id: string, lang: Lang): string {
  const machine = id.startsWith(`${caseMachine.id}.`) ? caseMachine : proposalMachine;
  try {
    const node = machine.getStateNodeById(id);
    const label = (node.meta as { label?: Bilingual } | undefined)?.label?.[lang];
    return label ?? id.split('.').slice(1).join('.');
  } catch {
    return id;
  }
}

/**
 * A transition id of the path/coverage reports (`source|event|target`, state ids in full) as labels:
 * `审查 —转为建议 (review.convert)→ 已转为建议`; unknown parts are printed as they are.
 */
export function transitionText(key: string, lang: Lang): string {
  const [source, event, target] = key.split('|');
  if (source === undefined || event === undefined) return key;
  const label = event === 'always' ? (lang === 'zh-CN' ? '自动' : 'automatic') : eventText(event, lang);
  const arrow = `—${label}${label === event ? '' : ` (${event})`}→`;
  return `${stateLabelById(source, lang)} ${arrow} ${target ? stateLabelById(target, lang) : ''}`.trimEnd();
}
