// Generates docs/rules.md from the presets: one row per rule, one column per preset, each cell the value, its
// domain.md source and whether it is sourced, by analogy or an inference; the last column names the test proving it.
import type { DeadlineRule } from '@banli/calendar';
import { type Citation, type Policy, presets, type ReplyPeriod } from '@banli/core';
import { LETTER_FIELD_LABELS, type LetterField } from '@banli/schemas';

type Cell = { value: string; citation?: Citation | undefined };
type Row = { rule: string; cell: (p: Policy) => Cell; test: string };

/** The "Proved by" cell of each row, in order (checked against the test files by rulesDoc.test.ts). */
export function provedBy(): string[] {
  return ROWS.map((r) => r.test);
}

function rule(r: DeadlineRule | undefined): string {
  if (r === undefined) return '—';
  switch (r.kind) {
    case 'workingDays':
      return `${r.days} working days`;
    case 'calendarDays':
      return `${r.days} days`;
    case 'months':
      return `${r.months} month${r.months === 1 ? '' : 's'}`;
    case 'fixedDate':
      return `by ${r.monthDay}`;
    case 'earliest':
      return `earliest of ${r.rules.map(rule).join(', ')}`;
    case 'latest':
      return `latest of ${r.rules.map(rule).join(', ')}`;
    default:
      return JSON.stringify(r);
  }
}

function cite(c: Citation | undefined): string {
  if (!c) return 'uncited';
  const basis = c.basis === 'sourced' ? '' : c.basis === 'noSource' ? 'no source held' : c.basis;
  return [c.source, basis].filter(Boolean).join(', ') || 'sourced';
}

function format(cell: Cell): string {
  if (cell.value === '—') return 'not set';
  const text = cell.value.startsWith('not covered') ? cell.value : `${cell.value} (${cite(cell.citation)})`;
  return text.replace(/\|/g, '\\|');
}

/** The reply period a preset gives items of this kind, channel and proposer type (as `replyRequest` picks it). */
function replyCell(
  p: Policy,
  item: { kind: 'proposal' | 'suggestion'; channel: 'session' | 'interSession'; party?: boolean },
): Cell {
  const covered = p.coverage.some(
    (c) => c.kind === item.kind && (c.channel === undefined || c.channel === item.channel),
  );
  if (!covered) return { value: 'not covered: refused at submission' };
  const entry: ReplyPeriod | undefined = p.replyPeriods.find(
    (e) =>
      (e.kind === undefined || e.kind === item.kind) &&
      (e.channel === undefined || e.channel === item.channel) &&
      (e.proposerType === undefined || (item.party === true && e.proposerType === 'party')),
  );
  if (!entry) return { value: `${rule(p.periods.reply)} from 交办`, citation: p.citations?.reply };
  const from = entry.from === 'sessionClose' ? ' from the session’s closing day' : ' from 交办';
  const passed = entry.whenPassed ? `; once passed, ${rule(entry.whenPassed)} from 交办` : '';
  return {
    value: `${rule(entry.rule)}${entry.rule.kind === 'fixedDate' ? '' : from}${passed}`,
    citation: entry.citation,
  };
}

const period = (key: keyof Policy['periods']) => (p: Policy) => ({
  value: rule(p.periods[key]),
  citation: p.citations?.[key],
});

