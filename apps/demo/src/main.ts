import { inspect } from 'node:util';
import type { Bilingual } from '@banli/schemas';
import { BilingualError } from '@banli/sdk';
import { CliError } from './cli/errors.js';
import { formatHelp, usageLine } from './cli/help.js';
import { loadCommands } from './cli/load.js';
import { langHint, parseCommandLine } from './cli/parse.js';
import { type Lang, messages } from './i18n.js';

const out = (text: string) => process.stdout.write(`${text}\n`);
// A closed pipe (`banli-demo | head`) ends the program quietly instead of with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** One line for anything thrown: a typed error's message in the language, else its message, never `[object Object]`. */
export function describeError(error: unknown, lang: Lang): string {
  if (error instanceof BilingualError) return error.messages[lang];
  const messagesOf = (error as { messages?: Partial<Bilingual> } | null)?.messages;
  if (typeof messagesOf?.[lang] === 'string') return messagesOf[lang];
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && message !== '') return message;
  return inspect(error, { depth: 2, breakLength: Number.POSITIVE_INFINITY });
}

async function main(argv: readonly string[]): Promise<number> {
  const commands = await loadCommands(new URL('./commands/', import.meta.url));
  let lang = langHint(argv);
  try {
    const parsed = parseCommandLine(argv, commands);
    lang = parsed.lang;
    if (parsed.kind === 'help') {
      out(formatHelp(commands, parsed.lang, parsed.command));
      return 0;
    }
    return await parsed.command.run({
      lang: parsed.lang,
      options: parsed.options as never,
      positionals: parsed.positionals,
      out,
      err: process.stderr,
    });
  } catch (error) {
    if (error instanceof CliError) {
      const t = messages[lang];
      const usage =
        error.code === 'USAGE'
          ? `\n${usageLine(
              commands.find((c) => c.name === error.command),
              lang,
            )}`
          : '';
      process.stderr.write(`${t.error(error.messages[lang])}${usage}\n`);
      return error.exitCode;
    }
    process.stderr.write(`${messages[lang].error(describeError(error, lang))}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
