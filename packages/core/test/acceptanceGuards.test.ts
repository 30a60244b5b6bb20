// The case's acceptance guards (issue 17: the mutation run of src/case/guards/acceptance.ts left four mutants alive;
// see docs/mutation.md): which adjustment window counts, and a reassignment to the case's own unit.
import { describe, expect, it } from 'vitest';
import type { CaseEventOf } from '../src/case/events.js';
import { withinAdjustmentWindow } from '../src/case/guards/acceptance.js';
import type { CaseContext } from '../src/case/types.js';
import type { Deadline } from '../src/deadlines.js';
import { leadCaseId as caseId, Driver, intake, seedSystem, soleAssignment, units } from './helpers/seed.js';

const deadline = (kind: Deadline['kind'], due: string, status: Deadline['status'] = 'open') =>
  ({ id: `${kind}-${due}`, kind, due, status }) as Deadline;
const request = (at: string) =>
  ({ type: 'case.requestAdjustment', at, caseId, reason: '不属本单位职能' }) as CaseEventOf<'case.requestAdjustment'>;
const ctxWith = (deadlines: Deadline[]) => ({ deadlines }) as unknown as CaseContext;

describe('withinAdjustmentWindow', () => {
  it('should read only the adjustment window, not a later deadline of another kind', () => {
    const ctx = ctxWith([deadline('adjustmentWindow', '2023-03-20'), deadline('reply', '2023-06-30')]);
    expect(withinAdjustmentWindow(ctx, request('2023-03-20'))).toBe(true);
    expect(withinAdjustmentWindow(ctx, request('2023-03-21'))).toBe(false);
    // No window at all: no adjustment may be asked, whatever else is open.
    expect(withinAdjustmentWindow(ctxWith([deadline('reply', '2023-06-30')]), request('2023-03-16'))).toBe(false);
  });

  it('should skip a cancelled window for the last one still standing', () => {
    const ctx = ctxWith([
      deadline('adjustmentWindow', '2023-03-20', 'met'),
      deadline('adjustmentWindow', '2023-12-31', 'cancelled'),
    ]);
    expect(withinAdjustmentWindow(ctx, request('2023-03-20'))).toBe(true);
    expect(withinAdjustmentWindow(ctx, request('2023-03-25'))).toBe(false);
  });
});

describe('isNewUnit', () => {
  it('should refuse reassigning a case to the unit that already holds it, and accept another unit', () => {
    const d = intake(new Driver(seedSystem()));
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment });
    d.send({ type: 'case.requestAdjustment', at: '2023-03-16', caseId, reason: '不属本单位职能' });
    expect(d.can({ type: 'adjustment.reassign', at: '2023-03-17', caseId, toUnit: units.zsCommerce })).toBe(false);
    expect(d.can({ type: 'adjustment.reassign', at: '2023-03-17', caseId, toUnit: units.zsCyberspace })).toBe(true);
  });
});
