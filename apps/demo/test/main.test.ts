import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, displayWidth } from './support.js';

const seedLetter = readFileSync(
  new URL('../../../packages/schemas/test/fixtures/zhongshan-commerce-reply-132402.txt', import.meta.url),
  'utf8',
);
const squash = (s: string) => s.replace(/\s+/g, '');

describe('banli-demo (default command)', () => {
  const run = cli();

  it('should exit 0 and print the timeline of the seed case in zh-CN', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^2023-03-15 +交办机关 +交办 \(assignment\.assign\)\n {12}提案：已交办$/m);
    expect(run.stdout).toMatch(/^ +期限：.*答复期限 2023-06-30/m);
    expect(run.stdout).toMatch(
      /^2023-06-30 +单位领导·市商务局 +签发 \(signOff\.approve\)\n {12}提案：已答复 +办件：待反馈$/m,
    );
    expect(run.stdout).toMatch(/^2023-07-20 +政协提案委 +归档 \(proposal\.archive\)\n {12}提案：已归档$/m);
  });

  it('should end with the seed letter followed by the statistics of this case', () => {
    const letterStart = run.stdout.indexOf('答复函 中商务电函〔2023〕12号');
    const statsStart = run.stdout.indexOf('本件统计');
    expect(letterStart).toBeGreaterThan(0);
    const letter = run.stdout.slice(letterStart, statsStart).split('\n').slice(2, -2).join('\n');
    expect(squash(letter)).toBe(squash(seedLetter));
    expect(run.stdout.slice(statsStart)).toMatch(/按时办复率: 100\.0% \(1\/1\)/);
  });

  it('should print English labels with --lang en', () => {
    const en = cli('--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(
      /^2023-03-01 +proposals committee +Register \(review\.register\)\n {12}proposal: Registered$/m,
    );
    expect(en.stdout).toContain('on-time rate: 100.0% (1/1)');
  });

  it('should fit every timeline line in 100 columns, in zh-CN and en (they were 127–160)', () => {
    for (const r of [run, cli('--lang', 'en')]) {
      const timeline = r.stdout.split('═'.repeat(72))[2] as string;
      expect(timeline.split('\n').length).toBeGreaterThan(40);
      for (const line of timeline.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
    }
  });
});

describe('banli-demo --help', () => {
  it('should describe every command and the global options, in the language of --lang wherever it stands', () => {
    const zh = cli('--help');
    expect(zh.code).toBe(0);
    for (const name of ['seed', 'simulate', 'paths', 'chart', 'list', 'show'])
      expect(zh.stdout).toMatch(new RegExp(`^ {2}${name} +\\S`, 'm'));
    expect(zh.stdout).toMatch(/^ {2}--lang zh-CN\|en +输出语言.*（默认 zh-CN）$/m);
    const en = cli('--help', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^ {2}simulate +a simulated year of proposals/m);
    expect(cli('--lang=en', '-h').stdout).toBe(en.stdout);
  });

  it("should print a command's options with their defaults, options before or after the command", () => {
    const a = cli('simulate', '--help', '--lang', 'en');
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^ {2}--proposals N +number of proposals \(1–1000000\) \(default 1000\)$/m);
    expect(a.stdout).toMatch(/^ {2}--seed N +random seed \(default 7\)$/m);
    expect(a.stdout).toMatch(/^ {2}--policy preset +.*\(default guangdongCity\)$/m);
    expect(a.stdout).toMatch(/^ {2}--year YYYY +year \(2015–2026, the years the calendar covers;.*\(default 2025\)$/m);
    expect(a.stdout).toMatch(/^ {2}--create +/m);
    expect(cli('--lang', 'en', '--help', 'simulate').stdout).toBe(a.stdout);
    expect(cli('show', '--help').stdout).toMatch(/^用法：banli-demo show <提案编号>/m);
  });
});

describe('banli-demo (bad arguments)', () => {
  it.each([
    [['frobnicate'], /unknown command|未知命令/],
    [['--lang', 'fr'], /--lang/],
    [['simulate', '--proposals', 'many'], /--proposals/],
    [['--proposals', '5'], /--proposals/],
    [['simulate', '--policy', 'mars'], /mars/],
    [['simulate', '--year', '2027'], /--year 须在 2015–2026 之间（日历 cn-mainland 覆盖的年份）/],
    [['simulate', '--lang', 'en', '--year', '2014'], /--year must be in 2015–2026 \(the years calendar/],
    [['paths', '--store', 'x'], /--store 不适用于命令 paths/],
    [['simulate', '--nope'], /未知选项 “--nope”/],
    [['simulate', '--seed'], /--seed 缺少值/],
    [['show', 'a', 'b', '--store', '.'], /多余的参数 “b”/],
    [['--lang', 'en', 'chart', '--create'], /^error: option --create does not apply to chart$/],
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
