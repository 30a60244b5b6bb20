import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './support.js';

const tmp = mkdtempSync(join(tmpdir(), 'banli-demo-store-'));
const dir = join(tmp, 'store');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('banli-demo --store', () => {
  it('should keep the seed case in PGlite (made with --create) so a second run can list and show it', () => {
    const first = cli('--store', dir, '--create', '--lang', 'en');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^2023-07-20 +proposals committee +Archive \(proposal\.archive\)\n {12}proposal: Archived$/m,
    );

    const list = cli('list', '--store', dir);
    expect(list.code).toBe(0);
    // Unit names, not ids (the seed case's lead unit and its six co-units).
    expect(list.stdout).toMatch(/^zs-cppcc-13-2-132402 +已归档 +市商务局、市委网信办、/m);
    expect(list.stdout).not.toMatch(/zs-commerce/);
    expect(cli('--lang', 'en', 'list', '--store', dir).stdout).toMatch(
      /^zs-cppcc-13-2-132402 +Archived +Zhongshan Municipal Bureau of Commerce, /m,
    );

    const show = cli('show', 'zs-cppcc-13-2-132402', '--store', dir);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(
      /^2023-06-30 +单位领导·市商务局 +签发 \(signOff\.approve\)\n {12}提案：已答复 +办件：待反馈$/m,
    );
    expect(show.stdout).toContain('中商务电函〔2023〕12号');

    const again = cli('--store', dir);
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe('提案 zs-cppcc-13-2-132402 已在存储中，显示已保存的记录：');
  }, 300_000);

  it('should refuse list and show without a store, and show without an id', () => {
    expect(cli('list').code).toBe(2);
    expect(cli('show', '--store', dir).stderr).toMatch(/show 需要 提案编号/);
  });

  it('should refuse a missing store directory unless --create is given, and create nothing', () => {
    const missing = join(tmp, 'no', 'such', 'dir');
    const list = cli('list', '--store', missing);
    expect(list.code).toBe(2);
    expect(list.stdout).toBe('');
    expect(list.stderr).toBe(
      `错误：存储目录 ${missing} 不存在（seed 或 simulate 加 --store ${missing} --create 可新建存储）\n`,
    );
    const seed = cli('--store', missing, '--lang', 'en');
    expect(seed.code).toBe(2);
    expect(seed.stderr).toBe(`error: no store directory ${missing}; add --create to make a new store\n`);
    expect(cli('show', 'x', '--store', missing).code).toBe(2);
    expect(existsSync(join(tmp, 'no'))).toBe(false);
  });

  it('should refuse a --store that is a file with a message, not [object Object]', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'not a store');
    for (const args of [
      ['list', '--store', file],
      ['--store', file, '--create'],
    ]) {
      const r = cli(...args, '--lang', 'en');
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`error: --store must be a directory, and ${file} is not one\n`);
    }
  });
});
