import {
  CLASS_MARK_POSITION_LABELS,
  type Contact,
  DISCLOSURE_MODE_LABELS,
  getLabel,
  PROPOSAL_KIND_LABELS,
  parseReplyLetter,
  type RecipientList,
  type ReplyLetter,
  ReplyLetterSchema,
} from '@banli/schemas';
import { defineCommand } from '../cli/command.js';
import { usage } from '../cli/errors.js';
import { readTextFile } from '../cli/readTextFile.js';
import type { Lang } from '../i18n.js';
import { INDENT, printReport } from '../ui/report.js';

type Key = keyof ReplyLetter;

const paren = (text: string, lang: Lang) => (lang === 'zh-CN' ? `（${text}）` : ` (${text})`);

function contact(c: Contact, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const parts: [string, string | undefined][] = [
    [zh ? '联系人' : 'person', c.person],
    [zh ? '科室' : 'department', c.department],
    [zh ? '电话' : 'phone', c.phone],
    [zh ? '电话（部分隐去）' : 'phone (masked)', c.maskedPhone],
    [zh ? '传真' : 'fax', c.fax],
    [zh ? '邮箱' : 'email', c.email],
    [zh ? '地址' : 'address', c.address],
    [zh ? '邮编' : 'postcode', c.postcode],
  ];
  return parts
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([k, v]) => `${k}${zh ? '：' : ': '}${v}`)
    .join(zh ? '，' : ', ');
}

function recipients(list: RecipientList, lang: Lang): string {
  return list.recipients
    .map((r) =>
      r.copies ? `${r.name}${paren(lang === 'zh-CN' ? `${r.copies}份` : `${r.copies} copies`, lang)}` : r.name,
    )
    .join(lang === 'zh-CN' ? '、' : '; ');
}

/** One field of a read letter as printed lines: the first goes after the label, the rest are indented below it. */
function valueLines(letter: ReplyLetter, key: Key, lang: Lang): string[] {
  const zh = lang === 'zh-CN';
  switch (key) {
    case 'class':
      return letter.class ? [letter.class] : [];
    case 'classMark': {
      const m = letter.classMark;
      if (!m) return [];
      return [m.position ? `“${m.text}”${paren(CLASS_MARK_POSITION_LABELS[m.position][lang], lang)}` : `“${m.text}”`];
    }
    case 'printedDocNumber': {
      const p = letter.printedDocNumber;
      return p
        ? [`${p.text}${paren(`${zh ? '不符合 GB/T 9704：' : 'breaks GB/T 9704: '}${p.problems.join(', ')}`, lang)}`]
        : [];
    }
    case 'reference': {
      const r = letter.reference;
      if (!r) return [];
      const bits = [
        r.kind && PROPOSAL_KIND_LABELS[r.kind][lang],
        r.term && (zh ? `第${r.term}届` : `term ${r.term}`),
        r.session && (zh ? `第${r.session}次会议` : `session ${r.session}`),
        r.number && (zh ? `第${r.number}号` : `no. ${r.number}`),
      ].filter(Boolean);
      return [bits.length ? `${r.printed}${paren(bits.join(zh ? '，' : ', '), lang)}` : r.printed];
    }
    case 'addressees':
    case 'coUnits':
    case 'consultedUnits':
      return [(letter[key] ?? []).join('、')];
    case 'greeting':
    case 'intro':
    case 'body':
      return ['', ...(letter[key] ?? [])];
    case 'responses':
      return [
        '',
        ...(letter.responses ?? []).flatMap((r) => [
          r.heading ?? (zh ? '（无小标题）' : '(no heading)'),
          ...(r.statement ? [`${INDENT}${r.statement}`] : []),
          ...r.body.map((p) => `${INDENT}${p}`),
        ]),
      ];
    case 'issuingUnit':
      return letter.issuingUnit ? [letter.issuingUnit.name] : [];
    case 'signatories':
      return (letter.signatories ?? []).map((s) => `${s.label}：${s.name}`);
    case 'contacts':
      return (letter.contacts ?? []).map((c) => contact(c, lang));
    case 'disclosure': {
      const d = letter.disclosure;
      if (!d) return [];
      const mode = d.mode ? DISCLOSURE_MODE_LABELS[d.mode][lang] : undefined;
      return [[d.mark && `“${d.mark}”`, mode, d.reason].filter(Boolean).join(' → ')];
    }
    case 'reportTo':
    case 'copyTo': {
      const list = letter[key];
      return list ? [recipients(list, lang)] : [];
    }
    case 'imprint': {
      const i = letter.imprint;
      return i ? [[i.printedBy, i.printDate].filter(Boolean).join(' ')] : [];
    }
    default: {
      const v = letter[key];
      return typeof v === 'string' || typeof v === 'number' ? [String(v)] : [];
    }
  }
}

