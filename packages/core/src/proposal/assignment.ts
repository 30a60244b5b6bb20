import type { CaseRole } from '../case/types.js';
import type { Assignment, Unit } from '../domain.js';

/** The units that each get a handling case, with their role; co-handlers work inside the lead unit's case. */
export function responsibleUnits(assignment: Assignment): { unit: Unit; role: CaseRole }[] {
  switch (assignment.mode) {
    case 'sole':
      return assignment.leadUnit ? [{ unit: assignment.leadUnit, role: 'sole' }] : [];
    case 'lead':
      return assignment.leadUnit ? [{ unit: assignment.leadUnit, role: 'lead' }] : [];
    case 'split':
      return (assignment.splitUnits ?? []).map((unit) => ({ unit, role: 'split' as const }));
    case 'reference':
      return (assignment.referenceUnits ?? []).map((unit) => ({ unit, role: 'reference' as const }));
  }
}

/** The id of the case a unit handles for a proposal: fixed at assignment, kept when the case is reassigned. */
export function caseIdFor(proposalId: string, unitId: string): string {
  return `${proposalId}/${unitId}`;
}
