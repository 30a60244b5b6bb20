import type { StoredEvent } from '@banli/sdk';
import { mainPath } from './internal/statePath.js';
import type { TimelineEntry } from './runScenario.js';

/**
 * Builds timeline lines from a proposal's stored history (`banli.history(id)`), as `runScenario` reports them.
 *
 * @example
 * ```ts
 * const lines = timelineFromHistory(await banli.history(id));
 * ```
 */
export function timelineFromHistory(events: readonly StoredEvent[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const [index, e] of events.entries()) {
    if (e.type === 'proposal.create') continue;
    const after = (e.stateAfter ?? {}) as { proposal?: unknown; cases?: Record<string, unknown> };
    const cases: Record<string, string> = {};
    for (const [id, value] of Object.entries(after.cases ?? {})) cases[id] = mainPath(value);
    const changes = (
      (e.meta?.deadlineChanges ?? []) as { kind: string; caseId?: string; newDue: string; oldDue?: string }[]
    ).map((d) => ({
      kind: d.kind,
      due: d.newDue,
      ...(d.caseId ? { caseId: d.caseId } : {}),
      ...(d.oldDue ? { previousDue: d.oldDue } : {}),
    }));
    const caseId = typeof e.event.caseId === 'string' ? e.event.caseId : undefined;
    out.push({
      step: index,
      date: String(e.event.at ?? ''),
      actor: {
        role: e.actor.role,
        id: e.actor.id,
        ...(e.actor.unitId ? { unitId: e.actor.unitId } : {}),
      } as TimelineEntry['actor'] & object,
      event: e.type,
      ...(caseId ? { caseId } : {}),
      proposal: mainPath(after.proposal),
      cases,
      deadlines: changes,
      emitted: e.emitted.map((n) => String(n.type)),
    });
  }
  return out;
}
