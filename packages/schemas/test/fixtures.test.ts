import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtures, seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '../src/fixtures/index.js';
import {
  AssignmentSchema,
  assignedUnits,
  CoHandlingOpinionSchema,
  FeedbackSchema,
  ProposalSchema,
  ReplyLetterSchema,
  replyLetterSchemaFor,
} from '../src/index.js';
import { letterLines } from './support/letterLines.js';

// A byte-for-byte copy of ../shared/seed/zhongshan-commerce-reply-132402.txt (the project's first fixture), kept in the repo so tests never depend on shared/.
const seedUrl = new URL('./fixtures/zhongshan-commerce-reply-132402.txt', import.meta.url);
const noSpace = (s: string) => s.replace(/\s+/gu, '');

describe('seedReplyLetter132402', () => {
  it('should reproduce the seed letter verbatim once whitespace is removed', () => {
    const seed = readFileSync(seedUrl, 'utf8');
    expect(noSpace(letterLines(seedReplyLetter132402).join(''))).toBe(noSpace(seed));
  });

  it('should map every fixture block onto whole seed blocks, joining only paragraphs cut by a page break', () => {
    const seedBlocks = readFileSync(seedUrl, 'utf8')
      .split(/\n\s*\n/u)
      .map(noSpace)
      .filter(Boolean);
    const joined: string[][] = [];
    let i = 0;
    for (const line of letterLines(seedReplyLetter132402).map(noSpace)) {
      const group: string[] = [];
      while (group.join('').length < line.length && i < seedBlocks.length) group.push(seedBlocks[i++] ?? '');
      expect(group.join('')).toBe(line);
      if (group.length > 1) joined.push(group);
    }
    expect(i).toBe(seedBlocks.length);
    // A page break cuts mid-sentence: the first part never ends a sentence.
    for (const group of joined) expect(group[0]).not.toMatch(/[。：；）)]$/u);
    expect(joined.map((g) => g[0]?.slice(-3))).toContain('三方面');
  });

  it('should answer each of the three suggestions, adopted, in the proposal’s order', () => {
    expect(seedReplyLetter132402.responses?.map((r) => r.suggestionIds)).toEqual(
      seedProposal132402.suggestions.map((s) => [s.id]),
    );
    expect(seedReplyLetter132402.responses?.map((r) => r.statement)).toEqual(Array(3).fill('吸收采纳该建议。'));
  });
});

describe('seedAssignment132402', () => {
  it('should make 市商务局 (中商务) the lead with six co-handling units', () => {
    const roles = assignedUnits(seedAssignment132402);
    expect(roles[0]).toMatchObject({ role: 'lead', unit: { shortName: '市商务局', code: '中商务' } });
    expect(roles.filter((r) => r.role === 'co').map((r) => r.unit.shortName)).toEqual([
      '市委网信办',
      '市人力资源和社会保障局',
      '市农业农村局',
      '市市场监管局',
      '市投资促进局',
      '市教育体育局',
    ]);
  });
});

describe('seedProposal132402', () => {
  it('should be a joint proposal with 梁晓珩 as first proposer and marked placeholder co-signers', () => {
    const [first, ...others] = seedProposal132402.proposers;
    expect(first).toMatchObject({ name: '梁晓珩', first: true });
    expect(others.length).toBeGreaterThanOrEqual(2);
    for (const o of others) expect(o).toMatchObject({ placeholder: true, name: expect.stringContaining('占位') });
  });
});

describe('fixtures', () => {
  const schemaFor = {
    seedProposal132402: ProposalSchema,
    seedAssignment132402: AssignmentSchema,
    seedReplyLetter132402: replyLetterSchemaFor('ABC'),
    sampleNpcSuggestion: ProposalSchema,
    sampleNpcAssignment: AssignmentSchema,
    sampleNpcReplyLetter: replyLetterSchemaFor('ABCD'),
    sampleNpcFeedback: FeedbackSchema,
    samplePartyProposal: ProposalSchema,
    sampleSplitAssignment: AssignmentSchema,
    sampleCoHandlingOpinion: CoHandlingOpinionSchema,
    sampleWithheldReplyLetter: ReplyLetterSchema,
    samplePartyFeedback: FeedbackSchema,
  } as const;

  it.each(Object.entries(schemaFor))('should validate %s', (name, schema) => {
    const value = fixtures[name as keyof typeof schemaFor];
    expect(schema.safeParse(value).error?.issues).toBeUndefined();
  });

  it('should cover a B-class NPC reply with a 领衔代表 and a C-class withheld reply with its reason', () => {
    expect(fixtures.sampleNpcReplyLetter.class).toBe('B');
    expect(fixtures.sampleNpcSuggestion.proposers.find((p) => p.first)?.name).toContain('代表甲');
    expect(fixtures.sampleWithheldReplyLetter).toMatchObject({ class: 'C', disclosure: { mode: 'withheld' } });
    expect(fixtures.sampleWithheldReplyLetter.disclosure?.reason).toBeTruthy();
  });
});