const ROWS: Row[] = [
  {
    rule: 'Reply: CPPCC proposal filed at the session',
    cell: (p) => replyCell(p, { kind: 'proposal', channel: 'session' }),
    test: 'rule02-kindAndChannel 2b, rule03 3a–3c; ruleScenarios A',
  },
  {
    rule: 'Reply: 民主党派 proposal at the session',
    cell: (p) => replyCell(p, { kind: 'proposal', channel: 'session', party: true }),
    test: 'rule03 3e–3f; ruleScenarios A',
  },
  {
    rule: 'Reply: CPPCC proposal between sessions',
    cell: (p) => replyCell(p, { kind: 'proposal', channel: 'interSession' }),
    test: 'rule02-kindAndChannel 2b; ruleScenarios A',
  },
  {
    rule: 'Reply: deputies’ suggestion at the session',
    cell: (p) => replyCell(p, { kind: 'suggestion', channel: 'session' }),
    test: 'rule01 1a, 1c; rule02 2a, 2b; ruleScenarios A',
  },
  {
    rule: 'Reply: deputies’ suggestion between sessions',
    cell: (p) => replyCell(p, { kind: 'suggestion', channel: 'interSession' }),
    test: 'rule01 1b; rule02 2b; ruleScenarios A',
  },
  { rule: 'Kinds covered', cell: (p) => coverageCell(p), test: 'rule01 1d, 1e' },
  {
    rule: 'Reply with extensions at most',
    cell: (p) => ({ value: `${rule(p.maxReply)} from the reply period’s start`, citation: p.citations?.maxReply }),
    test: 'rulePeriods p13; rule05 5b, 5c, 5e, 5f; ruleScenarios D, D2, F2',
  },
  {
    rule: 'Extension (asked before the due date)',
    cell: period('extension'),
    test: 'rulePeriods p13; rule05 5a, 5c, 5d; ruleScenarios D, F2',
  },
  {
    rule: 'Extensions at most',
    cell: (p) => ({ value: String(p.maxExtensions), citation: p.citations?.maxExtensions }),
    test: 'rulePeriods p11',
  },
  {
    rule: 'Adjustment window (申请调整)',
    cell: period('adjustmentWindow'),
    test: 'rulePeriods p1; rule09 9a; ruleScenarios A, F2',
  },
  {
    rule: 'Answer to an adjustment request',
    cell: period('adjustmentAnswer'),
    test: 'rulePeriods p2; ruleScenarios G',
  },
  { rule: 'First contact with the proposers', cell: period('firstContact'), test: 'rulePeriods p3; ruleScenarios A' },
  { rule: 'Co-handler opinion (会办意见)', cell: period('coOpinion'), test: 'rulePeriods p4; ruleScenarios A' },
  { rule: 'Urgent reply (急事快办)', cell: period('urgentReply'), test: 'rulePeriods p5; ruleScenarios G' },
  { rule: 'Feedback (征询意见表/回执)', cell: period('feedback'), test: 'rulePeriods p6; rule09 9f; ruleScenarios B' },
  { rule: 'Re-handling (重新办理)', cell: period('rehandling'), test: 'rulePeriods p7; ruleScenarios C' },
  {
    rule: 'Re-handling rounds at most',
    cell: (p) => ({ value: String(p.maxRehandlingRounds), citation: p.citations?.maxRehandlingRounds }),
    test: 'rulePeriods p8; rule09 9g',
  },
  {
    rule: 'Second reply on a commitment (跟踪办理)',
    cell: period('followUp'),
    test: 'rulePeriods p9; ruleScenarios B',
  },
  { rule: 'Proactive publication', cell: period('publication'), test: 'rulePeriods p10; ruleScenarios B' },
  {
    rule: 'Reply classes',
    cell: (p) => ({ value: p.classScheme.split('').join('/'), citation: p.citations?.classScheme }),
    test: 'rulePeriods p12, p14; rule09 9c',
  },
  {
    rule: 'Classes followed up',
    cell: (p) => ({ value: p.followUpClasses.join(', '), citation: p.citations?.followUpClasses }),
    test: 'rulePeriods p12; rule04 4a–4c',
  },
  {
    rule: 'Key reply signed by',
    cell: (p) => ({
      value: p.keyReplySigner === 'principalLeader' ? 'the principal leader (主要负责人)' : 'any leader',
      citation: p.citations?.keyReplySigner,
    }),
    test: 'rule13 13d–13g',
  },
  {
    // Not preset data: @banli/core refuses it under every preset (`registration.keyNeedsLeader`), citing S7, the
    // national CPPCC's leaders supervising key proposals; a local rule or an NPC suggestion follows it by analogy.
    rule: 'Key item registered with its supervising leader (领导领衔督办)',
    cell: () => ({ value: 'required', citation: { source: 'S7', basis: 'analogy' } }),
    test: 'rule09 9j',
  },
];

