import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExample, tsBlocks } from '../../schemas/test/support/readmeExample.js';
import * as calendar from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const modules = { '@banli/calendar': calendar };
const notice2024 = readFileSync(new URL('./fixtures/notices/2024.txt', import.meta.url), 'utf8');

describe('README examples', () => {
  const [example, notice, own, ...rest] = tsBlocks(readme);

  it('should have its three examples, each run below', () => {
    expect([example, notice, own].every((b) => b !== undefined)).toBe(true);
    expect(rest).toEqual([]);
  });

  it('should run its first example as written, giving the values it shows and printing its output', async () => {
    const run = await runExample(example ?? '', { modules });
    expect(run.values.map((v) => v.code)).toHaveLength(4);
    for (const v of run.values) expect(v.actual, v.code).toEqual(v.shown);
    const output = readme.split('Output (real):\n\n```text\n')[1]?.split('```')[0];
    expect(`${run.printed.join('\n\n')}\n`).toBe(output);
  });

  it('should read a notice and add its year as shown', async () => {
    await runExample(notice ?? '', { modules, globals: { text: notice2024 } });
  });

  it('should extend and compare calendars as shown', async () => {
    const deadline = { id: 'd1', rule: { kind: 'workingDays', days: 15 }, start: '2024-09-20', due: '2024-10-17' };
    await runExample(own ?? '', { modules, globals: { inFlightDeadlines: [deadline] } });
  });
});
