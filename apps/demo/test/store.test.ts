import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'banli-demo-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('banli-demo --store', () => {
  it('should keep the seed case in PGlite so a second run can list and show it', () => {
    const first = cli('--store', dir, '--lang', 'en');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^2023-07-20 +committee +Archive \(proposal\.archive\) +proposal: Archived$/m);

    const list = cli('list', '--store', dir);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^zs-cppcc-13-2-132402 +已归档 /m);

    const show = cli('show', 'zs-cppcc-13-2-132402', '--store', dir);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(
      /^2023-06-30 +单位领导·市商务局 +签发 \(signOff\.approve\) +提案：已答复 +案件：待反馈$/m,
    );
    expect(show.stdout).toContain('中商务电函〔2023〕12号');

    const again = cli('--store', dir);
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe('提案 zs-cppcc-13-2-132402 已在存储中，显示已保存的记录：');
  }, 300_000);

  it('should refuse list and show without a store, and show without an id', () => {
    expect(cli('list').code).toBe(2);
    expect(cli('show', '--store', dir).stderr).toMatch(/show 需要提案编号/);
  });
});
