import { readFileSync } from 'node:fs';
import { caseMachine, proposalMachine } from '@banli/core';
import { type CoverageReport, type SdkPathSet, transitionIds } from '../../src/index.js';

// The coverage figures the README quotes, written from the code so a test fails when they drift (a machine gains a
// transition, a fixture is added, the path alphabet grows). On a failure, copy the expected sentence into README.md.

/** The README as one line of text: its line breaks and runs of spaces as single spaces. */
function readmeText(): string {
  return readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
}

/**
 * The README's sentence shaped like `expected` (the same words, any figures), so a drift fails with a two-line diff;
 * `(not in the README)` when no sentence has that shape.
 */
export function quotedLike(expected: string): string {
  const escaped = expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const shape = new RegExp(escaped.replace(/\d[\d,]*/g, '[\\d,]+'));
  return readmeText().match(shape)?.[0] ?? '(not in the README)';
}

/** A count as the README prints it (thousands separated by commas). */
const n = (x: number) => x.toLocaleString('en-US');

/** How many transitions each machine has, as `transitionIds` names them. */
const machineTransitions = {
  case: transitionIds(caseMachine).length,
  proposal: transitionIds(proposalMachine).length,
};

/** The README's sentence on what the fixtures take, from their coverage reports. */
export function fixtureCoverageSentence(
  fixtures: number,
  kase: Pick<CoverageReport, 'transitions'>,
  proposal: Pick<CoverageReport, 'transitions'>,
): string {
  return (
    `the ${n(fixtures)} fixtures take ${n(kase.transitions.covered)} of the case machine's ${n(kase.transitions.total)}` +
    ` and ${n(proposal.transitions.covered)} of the proposal machine's ${n(proposal.transitions.total)}`
  );
}

/** The README's figures for `sdkPathScenarios()` on the seed proposal's sole assignment. */
export function pathSetSentences(set: SdkPathSet): string[] {
  return [
    `The seed proposal, sole assignment: ${n(set.paths.length)} paths and ${n(set.leaves.length)} leaves.`,
    `\`covering\`: ${n(set.covering.length)} scenarios`,
    `(${n(set.transitions.case.length)} of the case machine's ${n(machineTransitions.case)}, ` +
      `${n(set.transitions.proposal.length)} of the proposal machine's ${n(machineTransitions.proposal)})`,
  ];
}
