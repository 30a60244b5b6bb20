import { chinaMainland } from '@banli/calendar';
import { describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import type { CaseEmitted } from '../src/case/emitted.js';
import { caseMachine } from '../src/case/machine.js';
import { caseInput, EARLY, LATE, minimalPolicy } from '../src/internal/testModels.js';
import { createHandlingSystem } from '../src/system/createHandlingSystem.js';
import { calendarResolver, withCalendar } from '../src/withCalendar.js';
import { Driver, intake, leadCaseId, soleAssignment } from './helpers/seed.js';

const accept = { type: 'case.accept', caseId: 'p/u1', at: EARLY } as const;

function run(machine: typeof caseMachine) {
  const seen: CaseEmitted[] = [];
  const actor = createActor(withCalendar(machine, chinaMainland), { input: caseInput('sole', minimalPolicy) });
  actor.on('*', (e) => seen.push(e));
  actor.start();
  return { actor, seen };
}

describe('caseMachine.provide', () => {
  it('should run a replaced action instead of the original one', () => {
    const notify = vi.fn();
    const custom = caseMachine.provide({ actions: { emitCaseAccepted: ({ context }) => notify(context.unit.id) } });
    const { actor, seen } = run(custom);
    actor.send(accept);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith('u1');
    expect(seen.map((e) => e.type)).toEqual([]);
  });

  it('should leave the original machine untouched', () => {
    const notify = vi.fn();
    caseMachine.provide({ actions: { emitCaseAccepted: () => notify() } });
    const { actor, seen } = run(caseMachine);
    actor.send(accept);
    expect(notify).not.toHaveBeenCalled();
    expect(seen.map((e) => e.type)).toEqual(['case.accepted']);
  });

  it('should replace a guard', () => {
    const custom = caseMachine.provide({ guards: { withinAdjustmentWindow: () => true } });
    const late = { type: 'case.requestAdjustment', caseId: 'p/u1', at: LATE, reason: '不属本单位职能' } as const;
    expect(run(caseMachine).actor.getSnapshot().can(late)).toBe(false);
    expect(run(custom).actor.getSnapshot().can(late)).toBe(true);
  });

  it('should let the coordinator run a provided side effect with its pure transitions', () => {
    const notify = vi.fn();
    const custom = caseMachine.provide({ actions: { emitCaseAccepted: ({ event }) => notify(event.at) } });
    const system = createHandlingSystem({ policy: minimalPolicy, calendar: chinaMainland, caseMachine: custom });
    const d = intake(new Driver(system));
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment });
    d.send({ type: 'case.accept', at: '2023-03-16', caseId: leadCaseId });
    expect(notify).toHaveBeenCalledWith('2023-03-16');
    // without the case.accepted notification the proposal stays assigned
    expect(d.summary.value).toEqual({ lifecycle: 'assigned', timeliness: 'onTime' });
  });
});

describe('withCalendar', () => {
  it('should give one copy per machine and calendar, so coordinators share state nodes and structure hashes', () => {
    const custom = caseMachine.provide({ actions: { emitCaseAccepted: () => {} } });
    const other = { ...chinaMainland, version: `${chinaMainland.version}-test` };
    const copy = withCalendar(caseMachine, chinaMainland);
    expect(copy).not.toBe(caseMachine);
    expect(withCalendar(caseMachine, chinaMainland)).toBe(copy);
    expect(withCalendar(custom, chinaMainland)).not.toBe(copy);
    expect(withCalendar(caseMachine, other)).not.toBe(copy);
    const a = createHandlingSystem({ policy: minimalPolicy, calendar: chinaMainland });
    const b = createHandlingSystem({ policy: minimalPolicy, calendar: chinaMainland });
    expect(a.caseMachine).toBe(b.caseMachine);
    expect(a.proposalMachine).toBe(b.proposalMachine);
    // The shared copy still computes due dates with its calendar.
    const d = intake(new Driver(a));
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment });
    expect(a.deadlines(d.state).every((x) => x.due !== '' && x.calendarId === chinaMainland.id)).toBe(true);
  });

  it('should give one resolver per calendar, shared by the machine copies and the refusals', () => {
    const other = { ...chinaMainland, version: `${chinaMainland.version}-test` };
    const resolve = calendarResolver(chinaMainland);
    expect(calendarResolver(chinaMainland)).toBe(resolve);
    expect(calendarResolver(other)).not.toBe(resolve);
    expect(resolve({ kind: 'workingDays', days: 1 }, '2026-09-30').due).toBe('2026-10-08');
  });
});
