import type { Bilingual } from '@banli/schemas';
import type { Lang } from '../i18n.js';

/** The indent of a field's further lines and of a list's items. */
export const INDENT = '    ';

/** A labelled field: `label：first line`, its further lines indented below (the label alone when the first is ''). */
interface ReportField {
  label: string;
  lines: readonly string[];
}

/** A counted list: `title（n）：` (`title (n):`), then each item indented; `title（0）` when it is empty. */
interface ReportList {
  title: Bilingual;
  items: readonly string[];
}

/** What a command prints: as JSON under `--json`, else as text (headline, labelled fields, counted lists). */
export interface Report {
  /** The value `--json` prints (two-space indented). */
  json: unknown;
  /** Lines printed first, as they are. */
  headline?: readonly string[];
  fields?: readonly ReportField[];
  lists?: readonly ReportList[];
}

/**
 * Prints a command's report: the JSON value when `json`, else the headline, each field as `label：value` (the
 * language's colon) with its further lines indented, and each list with its count. The one printer of the demo's
 * `calendar add` and `letter read`.
 */
export function printReport(report: Report, lang: Lang, out: (text: string) => void, json = false): void {
  if (json) {
    out(JSON.stringify(report.json, null, 2));
    return;
  }
  const colon = lang === 'zh-CN' ? '：' : ': ';
  for (const line of report.headline ?? []) out(line);
  for (const { label, lines } of report.fields ?? []) {
    const [first = '', ...rest] = lines;
    out(first === '' ? `${label}${colon.trimEnd()}` : `${label}${colon}${first}`);
    for (const line of rest) out(`${INDENT}${line}`);
  }
  for (const { title, items } of report.lists ?? []) {
    const count = lang === 'zh-CN' ? `（${items.length}）` : ` (${items.length})`;
    out(`${title[lang]}${count}${items.length ? colon.trimEnd() : ''}`);
    for (const item of items) out(`${INDENT}${item}`);
  }
}
