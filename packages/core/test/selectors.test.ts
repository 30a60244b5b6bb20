import { describe, expect, it } from 'vitest';
import type { CaseContext } from '../src/case/types.js';
import type { ProposalContext } from '../src/proposal/types.js';
import { allDeadlines } from '../src/system/selectors.js';
import type { HandlingState } from '../src/system/types.js';
import { Driver, intake, seedSystem, units } from './helpers/seed.js';

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
