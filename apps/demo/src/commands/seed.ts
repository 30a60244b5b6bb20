import { createTestHarness, runScenario, seedCase132402, type TestHarness } from '@banli/testing';
import { defineCommand } from '../cli/command.js';
import { storeOptions, withStore } from '../cli/storeOptions.js';
import { type Lang, messages } from '../i18n.js';
import { formatCaseStatistics, formatTimeline } from '../ui/timeline.js';
import { hasSeed, showProposal } from './show.js';

async function printSeed(lang: Lang, out: (text: string) => void, harness?: TestHarness): Promise<number> {
  const t = messages[lang];
  const run = await runScenario(seedCase132402, harness ? { harness } : {});
  const rule = '═'.repeat(72);
  out(`${seedCase132402.title[lang]}\n${rule}\n${t.timeline}\n${rule}`);
  out(formatTimeline(run.timeline, lang, 100, seedCase132402.proposal.kind));
  for (const letter of Object.values(run.letters))
    out(`${rule}\n${t.letter} ${letter.docNumber}\n${rule}\n${letter.text}`);
  out(`${rule}\n${t.statistics}\n${rule}\n${formatCaseStatistics(run, lang)}`);
  return run.failures.length === 0 ? 0 : 1;
}

/** `banli-demo [seed]`: the seed proposal 132402 from submission to archive, its letter and statistics. */
export default defineCommand({
  name: 'seed',
  isDefault: true,
  order: 0,
  summary: {
    'zh-CN': '种子提案 132402 从提交到归档：时间线、答复函和本件统计',
    en: 'the seed proposal 132402 from submission to archive: timeline, reply letter, statistics',
  },
  description: {
    'zh-CN': '在 2023 年日历下经 @banli/sdk 办理种子提案；给出 --store 时保存到 PGlite，再次运行时显示已保存的记录。',
    en: 'Runs the seed proposal through @banli/sdk under the 2023 calendar; with --store it is kept in PGlite and a second run shows the stored record.',
  },
  options: storeOptions,
  examples: ['banli-demo', 'banli-demo --lang en', 'banli-demo --store ./banli-data --create'],
  async run({ lang, options, out }) {
    if (options.store === undefined) return printSeed(lang, out);
    return withStore(options.store, options.create, async (store) => {
      if (!(await hasSeed(store))) return printSeed(lang, out, createTestHarness({ store, start: '2023-02-20' }));
      const id = seedCase132402.proposal.id;
      out(messages[lang].alreadyStored(id));
      return showProposal(store, id, lang, out);
    });
  },
});
