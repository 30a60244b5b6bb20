import { z } from 'zod';
import { AssignmentModeSchema } from './assignmentMode.js';
import { refinedBy } from './internal/fastChecks.js';
import { duplicates, text } from './internal/fields.js';
import type { RuleReport } from './internal/issue.js';
import { isoDateField } from './isoDate.js';
import { bilingual } from './meta.js';
import { type Unit, UnitSchema } from './unit.js';

const units = (zh: string, en: string, zhD: string, enD: string) =>
  z.array(UnitSchema).meta(bilingual(zh, en, zhD, enD));

/** An assignment's fields, before the rules across them ({@link assignmentRules}). */
const AssignmentFieldsSchema = z.strictObject({
  mode: AssignmentModeSchema,
  leadUnit: UnitSchema.meta(
    bilingual(
      '主办单位',
      'Lead unit',
      '独办或主办单位，唯一答复的单位。',
      'The sole or lead unit; the one that replies.',
    ),
  ).optional(),
  coUnits: units(
    '会办单位',
    'Co-handling units',
    '向主办单位提供会办意见的单位。',
    'Units that send opinions to the lead.',
  ),
  splitUnits: units(
    '分办单位',
    'Split units',
    '分别办理、分别答复的单位。',
    'Units that each handle and reply.',
  ).optional(),
  referenceUnits: units(
    '参阅单位',
    'Reference units',
    '参阅办理的单位。',
    'Units that receive it for reference.',
  ).optional(),
  assigningOffice: UnitSchema.meta(
    bilingual(
      '交办机关',
      'Assigning office',
      '负责交办的机关，如市政府办公室。',
      'The office that assigns, e.g. 市政府办公室.',
    ),
  ),
  date: isoDateField('交办日期', 'Assigned on', '交办的日期。', 'The date of assignment.'),
  note: text('备注', 'Note', '交办说明。', 'A note on the assignment.').optional(),
});

/**
 * The rules of an assignment across its fields (which units each mode needs or forbids, no unit twice), reported
 * through `report`: the schema's refinement, and through `holds` that refinement's fast form (`fastCheckOf`).
 */
function assignmentRules(a: z.output<typeof AssignmentFieldsSchema>, report: RuleReport): void {
  const mode = a.mode;
  const needsLead = mode === 'sole' || mode === 'lead';
  if (needsLead && !a.leadUnit) report('assignment_lead_unit_required', a, ['leadUnit'], { mode });
  if (!needsLead && a.leadUnit) report('assignment_lead_unit_forbidden', a.leadUnit, ['leadUnit'], { mode });
  if (mode === 'lead' && a.coUnits.length === 0)
    report('assignment_co_units_required', a.coUnits, ['coUnits'], { mode });
  if (mode !== 'lead' && a.coUnits.length > 0)
    report('assignment_co_units_forbidden', a.coUnits, ['coUnits'], { mode });
  if (mode === 'split' && (a.splitUnits?.length ?? 0) < 2)
    report('assignment_split_units_required', a.splitUnits, ['splitUnits'], { mode, minimum: 2 });
  if (mode !== 'split' && a.splitUnits?.length)
    report('assignment_split_units_forbidden', a.splitUnits, ['splitUnits'], { mode });
  if (mode === 'reference' && !a.referenceUnits?.length)
    report('assignment_reference_units_required', a.referenceUnits, ['referenceUnits'], { mode });
  // The units in `assignedUnits`' order, gathered in plain loops: a command runs these rules once, where they stay
  // unoptimised (issue 19).
  const units: Unit[] = [];
  if (a.leadUnit) units.push(a.leadUnit);
  for (const list of [a.coUnits, a.splitUnits ?? [], a.referenceUnits ?? []])
    for (let i = 0; i < list.length; i++) units.push(list[i] as Unit);
  const ids: string[] = new Array(units.length);
  for (let i = 0; i < units.length; i++) ids[i] = (units[i] as Unit).id;
  for (const id of duplicates(ids))
    report('duplicate_unit', id, [], { value: units.find((u) => u.id === id)?.name ?? id });
}

/**
 * The 交办: which units handle the item and how. `sole` and `lead` name a `leadUnit`; `lead` also needs `coUnits`;
 * `split` needs two or more `splitUnits` that each reply; `reference` needs `referenceUnits`.
 */
export const AssignmentSchema = refinedBy(AssignmentFieldsSchema, assignmentRules).meta(
  bilingual(
    '交办',
    'Assignment',
    '交办机关确定的承办单位及办理方式。',
    'Which units handle the item and how, as fixed by the assigning office.',
  ),
);

/** Which units handle the item and how. */
export type Assignment = z.infer<typeof AssignmentSchema>;

/** The part a unit plays in an assignment. */
export type UnitRole = 'sole' | 'lead' | 'co' | 'split' | 'reference';

/**
 * Lists every unit of an assignment with its role, lead first.
 *
 * @example
 * ```ts
 * assignedUnits(seedAssignment132402).map((u) => u.role); // ['lead', 'co', 'co', 'co', 'co', 'co', 'co']
 * ```
 */
export function assignedUnits(assignment: Assignment): { unit: Unit; role: UnitRole }[] {
  const out: { unit: Unit; role: UnitRole }[] = [];
  if (assignment.leadUnit) out.push({ unit: assignment.leadUnit, role: assignment.mode === 'sole' ? 'sole' : 'lead' });
  for (const unit of assignment.coUnits) out.push({ unit, role: 'co' });
  for (const unit of assignment.splitUnits ?? []) out.push({ unit, role: 'split' });
  for (const unit of assignment.referenceUnits ?? []) out.push({ unit, role: 'reference' });
  return out;
}

/** The units that must each send a reply (`sole`/`lead` → the lead unit, `split` → every split unit, `reference` → none). */
export function replyingUnits(assignment: Assignment): Unit[] {
  return assignedUnits(assignment)
    .filter((u) => u.role === 'sole' || u.role === 'lead' || u.role === 'split')
    .map((u) => u.unit);
}
