import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './support.js';

const seedLetter = readFileSync(
  new URL('../../../packages/schemas/test/fixtures/zhongshan-commerce-reply-132402.txt', import.meta.url),
  'utf8',
);
const squash = (s: string) => s.replace(/\s+/g, '');

describe('banli-demo (default command)', () => {
  const run = cli();

  it('should exit 0 and print the timeline of the seed case in zh-CN', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^2023-03-15 +交办机关 +交办 \(assignment\.assign\) +提案：已交办$/m);
    expect(run.stdout).toMatch(/^ +期限：.*答复期限 2023-06-30/m);
    expect(run.stdout).toMatch(
      /^2023-06-30 +单位领导·市商务局 +签发 \(signOff\.approve\) +提案：已答复 +案件：待反馈$/m,
    );
    expect(run.stdout).toMatch(/^2023-07-20 +提案委员会 +归档 \(proposal\.archive\) +提案：已归档$/m);
  });

  it('should end with the seed letter followed by the statistics of this case', () => {
    const letterStart = run.stdout.indexOf('答复函 中商务电函〔2023〕12号');
    const statsStart = run.stdout.indexOf('本案统计');
    expect(letterStart).toBeGreaterThan(0);
    const letter = run.stdout.slice(letterStart, statsStart).split('\n').slice(2, -2).join('\n');
    expect(squash(letter)).toBe(squash(seedLetter));
    expect(run.stdout.slice(statsStart)).toMatch(/按时办复率: 100\.0% \(1\/1\)/);
  });

  it('should print English labels with --lang en', () => {
    const en = cli('--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^2023-03-01 +committee +Register \(review\.register\) +proposal: Registered$/m);
    expect(en.stdout).toContain('on-time rate: 100.0% (1/1)');
  });
});

describe('banli-demo (bad arguments)', () => {
  it.each([
    [['frobnicate'], /unknown command|未知命令/],
    [['--lang', 'fr'], /--lang/],
    [['simulate', '--proposals', 'many'], /--proposals/],
    [['--proposals', '5'], /--proposals/],
    [['simulate', '--policy', 'mars'], /mars/],
  ])('should refuse %j with one line plus usage and exit code 2', (args, pattern) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(pattern);
    expect(lines[1]).toMatch(/banli-demo/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
