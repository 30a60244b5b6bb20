import { BANLI_EVENT_TYPES, type Bilingual } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { caseMachine } from '../src/case/machine.js';
import { deadlineKindMeta } from '../src/deadlines.js';
import { eventMeta, notificationMeta } from '../src/meta.js';
import { proposalMachine } from '../src/proposal/machine.js';
import type { StateMeta } from '../src/stateMeta.js';
import { tagMeta } from '../src/tags.js';

const han = /\p{Script=Han}/u;
const labelProblems = (where: string, label: Partial<Bilingual> | undefined) => {
  const out: string[] = [];
  if (!label?.['zh-CN'] || !han.test(label['zh-CN'])) out.push(`${where}: zh-CN`);
  if (!label?.en || han.test(label.en)) out.push(`${where}: en`);
  return out;
};

const nodesOf = (n: AnyStateNode): AnyStateNode[] => [
  n,
  ...(Object.values(n.states) as AnyStateNode[]).flatMap(nodesOf),
];
const eventTypesOf = (m: AnyStateMachine) => new Set(nodesOf(m.root).flatMap((n) => [...n.transitions.keys()]));

describe('meta', () => {
  it.each([
    ['proposalMachine', proposalMachine],
    ['caseMachine', caseMachine],
  ] as const)('should label every state of %s in zh-CN and en', (_name, machine) => {
    const problems = nodesOf(machine.root).flatMap((n) =>
      labelProblems(n.id, (n.meta as StateMeta | undefined)?.label),
    );
    expect(problems).toEqual([]);
  });

  it('should label every event in zh-CN and en', () => {
    const problems = Object.entries(eventMeta).flatMap(([type, m]) => [
      ...labelProblems(type, m.label),
      ...(m.description['zh-CN'] && m.description.en ? [] : [`${type} description`]),
    ]);
    expect(problems).toEqual([]);
  });

  it('should key eventMeta by exactly the events the machines handle', () => {
    const handled = new Set([...eventTypesOf(proposalMachine), ...eventTypesOf(caseMachine)]);
    expect(Object.keys(eventMeta).sort()).toEqual([...handled].sort());
    expect(Object.keys(eventMeta).sort()).toEqual([...BANLI_EVENT_TYPES].sort());
  });

  it('should mark routing facts of the events', () => {
    expect(eventMeta['deadline.elapsed']).toMatchObject({ machine: 'both', internal: true });
    expect(eventMeta['case.replied']).toMatchObject({ machine: 'proposal', internal: true });
    expect(eventMeta['feedback.submit']).toMatchObject({ machine: 'case', internal: false });
  });

  it('should label every notification, tag and deadline kind in zh-CN and en', () => {
    const problems = [
      ...Object.entries(notificationMeta).flatMap(([k, m]) => labelProblems(k, m.label)),
      ...Object.entries(tagMeta).flatMap(([k, m]) => labelProblems(k, m.label)),
      ...Object.entries(deadlineKindMeta).flatMap(([k, m]) => labelProblems(k, m.label)),
    ];
    expect(problems).toEqual([]);
  });
});
