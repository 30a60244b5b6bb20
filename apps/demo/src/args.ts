import { presets } from '@banli/core';
import type { Lang } from './i18n.js';

/** A bad command line; printed as one line plus the usage, exit code 2. */
export class UsageError extends Error {
  /** The stable error code. */
  readonly code = 'USAGE';
  /** The message in both locales. */
  readonly messages: { 'zh-CN': string; en: string };

  constructor(messages: { 'zh-CN': string; en: string }) {
    super(messages.en);
    this.name = 'UsageError';
    this.messages = messages;
  }
}

/** The parsed command line. */
export interface CliArgs {
  command: 'seed' | 'simulate' | 'paths' | 'chart' | 'list' | 'show' | 'help';
  /** A PGlite data directory, for `--store`. */
  store?: string;
  /** The proposal id of `show`. */
  id?: string;
  lang: Lang;
  proposals: number;
  seed: number;
  policy: keyof typeof presets;
  year: number;
}

const COMMANDS = ['seed', 'simulate', 'paths', 'chart', 'list', 'show', 'help'] as const;
const FLAGS: Record<string, CliArgs['command'][]> = {
  '--lang': ['seed', 'simulate', 'paths', 'chart', 'list', 'show', 'help'],
  '--store': ['seed', 'simulate', 'list', 'show'],
  '--proposals': ['simulate'],
  '--seed': ['simulate'],
  '--policy': ['simulate'],
  '--year': ['simulate'],
};

const bad = (zh: string, en: string) => new UsageError({ 'zh-CN': zh, en });

function integer(flag: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max)
    throw bad(
      `${flag} 须为 ${min}–${max} 之间的整数，收到 “${raw}”`,
      `${flag} must be an integer in ${min}–${max}, got "${raw}"`,
    );
  return n;
}

/** Parses argv (without node and the script); throws `UsageError` on anything it does not understand. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    command: 'seed',
    lang: 'zh-CN',
    proposals: 1000,
    seed: 7,
    policy: 'guangdongCity',
    year: 2025,
  };
  let command: string | undefined;
  const used: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--help' || token === '-h') {
      args.command = 'help';
      return args;
    }
    if (!token.startsWith('-')) {
      if (command === 'show' && args.id === undefined) {
        args.id = token;
        continue;
      }
      if (command !== undefined) throw bad(`多余的参数 “${token}”`, `unexpected argument "${token}"`);
      if (!(COMMANDS as readonly string[]).includes(token))
        throw bad(`未知命令 “${token}”`, `unknown command "${token}"`);
      command = token;
      continue;
    }
    const [flag, inline] = token.split('=', 2) as [string, string | undefined];
    if (!(flag in FLAGS)) throw bad(`未知选项 “${flag}”`, `unknown option "${flag}"`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw bad(`选项 ${flag} 缺少值`, `option ${flag} needs a value`);
    if (flag === '--lang') {
      if (value !== 'zh-CN' && value !== 'en')
        throw bad(`--lang 须为 zh-CN 或 en，收到 “${value}”`, `--lang must be zh-CN or en, got "${value}"`);
      args.lang = value;
    } else if (flag === '--proposals') args.proposals = integer(flag, value, 1, 1_000_000);
    else if (flag === '--seed') args.seed = integer(flag, value, 0, 4_294_967_295);
    else if (flag === '--store') args.store = value;
    else if (flag === '--year') args.year = integer(flag, value, 2015, 2025);
    else if (flag === '--policy') {
      if (!(value in presets))
        throw bad(
          `未知政策预设 “${value}”（可选：${Object.keys(presets).join('、')}）`,
          `unknown policy preset "${value}" (one of: ${Object.keys(presets).join(', ')})`,
        );
      args.policy = value as CliArgs['policy'];
    }
    used.push(flag);
  }
  args.command = (command ?? 'seed') as CliArgs['command'];
  if ((args.command === 'list' || args.command === 'show') && args.store === undefined)
    throw bad(`命令 ${args.command} 需要 --store <目录>`, `${args.command} needs --store <dir>`);
  if (args.command === 'show' && args.id === undefined) throw bad('show 需要提案编号', 'show needs a proposal id');
  for (const flag of used)
    if (!FLAGS[flag]?.includes(args.command))
      throw bad(`选项 ${flag} 不适用于命令 ${args.command}`, `option ${flag} does not apply to ${args.command}`);
  return args;
}
