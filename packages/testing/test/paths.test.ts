import { describe, expect, it } from 'vitest';
import { assign, createActor, setup } from 'xstate';
import {
  banliModels,
  banliPathReport,
  coverageReport,
  createCoverageRecorder,
  definePathTests,
  proposalStateKey,
  replayPath,
  shortestPaths,
  simplePaths,
  stateIds,
  transitionIds,
} from '../src/index.js';

// An integrator's own small machine: the toolkit must work on any machine, not only banli's.
const door = setup({
  types: { context: {} as { opened: number }, events: {} as { type: 'open' } | { type: 'close' } | { type: 'lock' } },
}).createMachine({
  id: 'door',
  context: { opened: 0 },
  initial: 'closed',
  states: {
    closed: {
      on: {
        open: { target: 'open', actions: assign({ opened: ({ context }) => context.opened + 1 }) },
        lock: 'locked',
      },
    },
    open: { on: { close: 'closed' } },
    locked: {},
  },
});
const doorEvents = [{ type: 'open' }, { type: 'close' }, { type: 'lock' }] as const;

describe('transitionIds', () => {
  it('should list every transition of a machine as source|event|target', () => {
    expect(transitionIds(door).sort()).toEqual([
      'door.closed|lock|door.locked',
      'door.closed|open|door.open',
      'door.open|close|door.closed',
    ]);
    expect(stateIds(door)).toEqual(['door', 'door.closed', 'door.open', 'door.locked']);
  });
});

describe('createCoverageRecorder', () => {
  it('should report the transitions a test exercised and the ones it did not', () => {
    const coverage = createCoverageRecorder(door);
    const actor = createActor(door, { inspect: coverage.inspect }).start();
    actor.send({ type: 'open' });
    actor.send({ type: 'close' });
    const report = coverage.report();
    expect(report.transitions).toMatchObject({ total: 3, covered: 2, missing: ['door.closed|lock|door.locked'] });
    expect(report.states.missing).toEqual(['door.locked']);
    expect(report.ratio).toBeCloseTo(2 / 3);
  });
});

describe('coverageReport', () => {
  it('should count nothing as covered for an empty suite', () => {
    expect(coverageReport(door, []).transitions.covered).toBe(0);
  });
});

describe('shortestPaths', () => {
  it('should find one shortest path per reachable state, serialised by value', () => {
    const paths = shortestPaths(door, { events: doorEvents, serializeState: (s) => JSON.stringify(s.value) });
    expect(paths.map((p) => p.events.map((e) => e.type))).toEqual([[], ['open'], ['lock']]);
  });
});

describe('simplePaths', () => {
  it('should enumerate paths that never revisit a state', () => {
    const paths = simplePaths(door, { events: doorEvents, serializeState: (s) => JSON.stringify(s.value) });
    expect(paths.map((p) => p.events.map((e) => e.type).join(','))).toContain('lock');
    expect(paths.every((p) => p.events.length <= 2)).toBe(true);
  });
});

describe('replayPath', () => {
  it('should replay a path on a fresh actor and detect a path that no longer ends where recorded', () => {
    const [, toOpen] = shortestPaths(door, { events: doorEvents, serializeState: (s) => JSON.stringify(s.value) });
    if (!toOpen) throw new Error('no path');
    expect(replayPath(door, toOpen).ok).toBe(true);
    expect(replayPath(door, { ...toOpen, events: [{ type: 'lock' }] })).toMatchObject({ ok: false, actual: 'locked' });
  });
});

describe('definePathTests', () => {
  const model = banliModels().proposal[0];
  if (!model) throw new Error('no proposal model');
  const paths = shortestPaths(model.machine, model.options);
  definePathTests(
    model.machine,
    paths.slice(0, 40),
    { it, expect },
    { input: model.options.input, serializeState: proposalStateKey },
  );
});

describe('banliPathReport', () => {
  it('should reach every state and transition of both banli machines and count their paths', () => {
    const [proposal, kase] = banliPathReport({ simple: ['proposal'] });
    expect(proposal?.coverage.transitions.missing).toEqual([]);
    expect(proposal?.coverage.states.missing).toEqual([]);
    expect(kase?.coverage.transitions.missing).toEqual([]);
    expect(kase?.coverage.states.missing).toEqual([]);
    expect(proposal?.shortestPaths).toBe(proposal?.paths.length);
    expect(proposal?.simplePaths).toBeGreaterThan(proposal?.shortestPaths ?? 0);
    expect(kase?.simplePaths).toBeUndefined();
  });
});
