import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../i18n.js';
import type { Command, OptionSpec } from './command.js';
import { usage } from './errors.js';

/** The options every command takes. */
export const globalOptions = {
  lang: {
    type: 'string',
    value: { 'zh-CN': 'zh-CN|en', en: 'zh-CN|en' },
    description: { 'zh-CN': '输出语言（答复函始终为中文）', en: 'output language (the reply letter stays Chinese)' },
    default: 'zh-CN' as Lang,
    parse: (raw: string): Lang => {
      if (raw !== 'zh-CN' && raw !== 'en')
        throw usage(`--lang 须为 zh-CN 或 en，收到 “${raw}”`, `--lang must be zh-CN or en, got "${raw}"`);
      return raw;
    },
  },
  help: {
    type: 'boolean',
    description: {
      'zh-CN': '显示帮助（命令后加 --help 显示该命令的选项）',
      en: 'show help (after a command: its options)',
    },
  },
} satisfies Record<string, OptionSpec>;

/** The result of parsing a command line. */
export type ParsedCommandLine =
  | { kind: 'help'; lang: Lang; command?: Command }
  | { kind: 'run'; lang: Lang; command: Command; options: Record<string, unknown>; positionals: string[] };

type NodeOptions = NonNullable<ParseArgsConfig['options']>;

function nodeOptions(specs: Record<string, OptionSpec>): NodeOptions {
  const out: NodeOptions = {};
  for (const [name, spec] of Object.entries(specs))
    out[name] = { type: spec.type, ...(name === 'help' ? { short: 'h' } : {}) };
  return out;
}

/** Reads `--lang` leniently (before the strict parse), so errors and help speak the requested language. */
export function langHint(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value === 'en' || value === 'zh-CN') return value;
  }
  return 'zh-CN';
}

/** The command whose name matches the leading positionals (the longest match), and how many words it used. */
function findCommand(commands: readonly Command[], positionals: readonly string[]): [Command, number] | undefined {
  let best: [Command, number] | undefined;
  for (const c of commands) {
    const words = c.name.split(' ');
    if (words.every((w, i) => positionals[i] === w) && (!best || words.length > best[1])) best = [c, words.length];
  }
  return best;
}

/** The option named in one of `util.parseArgs`'s error messages, e.g. `--foo` in "Unknown option '--foo'". */
const optionIn = (message: string) => /'(-{1,2}[^' =]+)/.exec(message)?.[1] ?? message;

/**
 * Parses argv (without node and the script) against the commands: the command by its name words (anywhere among
 * the positionals' start; options may come before or after), then its options strictly with `util.parseArgs`.
 * Throws `UsageError` with zh-CN and en messages on anything it does not understand.
 */
export function parseCommandLine(argv: readonly string[], commands: readonly Command[]): ParsedCommandLine {
  const all: Record<string, OptionSpec> = { ...globalOptions };
  for (const c of commands) Object.assign(all, c.options);
  // A lenient pass with every option known finds the positionals, hence the command.
  const loose = nodeParseArgs({ args: [...argv], options: nodeOptions(all), strict: false, allowPositionals: true });
  const found = findCommand(commands, loose.positionals);
  const fallback = commands.find((c) => c.isDefault);
  if (!found && loose.positionals.length > 0 && !loose.values.help) {
    const name = loose.positionals[0] as string;
    throw usage(`未知命令 “${name}”`, `unknown command "${name}"`);
  }
  const command = found?.[0] ?? fallback;
  if (!command) throw usage('缺少命令', 'no command given');
  const specs: Record<string, OptionSpec> = { ...globalOptions, ...command.options };
  let strict: ReturnType<typeof nodeParseArgs>;
  try {
    strict = nodeParseArgs({ args: [...argv], options: nodeOptions(specs), strict: true, allowPositionals: true });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const flag = optionIn(e.message);
    const name = flag.replace(/^-+/, '');
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && name in all)
      throw usage(
        `选项 ${flag} 不适用于命令 ${command.name}`,
        `option ${flag} does not apply to ${command.name}`,
        command.name,
      );
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw usage(`未知选项 “${flag}”`, `unknown option "${flag}"`, command.name);
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw usage(
        specs[name]?.type === 'boolean' ? `选项 ${flag} 不带值` : `选项 ${flag} 缺少值`,
        specs[name]?.type === 'boolean' ? `option ${flag} takes no value` : `option ${flag} needs a value`,
        command.name,
      );
    throw error;
  }
  const raw = strict.values as Record<string, string | boolean | undefined>;
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = raw[name];
    if (value === undefined) options[name] = spec.default ?? (spec.type === 'boolean' ? false : undefined);
    else if (typeof value === 'string') {
      if (value === '') throw usage(`选项 --${name} 缺少值`, `option --${name} needs a value`, command.name);
      options[name] = spec.parse ? spec.parse(value) : value;
    } else options[name] = value;
  }
  const parsedLang = options.lang as Lang;
  if (options.help) return found ? { kind: 'help', lang: parsedLang, command } : { kind: 'help', lang: parsedLang };
  const positionals = strict.positionals.slice(found ? command.name.split(' ').length : 0);
  const expected = command.positionals ?? [];
  const missing = expected.slice(positionals.length).find((p) => p.required);
  if (missing)
    throw usage(
      `${command.name} 需要 ${missing.name['zh-CN']}`,
      `${command.name} needs ${missing.name.en}`,
      command.name,
    );
  const extra = positionals[expected.length];
  if (extra !== undefined) throw usage(`多余的参数 “${extra}”`, `unexpected argument "${extra}"`, command.name);
  return { kind: 'run', lang: parsedLang, command, options, positionals };
}
