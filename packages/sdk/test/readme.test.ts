import { readFileSync } from 'node:fs';
import { caseMachine } from '@banli/core';
import { seedAssignment132402 as assignment, seedProposal132402 as proposal } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { createBanli, formatRoleTable, systemFactory } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const rootReadme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The root README's example as runnable JavaScript: imports become parameters, `as const` goes. */
function rootExample(): string {
  const block = rootReadme.split('## Example')[1]?.split('```ts\n')[1]?.split('```')[0] ?? '';
  return block
    .split('\n')
    .filter((line) => !line.startsWith('import '))
    .join('\n')
    .replaceAll(' as const', '');
}

describe('README', () => {
  it('should print the role table generated from ROLE_MATRIX', () => {
    const table = readme.split('<!-- role-table:start -->\n')[1]?.split('\n<!-- role-table:end -->')[0];
    expect(table).toBe(formatRoleTable());
  });

  it("should run the root README's example as written, its dates in order", async () => {
    const code = rootExample();
    const dates = [...code.matchAll(/at: '(\d{4}-\d{2}-\d{2})'/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThanOrEqual(5);
    expect(dates).toEqual([...dates].sort());
    const printed: unknown[][] = [];
    const log = { log: (...args: unknown[]) => printed.push(args) };
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...values: unknown[]) => Promise<void>;
    const run = new AsyncFunction('createBanli', 'proposal', 'assignment', 'console', code);
    await run(createBanli, proposal, assignment, log);
    expect(printed.map((p) => p[0])).toContain('reply');
  });

  it('should show what stats() returns in its engine example', () => {
    const block = readme.split('## Engine')[1]?.split('```ts\n')[1]?.split('```')[0] ?? '';
    const shown = /banli\.stats\(\); \/\/ (.*)/.exec(block)?.[1] ?? '';
    const banli = createBanli({ createSystem: systemFactory({ caseMachine }), onFallback: () => {} });
    expect(banli.stats()).toEqual(JSON.parse(shown.replace(/(\w+):/g, '"$1":').replaceAll("'", '"')));
  });

  it('should run its embedding example', async () => {
    const banli = createBanli();
    const seen: string[] = [];
    banli.subscribe(
      (n) => {
        seen.push(n.type);
      },
      ['reply.issued', 'deadline.missed', 'reminder.due'],
    );
    const committee = { role: 'committee', id: 'cppcc-office' } as const;
    const office = { role: 'assigningOffice', id: 'gov-office', unitId: 'zs-government-office' } as const;
    const lead = { role: 'leadUnit', id: 'clerk', unitId: 'zs-commerce' } as const;
    await banli.submit(proposal, { actor: { role: 'proposer', id: 'member-liang-xiaoheng' } });
    await banli.send(proposal.id, { type: 'review.start' }, { actor: committee });
    await banli.send(proposal.id, { type: 'review.register' }, { actor: committee });
    const { version } = await banli.send(proposal.id, { type: 'assignment.assign', assignment }, { actor: office });
    const caseId = `${proposal.id}/zs-commerce`;
    const accepted = await banli.send(
      proposal.id,
      { type: 'case.accept', caseId },
      { actor: lead, expectedVersion: version, idempotencyKey: 'accept-1' },
    );
    expect(accepted.version).toBe(version + 1);
    const deadlines = await banli.deadlines(proposal.id);
    expect(deadlines.map((d) => d.kind)).toContain('reply');
    expect(Array.isArray(await banli.query({ unitId: 'zs-commerce', dueWithinWorkingDays: 10 }))).toBe(true);
    expect((await banli.tick()).now).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
