import { createBanli, type Store } from '@banli/sdk';
import { defineCommand } from '../cli/command.js';
import { usage } from '../cli/errors.js';
import { readTextFile } from '../cli/readTextFile.js';
import { requireStore, storeOptions, withStore } from '../cli/storeOptions.js';
import type { Lang } from '../i18n.js';
import { printReport } from '../ui/report.js';

/**
 * Loads a holiday notice's text into the banli kept in a store and prints what moved (`json`: the SDK's
 * `AddHolidayNoticeReport`); returns the exit code.
 */
export async function addNotice(
  store: Store,
  text: string,
  options: { dryRun: boolean; supplements: string[] },
  lang: Lang,
  out: (text: string) => void,
  json = false,
): Promise<number> {
  const banli = createBanli({ store });
  const report = await banli.addHolidayNotice(text, { dryRun: options.dryRun, supplements: options.supplements });
  const zh = lang === 'zh-CN';
  const head = !report.added
    ? zh
      ? `日历已收录 ${report.year} 年的相同安排，未作更改（${report.calendar.id}@${report.calendar.version}）`
      : `The calendar already has the same ${report.year} arrangement; nothing changed (${report.calendar.id}@${report.calendar.version})`
    : zh
      ? `${report.dryRun ? '试运行：将' : '已'}加入 ${report.year} 年放假安排 → 日历 ${report.calendar.id}@${report.calendar.version}`
      : `${report.dryRun ? 'Dry run: would add' : 'Added'} the ${report.year} arrangement → calendar ${report.calendar.id}@${report.calendar.version}`;
  printReport(
    {
      json: report,
      headline: [head],
      fields: [
        { label: zh ? '依据' : 'Source', lines: [report.source] },
        { label: zh ? '检查提案数' : 'Proposals examined', lines: [String(report.recompute.examined)] },
      ],
      lists: [
        {
          title: { 'zh-CN': '变动期限', en: 'Deadlines changed' },
          items: report.recompute.moved.map((m) => `${m.proposalId}  ${m.text[lang]}`),
        },
      ],
    },
    lang,
    out,
    json,
  );
  return 0;
}

/** `banli-demo calendar add notice.txt --store dir`: a new year's holiday notice loaded into a stored banli. */
export default defineCommand({
  name: 'calendar add',
  order: 70,
  summary: {
    'zh-CN': '把国务院放假通知（文本文件）加入存储中的日历，重算在办期限并列出变动',
    en: 'load a State Council holiday notice (a text file) into the stored calendar, recompute in-flight deadlines, list what moved',
  },
  description: {
    'zh-CN':
      '读取通知原文（标题、文号、编号条目和成文日期），该年度存入存储（重启后仍在），所有在办期限按新日历重算：逾期可撤销或重新开放，日期变动逐条列出。格式错误的通知会指出无法读取的行，日历不变。',
    en: "Reads the notice's own text (title, document number, numbered lines, date), saves the year in the store (kept across restarts) and recomputes every in-flight deadline: misses may be retracted or reopened, and each move is listed. A notice it cannot read names the line, and the calendar is unchanged.",
  },
  positionals: [
    {
      name: { 'zh-CN': '通知文件', en: 'notice.txt' },
      description: { 'zh-CN': '通知原文（UTF-8 文本）', en: "the notice's text (UTF-8)" },
      required: true,
    },
  ],
  options: {
    store: {
      ...storeOptions.store,
      description: { 'zh-CN': 'PGlite 存储目录（必填）', en: 'the PGlite store directory (required)' },
    },
    supplement: {
      type: 'string',
      value: { 'zh-CN': '文件', en: 'file' },
      description: {
        'zh-CN': '同一年度的补充通知（调整、纪念日、延长），可用逗号分隔多个',
        en: 'supplementary notices of the same year (adjustment, commemoration, extension), comma-separated',
      },
    },
    'dry-run': {
      type: 'boolean',
      description: { 'zh-CN': '只报告将变动的期限，不写入', en: 'only report what would move; write nothing' },
    },
    json: {
      type: 'boolean',
      description: {
        'zh-CN': '输出 JSON：SDK 的加入报告',
        en: "print JSON: the SDK's report (AddHolidayNoticeReport)",
      },
    },
  },
  examples: [
    'banli-demo calendar add notice-2027.txt --store ./banli-data',
    'banli-demo calendar add notice.txt --store ./banli-data --dry-run',
  ],
  async run({ lang, options, positionals, out }) {
    const file = positionals[0];
    if (file === undefined) throw usage('缺少通知文件', 'the notice file is missing', 'calendar add');
    const text = await readTextFile(file);
    const supplements = await Promise.all(
      (options.supplement ?? '')
        .split(',')
        .filter((s) => s !== '')
        .map(readTextFile),
    );
    const dryRun = options['dry-run'] === true;
    return withStore(requireStore(options.store, 'calendar add'), 'readOnly', (store) =>
      addNotice(store, text, { dryRun, supplements }, lang, out, options.json === true),
    );
  },
});
