import type { ScenarioStep } from '../scenario.js';

/** Where a step was written: the helper that produced it (if any) and the source line of the call. */
export interface StepOrigin {
  /** The step helper, e.g. `intake`; absent for a step written as a literal. */
  helper?: string;
  /** `file:line` of the helper call (or of `defineScenario`, for a literal step). */
  line?: string;
  /** One object per helper call: the steps of one call share it. */
  group: object;
}

const origins = new WeakMap<object, StepOrigin>();
const sites = new WeakMap<object, string>();

/** The `file:line` of the frame `depth` levels above the caller of this function, relative to the working directory. */
export function callSite(depth: number): string | undefined {
  const stack = new Error().stack?.split('\n') ?? [];
  // [0] "Error", [1] callSite, [2] its caller, [3] that caller's caller, …
  const frame = stack[2 + depth];
  const match = frame?.match(/\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?\s*$/);
  if (!match) return undefined;
  let file = (match[1] as string).replace(/^file:\/\//, '');
  const cwd = typeof process === 'undefined' ? '' : `${process.cwd()}/`;
  if (cwd !== '/' && file.startsWith(cwd)) file = file.slice(cwd.length);
  return `${file}:${match[2]}`;
}

/** Marks the steps one helper call produced, with the helper's name and the line it was called from. */
export function stampSteps<T extends ScenarioStep>(helper: string, steps: T[]): T[] {
  const line = callSite(2);
  const group = {};
  for (const s of steps) origins.set(s, { helper, group, ...(line ? { line } : {}) });
  return steps;
}

/** Records where a scenario was defined. */
export function stampScenario(scenario: object, line: string | undefined): void {
  if (line) sites.set(scenario, line);
}

/** The origin of a step (literal steps get the scenario's line and a group of their own). */
export function originOf(step: object, scenario: object): StepOrigin {
  const known = origins.get(step);
  if (known) return known;
  const line = sites.get(scenario);
  return { group: step, ...(line ? { line } : {}) };
}

/** The 1-based position of each step as written: the steps of one helper call count as one. */
export function writtenPositions(steps: readonly object[], scenario: object): number[] {
  const out: number[] = [];
  let position = 0;
  let previous: object | undefined;
  for (const s of steps) {
    const { group } = originOf(s, scenario);
    if (group !== previous) position++;
    previous = group;
    out.push(position);
  }
  return out;
}
