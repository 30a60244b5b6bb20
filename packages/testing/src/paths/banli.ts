import type { Deadline } from '@banli/core';
import { caseStateKey, proposalStateKey, testModels } from '@banli/core/internal';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { type CoverageReport, coverageOfSteps, createCoverageRecorder } from './coverage.js';
import {
  type ExploreOptions,
  exploreSteps,
  type MachinePath,
  type PathEvent,
  shortestPaths,
  simplePaths,
} from './graph.js';

// One copy of the models and state keys: core's own, through its internal subpath.
const { caseConfigs, caseEvents, caseModel, LATE, proposalEvents, proposalInput, proposalModel } = testModels;

/** How banli's path enumeration tells case and proposal states apart (guard-relevant context only). */
export { caseStateKey, proposalStateKey };

/** A `deadline.elapsed` for the first open deadline, so the traversal can let it elapse. */
function elapseFirstOpen(s: AnyMachineSnapshot, caseId?: string): PathEvent[] {
  const d = (s.context.deadlines as Deadline[]).find((x) => x.status === 'open' && x.closedAt === undefined);
  return d ? [{ type: 'deadline.elapsed', at: LATE, deadlineId: d.id, ...(caseId ? { caseId } : {}) }] : [];
}

/** One machine configuration to explore: the machine with its calendar, an input, the event alphabet and a state key. */
export interface BanliModel {
  name: string;
  machine: AnyStateMachine;
  options: ExploreOptions;
}

/** The explorations that reach every state and transition of @banli/core's machines (three case configurations). */
export function banliModels(): { proposal: BanliModel[]; case: BanliModel[] } {
  return {
    proposal: [
      {
        name: 'proposal, every optional step on',
        machine: proposalModel,
        options: {
          input: proposalInput,
          events: (s) => [...proposalEvents, ...elapseFirstOpen(s)] as PathEvent[],
          serializeState: proposalStateKey,
        },
      },
    ],
    case: caseConfigs.map((c) => ({
      name: `case, ${c.name}`,
      machine: caseModel,
      options: {
        input: c.input,
        events: (s) => [...caseEvents, ...elapseFirstOpen(s, 'p/u1')] as PathEvent[],
        serializeState: caseStateKey,
      },
    })),
  };
}

/** Path counts and coverage of one machine over its configurations. */
export interface MachinePathReport {
  machine: 'proposal' | 'case';
  shortestPaths: number;
  /** Simple paths, when asked for (they grow quickly). */
  simplePaths?: number;
  coverage: CoverageReport;
  paths: MachinePath[];
}

/**
 * Enumerates shortest (and, for the machines listed in `simple`, simple) paths of both banli machines and reports their transition coverage.
 *
 * @example
 * ```ts
 * const [proposal, kase] = banliPathReport();
 * proposal.coverage.transitions.missing; // []
 * ```
 */
export function banliPathReport(options: { simple?: readonly ('proposal' | 'case')[] } = {}): MachinePathReport[] {
  const models = banliModels();
  return (['proposal', 'case'] as const).map((kind) => {
    const list = models[kind];
    const first = list[0] as BanliModel;
    const recorder = createCoverageRecorder(first.machine, { input: first.options.input });
    const paths: MachinePath[] = [];
    let simple = 0;
    const wantSimple = options.simple?.includes(kind) ?? false;
    for (const m of list) {
      paths.push(...shortestPaths(m.machine, m.options));
      coverageOfSteps(m.machine, m.options.input, exploreSteps(m.machine, m.options), recorder);
      if (wantSimple) simple += simplePaths(m.machine, m.options).length;
    }
    return {
      machine: kind,
      shortestPaths: paths.length,
      ...(wantSimple ? { simplePaths: simple } : {}),
      coverage: recorder.report(),
      paths,
    };
  });
}
