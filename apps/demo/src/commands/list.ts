import type { Store } from '@banli/sdk';
import { defineCommand } from '../cli/command.js';
import { requireStore, storeOptions, withStore } from '../cli/storeOptions.js';
import { type Lang, messages } from '../i18n.js';
import { stateText } from '../ui/labels.js';
import { table } from '../ui/text.js';
import { names } from '../ui/timeline.js';

/** Lists the proposals kept in the store: id, state, unit names and title. */
export async function listProposals(store: Store, lang: Lang, out: (text: string) => void): Promise<number> {
  const t = messages[lang];
  const unitNames = names(lang);
  const rows: string[][] = [];
  for (let after: string | undefined; ; ) {
    const page = await store.queryStreams({ limit: 500, ...(after === undefined ? {} : { afterStreamId: after }) });
    for (const s of page) {
      const facts = s.facts as { title?: string };
      const units = s.unitIds.map((id) => unitNames[id] ?? id).join(lang === 'zh-CN' ? '、' : ', ');
      rows.push([s.streamId, stateText('proposal', s.state, lang), units, facts.title ?? '']);
    }
    if (page.length < 500) break;
    after = page.at(-1)?.streamId;
  }
  out(rows.length === 0 ? t.emptyStore : table([t.proposalId, t.state, t.unit, t.title], rows));
  return 0;
}

/** `banli-demo list --store dir`: the proposals kept in a PGlite store. */
export default defineCommand({
  name: 'list',
  order: 30,
  summary: {
    'zh-CN': '列出存储中的提案（编号、状态、承办单位、标题）',
    en: 'list the stored proposals (id, state, units, title)',
  },
  options: {
    store: {
      ...storeOptions.store,
      description: { 'zh-CN': 'PGlite 存储目录（必填）', en: 'the PGlite store directory (required)' },
    },
  },
  examples: ['banli-demo list --store ./banli-data'],
  run({ lang, options, out }) {
    return withStore(requireStore(options.store, 'list'), 'readOnly', (store) => listProposals(store, lang, out));
  },
});
