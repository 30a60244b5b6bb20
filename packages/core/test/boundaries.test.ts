import { describe, expect, it } from 'vitest';
import { presets } from '../src/policy/presets/index.js';
import {
  leadCaseId as caseId,
  Driver,
  intake,
  rate,
  reply,
  seedAssignment,
  seedSystem,
  soleCase,
  units,
} from './helpers/seed.js';

// Boundary cases beside the single tests that guarded these rules (a mutation sample found each caught by one test).

describe('adjustment window boundaries', () => {
  const assigned = () => {
    const d = intake(new Driver(seedSystem()));
    return d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment });
  };

  it('should refuse a blank reason even inside the window', () => {
    expect(assigned().can({ type: 'case.requestAdjustment', at: '2023-03-16', caseId, reason: '  ' })).toBe(false);
  });

  it('should count a reassigned unit’s window from the reassignment: open on its due date, shut the day after', () => {
    const d = assigned();
    d.send({ type: 'case.requestAdjustment', at: '2023-03-16', caseId, reason: '不属本单位职能' });
    d.send({ type: 'adjustment.reassign', at: '2023-03-22', caseId, toUnit: units.zsHumanResources });
    // guangdongCity: 3 working days after 2023-03-22 → 2023-03-27; the first window (2023-03-20) no longer counts.
    const reason = '亦不属本单位职能';
    expect(d.can({ type: 'case.requestAdjustment', at: '2023-03-27', caseId, reason })).toBe(true);
    expect(d.can({ type: 'case.requestAdjustment', at: '2023-03-28', caseId, reason })).toBe(false);
  });

  it('should shut the window once the unit has accepted', () => {
    const d = assigned().send({ type: 'case.accept', at: '2023-03-16', caseId });
    expect(d.can({ type: 'case.requestAdjustment', at: '2023-03-17', caseId, reason: '不属本单位职能' })).toBe(false);
  });
});

describe('re-handling cap boundaries', () => {
  it('should allow exactly two rounds where the cap is two, and not a third', () => {
    const d = reply(soleCase({ ...presets.guangdongCity, maxRehandlingRounds: 2 }), '2023-06-20');
    rate(d, '2023-07-03', 'dissatisfied');
    d.send({ type: 'rehandling.start', at: '2023-07-05', caseId });
    reply(d, '2023-07-25');
    rate(d, '2023-08-01', 'dissatisfied');
    expect(d.can({ type: 'rehandling.start', at: '2023-08-02', caseId })).toBe(true);
    d.send({ type: 'rehandling.start', at: '2023-08-02', caseId });
    reply(d, '2023-08-20');
    rate(d, '2023-08-25', 'dissatisfied');
    expect(d.can({ type: 'rehandling.start', at: '2023-08-28', caseId })).toBe(false);
  });

  it('should allow no re-handling at all where the cap is zero', () => {
    const d = reply(soleCase({ ...presets.guangdongCity, maxRehandlingRounds: 0 }), '2023-06-20');
    rate(d, '2023-07-03', 'dissatisfied');
    expect(d.can({ type: 'rehandling.start', at: '2023-07-05', caseId })).toBe(false);
  });
});
