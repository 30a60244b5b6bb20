import { readFileSync } from 'node:fs';
import * as calendar from '@banli/calendar';
import { chinaMainland } from '@banli/calendar';
import * as fixtures from '@banli/schemas/fixtures';
import { seedAssignment132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { runExample, tsBlocks } from '../../schemas/test/support/readmeExample.js';
import * as core from '../src/index.js';
import {
  caseIdFor,
  caseMachine,
  createHandlingSystem,
  type Notification,
  openDeadlines,
  presets,
  proposalMachine,
  toMermaid,
} from '../src/index.js';

describe('README embedding example', () => {
  it('should run as written, showing the summary it shows', async () => {
    const [code = ''] = tsBlocks(
      readFileSync(new URL('../README.md', import.meta.url), 'utf8'),
      '## Embedding example',
    );
    const modules = { '@banli/calendar': calendar, '@banli/schemas/fixtures': fixtures, '@banli/core': core };
    const run = await runExample(code, { modules });
    expect(run.values.map((v) => v.code)).toEqual(['system.summary(state).value']);
    for (const v of run.values) expect(v.actual).toEqual(v.shown);
    expect(run.printed).toContain('case.opened');
  });

  // The dates the example's comment names (prose, so not read by the run above), on the same steps.
  it('should run as documented', () => {
    const system = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland });
    let state = system.start({ proposal: seedProposal132402, at: '2023-02-20' });
    const seen: Notification['type'][] = [];
    const send = (event: Parameters<typeof system.send>[1]) => {
      const result = system.send(state, event);
      state = result.state;
      for (const n of result.emitted) seen.push(n.type);
    };
    send({ type: 'proposal.submit', at: '2023-02-20' });
    send({ type: 'review.start', at: '2023-02-21' });
    send({ type: 'review.register', at: '2023-03-01' });
    send({ type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment132402 });
    const caseId = caseIdFor(seedProposal132402.id, 'zs-commerce');
    send({ type: 'case.accept', at: '2023-03-16', caseId });
    expect(openDeadlines(state).map((d) => [d.kind, d.due])).toEqual([
      ['firstContact', '2023-04-06'],
      ...Array.from({ length: 6 }, () => ['coOpinion', '2023-04-17']),
      ['reply', '2023-06-30'],
    ]);
    expect(system.summary(state).value).toEqual({ lifecycle: 'inHandling', timeliness: 'onTime' });
    expect(seen).toContain('case.opened');
  });
});

// The README's two state diagrams are toMermaid's output; they had drifted (a missing guard, `not(...)` drawn as its
// opposite).
describe('README state diagrams', () => {
  it('should print exactly what toMermaid draws for both machines', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toEqual([toMermaid(proposalMachine), toMermaid(caseMachine)]);
  });
});
