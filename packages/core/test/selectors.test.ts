import { chinaMainland } from '@banli/calendar';
import { describe, expect, it } from 'vitest';
import type { CaseContext } from '../src/case/types.js';
import { restoreLive } from '../src/internal/engine/liveSnapshots.js';
import { presets } from '../src/policy/presets/index.js';
import type { ProposalContext } from '../src/proposal/types.js';
import { createHandlingSystem } from '../src/system/createHandlingSystem.js';
import { allDeadlines } from '../src/system/selectors.js';
import type { HandlingState } from '../src/system/types.js';
import { Driver, intake, seedSystem, soleCase, units } from './helpers/seed.js';

/** Split handling: one case per unit (市商务局, 市投资促进局). */
const split = {
  mode: 'split' as const,
  coUnits: [],
  splitUnits: [units.zsCommerce, units.zsInvestment],
  assigningOffice: units.zsGovernmentOffice,
  date: '2023-03-15',
};
const acceptingCaseId = `zs-cppcc-13-2-132402/${units.zsCommerce.id}`;

/** What `allDeadlines` returned before it kept case deadlines per case (issue 19): spread anew on every call. */
const spreadAnew = (state: HandlingState) => [
  ...(state.proposal.context as ProposalContext).deadlines,
  ...Object.entries(state.cases).flatMap(([caseId, snap]) =>
    (snap.context as CaseContext).deadlines.map((d) => ({ ...d, caseId })),
  ),
];

/** The seed proposal split between two units (two cases), before and after one of the cases accepts. */
function assignedThenAccepted() {
  const d = intake(new Driver(seedSystem()));
  d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: split });
  const before = d.state;
  d.send({ type: 'case.accept', at: '2023-03-16', caseId: acceptingCaseId });
  return { before, after: d.state };
}

describe('allDeadlines', () => {
  it('lists the proposal deadlines, then every case deadline carrying its caseId, as before', () => {
    const { before, after } = assignedThenAccepted();
    expect(Object.keys(after.cases).length).toBeGreaterThan(1);
    for (const state of [before, after]) {
      const listed = allDeadlines(state);
      expect(listed).toEqual(spreadAnew(state));
      for (const d of listed.slice((state.proposal.context as ProposalContext).deadlines.length)) {
        expect(d.caseId).toBeDefined();
      }
    }
  });

  it("keeps an untouched case's deadline objects from state to state instead of spreading them anew", () => {
    const { before, after } = assignedThenAccepted();
    const untouched = Object.keys(after.cases).filter((id) => id !== acceptingCaseId);
    expect(untouched.length).toBeGreaterThan(0);
    const ofCase = (state: HandlingState, caseId: string) => allDeadlines(state).filter((d) => d.caseId === caseId);
    for (const caseId of untouched) {
      expect(after.cases[caseId]).toBe(before.cases[caseId]);
      const was = ofCase(before, caseId);
      const now = ofCase(after, caseId);
      expect(was.length).toBeGreaterThan(0);
      for (let i = 0; i < now.length; i++) expect(now[i]).toBe(was[i]);
    }
  });

  it('returns a list of its own each call: changing it changes nothing the next call sees', () => {
    const { after } = assignedThenAccepted();
    const first = allDeadlines(after);
    const expected = spreadAnew(after);
    first.reverse();
    first.push(first[0] as (typeof first)[number]);
    first.length = 1;
    expect(allDeadlines(after)).toEqual(expected);
    expect(allDeadlines(after)).not.toBe(allDeadlines(after));
  });
});

/** The id of the accepting case's reply deadline. */
function replyDeadlineOf(d: Driver): string {
  const found = d.deadline('reply', acceptingCaseId)[0];
  if (!found) throw new Error('no reply deadline');
  return found.id;
}

describe('summary tags', () => {
  /** The states of a case from submission to rating, the tags each summary gives and what the live snapshots say. */
  function walk(engine: 'compiled' | 'xstate') {
    const system = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland, engine });
    const d = new Driver(system);
    const states: HandlingState[] = [d.state];
    const record = () => states.push(d.state);
    intake(d);
    record();
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: split });
    record();
    d.send({ type: 'case.accept', at: '2023-03-16', caseId: acceptingCaseId });
    record();
    // Past the reply due date: the open case is overdue, and so the proposal's summary.
    d.send({ type: 'deadline.elapsed', at: '2023-09-01', caseId: acceptingCaseId, deadlineId: replyDeadlineOf(d) });
    record();
    const sorted = (machine: Parameters<typeof restoreLive>[0], snap: Parameters<typeof restoreLive>[1]) =>
      [...restoreLive(machine, snap).tags].sort();
    return states.map((state) => ({
      summary: system.summary(state),
      proposal: sorted(system.proposalMachine, state.proposal),
      cases: Object.fromEntries(
        Object.entries(state.cases).map(([id, snap]) => [id, sorted(system.caseMachine, snap)]),
      ),
    }));
  }

  it("are the machines' tags of each state, sorted, on either engine", () => {
    for (const engine of ['compiled', 'xstate'] as const) {
      const walked = walk(engine);
      expect(walked.at(-1)?.summary.tags).toContain('overdue');
      for (const { summary, proposal, cases } of walked) {
        const overdue = summary.cases.some((c) => c.tags.includes('overdue'));
        expect(summary.tags).toEqual(
          overdue && !proposal.includes('overdue') ? [...proposal, 'overdue'].sort() : proposal,
        );
        for (const c of summary.cases) expect(c.tags).toEqual(cases[c.caseId]);
      }
    }
  });

  it('are a list of its own each time: changing one changes no later summary', () => {
    const d = soleCase();
    const system = d.system;
    const first = system.summary(d.state);
    const expected = { tags: [...first.tags], caseTags: first.cases.map((c) => [...c.tags]) };
    expect(expected.tags.length).toBeGreaterThan(0);
    first.tags.push('tampered' as never);
    for (const c of first.cases) c.tags.length = 0;
    const again = system.summary(d.state);
    expect(again.tags).toEqual(expected.tags);
    expect(again.cases.map((c) => c.tags)).toEqual(expected.caseTags);
    // Another state in the same configuration (another proposal through the same steps) gives the same tags.
    expect(system.summary(soleCase().state).tags).toEqual(expected.tags);
  });
});
