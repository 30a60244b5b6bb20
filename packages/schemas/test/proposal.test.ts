import { describe, expect, it } from 'vitest';
import { seedProposal132402 } from '../src/fixtures/index.js';
import { ProposalSchema, ProposerSchema, sessionLabel } from '../src/index.js';
import { codesOf, messagesOf } from './support/messages.js';

const joint = seedProposal132402;

describe('ProposalSchema', () => {
  it('should accept the seed proposal and keep the session as numbers', () => {
    expect(ProposalSchema.parse(joint).session).toEqual({ term: 13, meeting: 2, year: 2023 });
  });

  it('should accept a single proposer without a first mark', () => {
    const single = { ...joint, proposers: [{ id: 'm1', type: 'member', name: '梁晓珩' }] };
    expect(ProposalSchema.safeParse(single).success).toBe(true);
  });

  it('should accept a party, an organisation, a 界别 and a committee as proposers', () => {
    for (const type of ['party', 'organisation', 'sector', 'group', 'committee'])
      expect(ProposalSchema.safeParse({ ...joint, proposers: [{ id: 'x', type, name: '某某' }] }).success).toBe(true);
  });

  it('should require a first proposer in a joint filing', () => {
    const proposers = joint.proposers.map(({ first: _first, ...p }) => p);
    expect(messagesOf(ProposalSchema, { ...joint, proposers })).toMatchInlineSnapshot(`
      {
        "en": [
          ""Proposers": a joint filing must mark exactly one first proposer (leading deputy)",
        ],
        "zh-CN": [
          "「提出者」：联名提出时须标明一位第一提案人（领衔代表）",
        ],
      }
    `);
  });

  it('should refuse two first proposers', () => {
    const proposers = joint.proposers.map((p) => ({ ...p, first: true }));
    expect(codesOf(ProposalSchema, { ...joint, proposers })).toEqual(['first_proposer_multiple']);
  });

  it('should refuse duplicate proposer and suggestion ids', () => {
    const suggestions = [...joint.suggestions, { id: 's1', title: '重复' }];
    expect(codesOf(ProposalSchema, { ...joint, suggestions })).toEqual(['duplicate_id']);
  });

  it('should only let deputies file an NPC suggestion', () => {
    const input = { ...joint, kind: 'suggestion', proposers: [{ id: 'p', type: 'party', name: '某党派' }] };
    expect(messagesOf(ProposalSchema, input)).toMatchInlineSnapshot(`
      {
        "en": [
          ""Proposers › #1 › Proposer type": a deputies' suggestion is filed by deputies or a delegation, not "party"",
        ],
        "zh-CN": [
          "「提出者 › 第1项 › 提出者类型」：人大代表建议由代表或代表团提出，不能为“party”",
        ],
      }
    `);
  });

  it('should name every missing or wrong field of an empty input', () => {
    expect(
      messagesOf(ProposalSchema, { number: 0, session: { term: '十三', meeting: 2 }, channel: 'mail' }),
    ).toMatchInlineSnapshot(`
        {
          "en": [
            ""Kind" is not a valid option: expected one of "proposal" (CPPCC proposal), "suggestion" (Deputies' suggestion)",
            ""Id" is required",
            ""Number" must be at least 1",
            ""Session › Term" has the wrong type: expected number, received text",
            ""Title" is required",
            ""Suggestion points" is required",
            ""Proposers" is required",
            ""Channel" is not a valid option: expected one of "session" (During the session), "interSession" (Between sessions)",
          ],
          "zh-CN": [
            "「类别」的取值无效：应为 "proposal"（政协提案）、"suggestion"（人大代表建议） 之一",
            "「提案标识」为必填项",
            "「编号」不能小于 1",
            "「会议届次 › 届次」的类型不正确：应为数字，实际为文本",
            "「标题」为必填项",
            "「建议事项」为必填项",
            "「提出者」为必填项",
            "「提出渠道」的取值无效：应为 "session"（大会期间提出）、"interSession"（闭会期间提出） 之一",
          ],
        }
      `);
  });

  it('should name nested fields with their labels and list position', () => {
    const suggestions = [{ id: 's1', title: ' ' }];
    expect(messagesOf(ProposalSchema, { ...joint, suggestions, extra: true })).toMatchInlineSnapshot(`
      {
        "en": [
          ""Suggestion points › #1 › Point title" must not be empty",
          ""Proposal or suggestion" has unknown field(s): extra",
        ],
        "zh-CN": [
          "「建议事项 › 第1项 › 建议标题」不能为空",
          "「提案/建议」含有未知字段：extra",
        ],
      }
    `);
  });
});

describe('ProposerSchema', () => {
  it('should reject an unknown proposer type with the allowed options and their labels', () => {
    expect(messagesOf(ProposerSchema, { id: 'x', type: 'citizen', name: '某人' })).toMatchInlineSnapshot(`
      {
        "en": [
          ""Proposer type" is not a valid option: expected one of "member" (Individual member or deputy), "party" (Democratic party), "organisation" (People's organisation), "sector" (Sector (界别)), "group" (Members’ group), "delegation" (Delegation), "committee" (Special committee)",
        ],
        "zh-CN": [
          "「提出者类型」的取值无效：应为 "member"（委员/代表个人）、"party"（民主党派）、"organisation"（人民团体）、"sector"（界别）、"group"（委员小组/联组）、"delegation"（代表团）、"committee"（专门委员会） 之一",
        ],
      }
    `);
  });
});

describe('sessionLabel', () => {
  it('should write 届 and 次 in Chinese numerals and English ordinals', () => {
    expect(sessionLabel({ term: 13, meeting: 2 })).toEqual({
      'zh-CN': '十三届二次会议',
      en: '2nd meeting of the 13th term',
    });
    expect(sessionLabel({ term: 20, meeting: 11 })).toEqual({
      'zh-CN': '二十届十一次会议',
      en: '11th meeting of the 20th term',
    });
    expect(sessionLabel({ term: 9, meeting: 1 }).en).toBe('1st meeting of the 9th term');
  });
});
