import { describe, expect, it } from 'vitest';
import { mergeReport, parseTargetRows, type RunMeta, type Section, splitBlocks } from '../src/report.js';
import { durabilityLabel } from '../src/sections/stores.js';
import { outputsFor } from '../src/suite.js';

const env = { date: '2026-12-05T18:00:00.000Z', machine: '2 × test CPU', node: 'v20', packages: 'x 1' };
const meta: RunMeta = { date: env.date, quick: false, load: '0.10 / 0.20 / 0.30', node: 'v20', commit: 'abc1234' };

const section = (n: number, name: string, figure: string): Section => ({
  title: `${n}. ${name}`,
  intro: `${name} intro`,
  header: ['what', 'figure'],
  rows: [[name, figure]],
  targets: [{ name: `${name} target`, measured: figure, target: '≥ 1', met: true }],
});

// A report as the old writer left it: four-column targets table, sections 1, 3, 7 (hand-written) and 8.
const legacy = [
  '# banli benchmarks',
  '',
  'Old preamble.',
  '',
  '## Targets',
  '',
  '| target | measured | goal |  |',
  '| --- | --- | --- | --- |',
  '| SDK send ÷ bare actor.send | 0.380× | ≥ 1.0× | ❌ missed |',
  '| zod share of a command (compiled, as the SDK uses it) | 4.2% | < 10% | ✅ met |',
  '| validation of a 20.6 KB letter ÷ the command carrying it (CPU) | 18.7% | < 10% | ❌ missed |',
  '',
  '## 1. Event throughput',
  '',
  'old throughput',
  '',
  '## 3. Validation',
  '',
  'old validation',
  '',
  '## 7. HTTP service',
  '',
  'hand-written HTTP figures',
  '',
  '## 8. Letters',
  '',
  'old letters',
  '',
].join('\n');

describe('mergeReport', () => {
  it('should replace only the measured section and keep every other one (the --only fix)', () => {
    const doc = mergeReport(legacy, [section(3, 'Command shares', '9.0%')], meta, env);
    const titles = splitBlocks(doc).blocks.map((b) => b.heading);
    expect(titles).toEqual(['Targets', '1. Event throughput', '3. Command shares', '7. HTTP service', '8. Letters']);
    expect(doc).toContain('old throughput');
    expect(doc).toContain('hand-written HTTP figures');
    expect(doc).toContain('old letters');
    expect(doc).not.toContain('old validation');
    expect(doc).toContain('Command shares intro');
  });

  it("should keep the other sections' targets and replace the measured section's", () => {
    const doc = mergeReport(legacy, [section(3, 'Command shares', '9.0%')], meta, env);
    const targets = splitBlocks(doc).blocks.find((b) => b.heading === 'Targets')?.text ?? '';
    const rows = parseTargetRows(targets);
    expect(rows.map((r) => [r.section, r.cells[0]])).toEqual([
      [1, 'SDK send ÷ bare actor.send'],
      [3, 'Command shares target'],
      [8, 'validation of a 20.6 KB letter ÷ the command carrying it (CPU)'],
    ]);
    expect(targets).not.toContain('zod share of a command (compiled');
  });

  it('should say under each measured heading when and how it was measured, and leave kept sections as they were', () => {
    const once = mergeReport(undefined, [section(1, 'Event throughput', '1.0×')], meta, env);
    const later = { ...meta, date: '2026-12-06T09:00:00.000Z', quick: true };
    const twice = mergeReport(once, [section(6, 'Calendar', '5 M/s')], later, env);
    expect(twice).toContain('## 1. Event throughput\n\n_Measured 2026-12-05T18:00:00.000Z (full sizes)');
    expect(twice).toContain('## 6. Calendar\n\n_Measured 2026-12-06T09:00:00.000Z (quick run');
    expect(twice).toContain('commit abc1234');
    // A quick run's target says so in the targets table too; the full run's does not.
    expect(twice).toContain('| 6 | Calendar target | 5 M/s (quick run) |');
    expect(twice).toContain('| 1 | Event throughput target | 1.0× |');
  });

  it('should insert new sections in number order and be stable when merged again with nothing new', () => {
    const doc = mergeReport(legacy, [section(2, 'Simulation scaling', '1.05×')], meta, env);
    expect(splitBlocks(doc).blocks.map((b) => b.heading)).toEqual([
      'Targets',
      '1. Event throughput',
      '2. Simulation scaling',
      '3. Validation',
      '7. HTTP service',
      '8. Letters',
    ]);
    expect(mergeReport(doc, [], meta, env)).toBe(doc);
  });
});

describe('outputsFor', () => {
  it('should write to the untracked results file unless --write-docs is given', () => {
    const plain = outputsFor(['--only=throughput'], {});
    expect(plain.reports).toHaveLength(1);
    expect(plain.reports[0]).toMatch(/apps\/bench\/results\/latest\.md$/u);
    expect(plain.json).toMatch(/apps\/bench\/results\/latest\.json$/u);
    const docs = outputsFor(['--write-docs'], {});
    expect(docs.reports.map((r) => r.replace(/.*\/(?=apps|docs)/u, ''))).toEqual([
      'apps/bench/results/latest.md',
      'docs/benchmarks.md',
    ]);
  });

  it('should let BENCH_OUT replace the results file', () => {
    expect(outputsFor([], { BENCH_OUT: '/tmp/x.md' })).toEqual({ reports: ['/tmp/x.md'], json: undefined });
  });
});

describe('durabilityLabel', () => {
  it('should call a PostgreSQL commit durable only with fsync on and synchronous_commit not off', () => {
    const on = { fsync: 'on', synchronous_commit: 'on', wal_sync_method: 'fdatasync' };
    expect(durabilityLabel(on)).toEqual({
      durable: true,
      label: 'durable: fsync on, synchronous_commit on, wal_sync_method fdatasync',
    });
    expect(durabilityLabel({ ...on, fsync: 'off' }).label).toMatch(/^NOT durable: fsync off/u);
    expect(durabilityLabel({ ...on, synchronous_commit: 'off' }).durable).toBe(false);
    expect(durabilityLabel({ ...on, synchronous_commit: 'local' }).durable).toBe(true);
  });
});
