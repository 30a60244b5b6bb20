import { parseArgs, UsageError } from './args.js';
import { chartCommand, pathsCommand } from './commands/paths.js';
import { seedCommand } from './commands/seed.js';
import { simulateCommand } from './commands/simulate.js';
import { type Lang, messages } from './i18n.js';

const out = (text: string) => process.stdout.write(`${text}\n`);

/** Picks the locale from argv before full parsing, so usage errors speak the requested language. */
function langHint(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'zh-CN';
}

async function main(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const lang = langHint(argv);
    process.stderr.write(`${messages[lang].badArgument(error.messages[lang])}\n${messages[lang].usage}\n`);
    return 2;
  }
  const t = messages[args.lang];
  switch (args.command) {
    case 'help':
      out(t.usage);
      return 0;
    case 'seed':
      return seedCommand(args.lang, out);
    case 'simulate':
      return simulateCommand(args, out);
    case 'paths':
      return pathsCommand(args.lang, out);
    case 'chart':
      return chartCommand(out);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
