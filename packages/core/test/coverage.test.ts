import { describe, expect, it } from 'vitest';
import { caseModel, proposalInput, proposalModel } from '../src/internal/testModels.js';
import { caseExplorations, proposalExploration } from './helpers/explorations.js';
import { activeStates, coveredEdges, definedEdges, definedStates } from './helpers/graph.js';

function report(name: string, defined: string[], covered: Set<string>) {
  const missing = defined.filter((x) => !covered.has(x));
  const pct = ((100 * (defined.length - missing.length)) / defined.length).toFixed(1);
  console.log(`${name}: ${defined.length - missing.length}/${defined.length} (${pct}%)`);
  return missing;
}

describe('generated paths (xstate/graph)', () => {
  it('should reach every state and cover every transition of caseMachine', () => {
    const states = new Set<string>();
    const edges = new Set<string>();
    for (const { name, input, result } of caseExplorations) {
      console.log(`case [${name}]: ${result.paths.length} shortest paths, ${result.pairs.length} (state, event) pairs`);
      for (const s of result.states) for (const id of activeStates(s)) states.add(id);
      for (const e of coveredEdges(caseModel, input, result.pairs)) edges.add(e);
    }
    expect(report('caseMachine states', definedStates(caseModel), states)).toEqual([]);
    expect(report('caseMachine transitions', definedEdges(caseModel), edges)).toEqual([]);
  });

  it('should reach every state and cover every transition of proposalMachine', () => {
    const { states: reached, pairs } = proposalExploration;
    console.log(`proposal: ${proposalExploration.paths.length} shortest paths, ${pairs.length} (state, event) pairs`);
    const states = new Set(reached.flatMap(activeStates));
    const edges = coveredEdges(proposalModel, proposalInput, pairs);
    expect(report('proposalMachine states', definedStates(proposalModel), states)).toEqual([]);
    expect(report('proposalMachine transitions', definedEdges(proposalModel), edges)).toEqual([]);
  });
});