/**
 * Reads a published reply letter's text with `parseReplyLetter` and prints each field it placed, labelled in the
 * language (the schema's own labels), then the reader's warnings; `json` prints `{ letter, warnings }` instead.
 * Returns the exit code: 0 when a letter was read (warnings or not), 1 when nothing could be read.
 */
export function printReadLetter(text: string, lang: Lang, out: (text: string) => void, json = false): number {
  const { letter, warnings } = parseReplyLetter(text);
  const colon = lang === 'zh-CN' ? '：' : ': ';
  const shape = ReplyLetterSchema.shape;
  const fields = letter
    ? (Object.keys(shape) as Key[])
        .filter((key) => letter[key] !== undefined)
        .map((key) => ({ label: getLabel(shape[key])?.[lang] ?? key, lines: valueLines(letter, key, lang) }))
    : [];
  const items = warnings.map(
    (w) => `[${w.code}] ${w.messages[lang]}${w.text === undefined ? '' : `${colon}${w.text}`}`,
  );
  printReport(
    {
      json: { letter: letter ?? null, warnings },
      headline: letter ? [] : [lang === 'zh-CN' ? '未能读出答复函。' : 'No letter could be read.'],
      fields,
      lists: [{ title: { 'zh-CN': '提示', en: 'Warnings' }, items }],
    },
    lang,
    out,
    json,
  );
  return letter ? 0 : 1;
}

/** `banli-demo letter read letter.txt`: a published reply letter read into its fields, with the reader's warnings. */
export default defineCommand({
  name: 'letter read',
  order: 80,
  summary: {
    'zh-CN': '读取网上公开的答复函原文（文本文件），列出读出的各项和无法归类的内容',
    en: 'read a published reply letter (a text file) and print the fields found and what could not be placed',
  },
  description: {
    'zh-CN':
      '用 parseReplyLetter 读取从政府网站复制的答复函文字：分类标注、发文字号、标题、主送、所答复事项（届、次、号）、正文或逐条答复、结束语、署名、日期（阿拉伯或汉字数字）、签发人等、联系方式、公开标注、报和抄送、版记；网页上的导航等杂项会跳过。无法归类的行作为提示列出。--json 输出 { letter, warnings }。',
    en: "Reads a reply letter's text as copied from a government site with parseReplyLetter: class mark, document number, title, addressees, the item answered (term, session, number), body or itemized answers, closing, issuing unit, date (Arabic or Chinese numerals), sign-off lines, contacts, disclosure mark, 报 and 抄送, imprint; page furniture is skipped. Lines it could not place are listed as warnings. --json prints { letter, warnings }.",
  },
  positionals: [
    {
      name: { 'zh-CN': '答复函文件', en: 'letter.txt' },
      description: { 'zh-CN': '答复函原文（UTF-8 文本）', en: "the letter's text (UTF-8)" },
      required: true,
    },
  ],
  options: {
    json: {
      type: 'boolean',
      description: { 'zh-CN': '输出 JSON：{ letter, warnings }', en: 'print JSON: { letter, warnings }' },
    },
  },
  examples: ['banli-demo letter read reply.txt', 'banli-demo letter read reply.txt --lang en --json'],
  async run({ lang, options, positionals, out }) {
    const file = positionals[0];
    if (file === undefined) throw usage('缺少答复函文件', 'the letter file is missing', 'letter read');
    return printReadLetter(await readTextFile(file), lang, out, options.json === true);
  },
});
