import { createBanli, NotFoundError, type Store } from '@banli/sdk';
import { seedCase132402, timelineFromHistory } from '@banli/testing';
import { defineCommand } from '../cli/command.js';
import { requireStore, storeOptions, withStore } from '../cli/storeOptions.js';
import { type Lang, messages } from '../i18n.js';
import { formatTimeline } from '../ui/timeline.js';

/** Whether the seed case is already in the store. */
export async function hasSeed(store: Store): Promise<boolean> {
  return (await store.getSummary(seedCase132402.proposal.id)) !== undefined;
}

/** Prints one stored proposal: its timeline from the event log, then its reply letters; 1 when it is not there. */
export async function showProposal(store: Store, id: string, lang: Lang, out: (text: string) => void): Promise<number> {
  const t = messages[lang];
  const banli = createBanli({ store });
  let view: Awaited<ReturnType<typeof banli.get>>;
  try {
    view = await banli.get(id);
    const kind = view.facts.kind === 'suggestion' ? 'suggestion' : 'proposal';
    out(formatTimeline(timelineFromHistory(await banli.history(id)), lang, 100, kind));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    process.stderr.write(`${t.notFound(id)}\n`);
    return 1;
  }
  for (const c of view.cases)
    if (c.letter)
      out(`${'═'.repeat(72)}\n${t.letter} ${c.caseId}\n${'═'.repeat(72)}\n${await banli.letter(id, c.caseId)}`);
  return 0;
}

/** `banli-demo show <id> --store dir`: one stored proposal's timeline and letters. */
export default defineCommand({
  name: 'show',
  order: 40,
  summary: { 'zh-CN': '显示存储中一件提案的时间线和答复函', en: "show a stored proposal's timeline and reply letters" },
  positionals: [
    {
      name: { 'zh-CN': '提案编号', en: 'proposal id' },
      description: { 'zh-CN': '例如 zs-cppcc-13-2-132402', en: 'e.g. zs-cppcc-13-2-132402' },
      required: true,
    },
  ],
  options: {
    store: {
      ...storeOptions.store,
      description: { 'zh-CN': 'PGlite 存储目录（必填）', en: 'the PGlite store directory (required)' },
    },
  },
  examples: ['banli-demo show zs-cppcc-13-2-132402 --store ./banli-data'],
  run({ lang, options, positionals, out }) {
    const dir = requireStore(options.store, 'show');
    return withStore(dir, 'readOnly', (store) => showProposal(store, positionals[0] as string, lang, out));
  },
});
