import type { CaseContext, Deadline, ProposalContext } from '@banli/core';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import {
  caseConfigs,
  caseEvents,
  caseModel,
  LATE,
  proposalEvents,
  proposalInput,
  proposalModel,
} from '../internal/banliModels.js';
import { type CoverageReport, coverageOfSteps, createCoverageRecorder } from './coverage.js';
import {
  type ExploreOptions,
  exploreSteps,
  type MachinePath,
  type PathEvent,
  shortestPaths,
  simplePaths,
} from './graph.js';

/** Guard-relevant case context only, and only in the phases where a guard reads it, so the traversal stays small. */
export function caseStateKey(s: AnyMachineSnapshot): string {
  const c = s.context as CaseContext;
  const lifecycle = JSON.stringify((s.value as Record<string, unknown>).lifecycle);
  const phase = (...keys: string[]) => keys.some((k) => lifecycle.includes(`"${k}"`));
  const approved = (xs: { status: string }[]) => xs.filter((x) => x.status === 'approved').length;
  return JSON.stringify([
    s.value,
    c.round,
    c.deadlines.some((d) => d.status === 'missed' && d.closedAt === undefined),
    phase('accepting', 'adjustmentRequested') ? [c.unit.id, Math.min(c.adjustments.length, 2)] : null,
    phase('handling', 'drafting', 'rehandling') ? c.opinions.length : null,
    phase('replied', 'closed', 'terminated') ? null : [approved(c.extensions), c.extensions.at(-1)?.status ?? null],
    phase('countersigning') ? approved(c.countersignatures) : null,
    phase('countersigning', 'signOff', 'supervisorReview') && c.draft
      ? [c.draft.class, c.draft.disclosure?.mode, c.supervisorClass ?? null]
      : null,
    phase('replied') ? [c.letters.at(-1)?.letter.class, c.feedback.filter((f) => f.round === c.round).length] : null,
  ]);
}

/** Guard-relevant proposal context only. */
export function proposalStateKey(s: AnyMachineSnapshot): string {
  const c = s.context as ProposalContext;
  return JSON.stringify([
    s.value,
    c.cases.map((x) => [x.caseId, x.unit.id, !!x.acceptedAt, x.reply?.class ?? null, !!x.closedAt]),
    c.registration?.key ?? null,
    c.deadlines.filter((d) => d.status === 'missed' && d.closedAt === undefined).length,
  ]);
}

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
