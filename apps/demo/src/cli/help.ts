import type { Lang } from '../i18n.js';
import { displayWidth, pad } from '../ui/text.js';
import type { Command, OptionSpec } from './command.js';
import { globalOptions } from './parse.js';

const BIN = 'banli-demo';

const T = {
  'zh-CN': {
    intro: 'banli 演示：经 @banli/sdk 办理种子提案、模拟一年的提案、查看状态机覆盖率与状态图、使用 PGlite 存储。',
    usage: '用法',
    commands: '命令',
    options: '选项',
    globalOptions: '通用选项',
    arguments: '参数',
    examples: '示例',
    defaultCommand: '（默认）',
    defaultValue: (v: string) => `（默认 ${v}）`,
    more: `运行 ${BIN} <命令> --help 查看该命令的选项。`,
    seeHelp: (cmd: string) => `（${BIN} ${cmd}--help 查看说明）`,
    command: '命令',
    option: '选项',
  },
  en: {
    intro:
      'banli demo: the seed proposal through @banli/sdk, a simulated year, state-machine coverage and charts, a PGlite store.',
    usage: 'usage',
    commands: 'commands',
    options: 'options',
    globalOptions: 'global options',
    arguments: 'arguments',
    examples: 'examples',
    defaultCommand: ' (default)',
    defaultValue: (v: string) => ` (default ${v})`,
    more: `Run ${BIN} <command> --help for a command's options.`,
    seeHelp: (cmd: string) => ` (${BIN} ${cmd}--help explains)`,
    command: 'command',
    option: 'option',
  },
} as const;

function optionRows(options: Record<string, OptionSpec>, lang: Lang): [string, string][] {
  return Object.entries(options).map(([name, spec]) => {
    const flag = `${name === 'help' ? '-h, ' : ''}--${name}${spec.type === 'string' && spec.value ? ` ${spec.value[lang]}` : ''}`;
    const shown =
      spec.defaultText?.[lang] ??
      (spec.default === undefined || spec.default === false ? undefined : String(spec.default));
    return [flag, `${spec.description[lang]}${shown === undefined ? '' : T[lang].defaultValue(shown)}`];
  });
}

function columns(rows: readonly [string, string][]): string[] {
  const w = Math.max(0, ...rows.map(([a]) => displayWidth(a)));
  return rows.map(([a, b]) => `  ${pad(a, w)}  ${b}`);
}

/** The one-line usage of a command, e.g. `banli-demo show <提案编号> [选项]`. */
export function usageLine(command: Command | undefined, lang: Lang): string {
  const t = T[lang];
  const colon = lang === 'zh-CN' ? '：' : ': ';
  if (!command) return `${t.usage}${colon}${BIN} [${t.command}] [${t.option}…]${t.seeHelp('')}`;
  const args = (command.positionals ?? []).map((p) => (p.required ? `<${p.name[lang]}>` : `[${p.name[lang]}]`));
  const name = command.isDefault ? `[${command.name}]` : command.name;
  return `${t.usage}${colon}${[BIN, name, ...args, `[${t.option}…]`].join(' ')}${t.seeHelp(`${command.name} `)}`;
}

/** The help of the whole CLI (no command) or of one command, in the given language. */
export function formatHelp(commands: readonly Command[], lang: Lang, command?: Command): string {
  const t = T[lang];
  const colon = lang === 'zh-CN' ? '：' : ':';
  if (!command) {
    const rows = commands.map((c): [string, string] => [
      c.name,
      `${c.summary[lang]}${c.isDefault ? t.defaultCommand : ''}`,
    ]);
    return [
      t.intro,
      '',
      usageLine(undefined, lang),
      '',
      `${t.commands}${colon}`,
      ...columns(rows),
      '',
      `${t.globalOptions}${colon}`,
      ...columns(optionRows(globalOptions, lang)),
      '',
      t.more,
    ].join('\n');
  }
  const positionals = command.positionals ?? [];
  return [
    `${command.name} — ${command.summary[lang]}`,
    ...(command.description ? ['', command.description[lang]] : []),
    '',
    usageLine(command, lang),
    ...(positionals.length === 0
      ? []
      : ['', `${t.arguments}${colon}`, ...columns(positionals.map((p) => [`<${p.name[lang]}>`, p.description[lang]]))]),
    ...(Object.keys(command.options).length === 0
      ? []
      : ['', `${t.options}${colon}`, ...columns(optionRows(command.options, lang))]),
    '',
    `${t.globalOptions}${colon}`,
    ...columns(optionRows(globalOptions, lang)),
    ...(command.examples?.length ? ['', `${t.examples}${colon}`, ...command.examples.map((e) => `  ${e}`)] : []),
  ].join('\n');
}