/** One row per letter field some preset requires of a signed letter (issue 15), in the schema's field order. */
function letterRows(policies: Record<string, Policy>): Row[] {
  const wanted = new Set(Object.values(policies).flatMap((p) => (p.letterRequirements ?? []).map((r) => r.field)));
  return (Object.keys(LETTER_FIELD_LABELS) as LetterField[])
    .filter((f) => wanted.has(f))
    .map((field) => ({
      rule: `Signed letter prints: ${LETTER_FIELD_LABELS[field].en} (${LETTER_FIELD_LABELS[field]['zh-CN']})`,
      cell: (p: Policy): Cell => {
        const r = (p.letterRequirements ?? []).find((x) => x.field === field);
        if (!r) return { value: '—' };
        const kinds = r.kinds ? ` (${r.kinds.map((k) => `${k}s`).join(', ')} only)` : '';
        const naming = r.naming ? `, naming ${r.naming.join(' or ')}` : '';
        return { value: `required${kinds}${naming}`, citation: r.citation };
      },
      test: 'rule15 15.1',
    }));
}

function coverageCell(p: Policy): Cell {
  const parts = p.coverage.map((c) => {
    const channel = c.channel === undefined ? '' : c.channel === 'session' ? ' at the session' : ' between sessions';
    const basis = c.basis === 'sourced' ? (c.source ?? '') : [c.source, c.basis].filter(Boolean).join(', ');
    return `${c.kind}s${channel} (${basis})`;
  });
  return { value: parts.join('; ') };
}

/** docs/rules.md as generated from the presets. */
export function rulesMarkdown(policies: Record<string, Policy> = presets): string {
  const names = Object.keys(policies);
  const head = `| Rule | ${names.map((n) => `\`${n}\``).join(' | ')} | Proved by |`;
  const sep = `|${' --- |'.repeat(names.length + 2)}`;
  const rows = [...ROWS, ...letterRows(policies)].map((r) => {
    const cells = names.map((n) => {
      const cell = r.cell(policies[n] as Policy);
      return r.rule === 'Kinds covered' ? cell.value : format(cell);
    });
    return `| ${r.rule} | ${cells.join(' | ')} | ${r.test} |`;
  });
  const notes = names.map((n) => `- \`${n}\` (${(policies[n] as Policy).id}): ${(policies[n] as Policy).notes ?? ''}`);
  return [
    '# Rules by preset',
    '',
    '<!-- Generated from the presets by packages/sdk/test/rulesDoc.test.ts; run `npx -y pnpm@12.4.2 --filter @banli/sdk docs:rules` to refresh. -->',
    '',
    'Each cell: the value, then its source in `shared/docs/domain.md` §9 (S-number) and how it applies: no word when',
    'the source sets it for this body, **analogy** when a rule of another body or level is applied, **inference**',
    'when no source sets it. "Proved by" names the scenario tests in `packages/sdk/test/` (file `ruleNN-*.test.ts`',
    'or `rulePeriods.test.ts`, test ids such as 2b or p4); `rulePeriods` runs each scenario through `createBanli` for',
    'every preset and every kind and channel the preset covers, and proves "not set" too (no such deadline opens).',
    '`ruleScenarios` sections A–G run the same rules at dates that stress them (春节, 国庆, month ends, a leap year,',
    "starts on rest days, fixed dates, the session's closing day, 2027 labelled provisional), one row per preset, kind,",
    'channel and deadline, each due date worked out by hand from the source.',
    '"—" means no scenario test proves the value yet.',
    '',
    head,
    sep,
    ...rows,
    '',
    '## What each preset rests on',
    '',
    ...notes,
    '',
  ].join('\n');
}
