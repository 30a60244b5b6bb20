import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError, UsageError } from '../src/cli/errors.js';
import { loadCommands } from '../src/cli/load.js';
import { parseCommandLine } from '../src/cli/parse.js';

const commands = await loadCommands(new URL('../src/commands/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'banli-demo-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function refusal(argv: string[]): UsageError {
  try {
    parseCommandLine(argv, commands);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`accepted ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  it('should find every command file in src/commands, the default first', () => {
    expect(commands.map((c) => c.name)).toEqual([
      'seed',
      'simulate',
      'paths',
      'chart',
      'list',
      'show',
      'calendar add',
      'letter read',
    ]);
    expect(commands[0]?.isDefault).toBe(true);
  });

  it('should take options in any order, before or after the command, with = or a separate value', () => {
    const a = parseCommandLine(['--lang', 'en', 'simulate', '--seed=3', '--proposals', '9'], commands);
    const b = parseCommandLine(['simulate', '--proposals=9', '--lang=en', '--seed', '3'], commands);
    expect(a).toEqual(b);
    expect(a).toMatchObject({
      kind: 'run',
      lang: 'en',
      options: { seed: 3, proposals: 9, year: 2025, policy: 'guangdongCity', create: false },
    });
  });

  it('should apply the defaults and run the default command without a name', () => {
    const r = parseCommandLine([], commands);
    expect(r).toMatchObject({ kind: 'run', lang: 'zh-CN', options: { create: false, store: undefined } });
    expect(r.kind === 'run' && r.command.name).toBe('seed');
  });

  it('should refuse with a typed UsageError in both languages', () => {
    const e = refusal(['simulate', '--proposals', '0']);
    expect(e).toBeInstanceOf(CliError);
    expect(e.code).toBe('USAGE');
    expect(e.exitCode).toBe(2);
    expect(e.messages).toEqual({
      'zh-CN': '--proposals 须为 1–1000000 之间的整数，收到 “0”',
      en: '--proposals must be an integer in 1–1000000, got "0"',
    });
    expect(refusal(['simulate', '--create=yes']).messages.en).toBe('option --create takes no value');
    expect(refusal(['list', '--seed', '1']).messages.en).toBe('option --seed does not apply to list');
    expect(refusal(['nope']).messages['zh-CN']).toBe('未知命令 “nope”');
  });

  it('should make a new subcommand out of one new file in the commands folder', async () => {
    const dir = join(tmp, 'commands');
    rmSync(dir, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'calendar-add.js'),
      `export default {
        name: 'calendar add',
        summary: { 'zh-CN': '加一年', en: 'add a year' },
        positionals: [{ name: { 'zh-CN': '文件', en: 'file' }, description: { 'zh-CN': '通知', en: 'notice' }, required: true }],
        options: { dry: { type: 'boolean', description: { 'zh-CN': '试运行', en: 'dry run' } } },
        run: ({ options, positionals }) => (options.dry ? 0 : positionals.length),
      };`,
    );
    const loaded = await loadCommands(new URL(`${pathToFileURL(dir).href}/`));
    const parsed = parseCommandLine(['calendar', 'add', 'notice.txt', '--dry'], loaded);
    expect(parsed.kind === 'run' && parsed.command.name).toBe('calendar add');
    expect(parsed).toMatchObject({ positionals: ['notice.txt'], options: { dry: true } });
    expect(parseCommandLine(['calendar', 'add', '--help'], loaded)).toMatchObject({ kind: 'help' });
  });
});
