import type { Store } from '@banli/sdk';
import { createTestHarness, seedCase132402 } from '@banli/testing';
import { parseArgs, UsageError } from './args.js';
import { chartCommand, pathsCommand } from './commands/paths.js';
import { seedCommand } from './commands/seed.js';
import { simulateCommand } from './commands/simulate.js';
import { hasSeed, listCommand, openStore, showCommand } from './commands/store.js';
import { type Lang, messages } from './i18n.js';

const out = (text: string) => process.stdout.write(`${text}\n`);
// A closed pipe (`banli-demo | head`) ends the program quietly instead of with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** Picks the locale from argv before full parsing, so usage errors speak the requested language. */
function langHint(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'zh-CN';
}

async function withStore(dir: string, run: (store: Store) => Promise<number>): Promise<number> {
  const store = await openStore(dir);
  try {
    return await run(store);
  } finally {
    await store.close?.();
  }
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
      if (args.store === undefined) return seedCommand(args.lang, out);
      return withStore(args.store, async (store) => {
        const id = seedCase132402.proposal.id;
        if (!(await hasSeed(store)))
          return seedCommand(args.lang, out, createTestHarness({ store, start: '2023-02-20' }));
        out(t.alreadyStored(id));
        return showCommand(store, id, args.lang, out);
      });
    case 'simulate':
      if (args.store === undefined) return simulateCommand(args, out);
      return withStore(args.store, (store) => simulateCommand(args, out, store));
    case 'list':
      return withStore(args.store ?? '', (store) => listCommand(store, args.lang, out));
    case 'show':
      return withStore(args.store ?? '', (store) => showCommand(store, args.id ?? '', args.lang, out));
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
