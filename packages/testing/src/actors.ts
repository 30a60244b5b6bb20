import type { Actor } from '@banli/sdk';
import { BanliTestingError } from './errors.js';

/**
 * Who acts in a scenario step, written as a short name:
 * `proposer` (the first proposer), `proposer:<id>`, `committee`, `office`, `supervisor`, `system`,
 * `unit:<unitId>` (the lead or sole unit), `coUnit:<unitId>`, `leader:<unitId>`, or a full SDK `Actor`.
 */
export type ActorRef = string | Actor;

/** The proposal facts needed to resolve actor names. */
export interface ActorContext {
  proposers: readonly { id: string; first?: boolean }[];
  /** The unit of the assigning office. @defaultValue 'assigning-office' */
  officeUnitId?: string;
}

/** Resolves a short actor name to an SDK actor. */
export function resolveActor(ref: ActorRef, ctx: ActorContext): Actor {
  if (typeof ref !== 'string') return ref;
  const [name, arg] = ref.split(':', 2) as [string, string | undefined];
  switch (name) {
    case 'proposer': {
      const first = ctx.proposers.find((p) => p.first) ?? ctx.proposers[0];
      return { role: 'proposer', id: arg ?? first?.id ?? 'proposer' };
    }
    case 'committee':
      return { role: 'committee', id: 'proposals-committee' };
    case 'office':
      return { role: 'assigningOffice', id: 'assigning-office', unitId: ctx.officeUnitId ?? 'assigning-office' };
    case 'supervisor':
      return { role: 'supervisor', id: 'supervisor' };
    case 'system':
      return { role: 'system', id: 'scheduler' };
    case 'unit':
    case 'coUnit':
    case 'leader':
      if (arg) return { role: name === 'unit' ? 'leadUnit' : name, id: `${arg}-${name}`, unitId: arg };
  }
  throw new BanliTestingError('UNKNOWN_ACTOR', {
    'zh-CN': `无法识别的角色：${ref}`,
    en: `Unknown actor: ${ref}`,
  });
}
