import { describe, expect, it } from 'vitest';
import { fixtures } from '../src/fixtures/index.js';
import {
  BanliEventSchema,
  CaseRequestExtensionEventSchema,
  eventSchemaFor,
  ReviewRejectEventSchema,
} from '../src/index.js';
import { codesOf, messagesOf } from './support/messages.js';

describe('BanliEventSchema messages', () => {
  it('should say which event types exist when the type is unknown', () => {
    const m = messagesOf(BanliEventSchema, { type: 'proposal.explode', at: '2023-03-20' });
    expect(m['zh-CN'][0]).toMatch(/^「事件类型」的取值无效：应为 "proposal\.submit"、/);
    expect(m.en[0]).toMatch(/^"Event type" is not a valid option: expected one of "proposal\.submit", /);
  });

  it('should name the fields of the matching event', () => {
    expect(
      messagesOf(BanliEventSchema, { type: 'review.reject', at: '2023-1-5', reason: 'dull', extra: 1 }),
    ).toMatchInlineSnapshot(`
        {
          "en": [
            ""At" must be a date in YYYY-MM-DD format, received "2023-1-5"",
            ""Rejection reason" is not a valid option: expected one of "stateSecret" (Involves state secrets), "prohibitedByState" (Concerns matters the state prohibits), "personnelObjection" (A party member objecting to personnel matters), "partyInternalAffairs" (A democratic party's internal affairs), "litigationOrArbitration" (A matter in litigation or arbitration), "academicDiscussion" (Academic discussion), "personalMatter" (A personal or family matter), "productPromotion" (Promotes a product or a work), "namedReport" (A report against a named person), "emptyContent" (No substantive content), "petitionComplaint" (A petition (信访) complaint), "outsideJurisdiction" (Outside the local jurisdiction)",
            ""Reject" has unknown field(s): extra",
          ],
          "zh-CN": [
            "「发生日期」须为 YYYY-MM-DD 格式的日期，收到“2023-1-5”",
            "「不予立案理由」的取值无效：应为 "stateSecret"（涉及国家秘密）、"prohibitedByState"（国家明令禁止的事项）、"personnelObjection"（党员对人事问题提出意见）、"partyInternalAffairs"（民主党派内部事务）、"litigationOrArbitration"（涉及诉讼、仲裁的事项）、"academicDiscussion"（学术探讨）、"personalMatter"（个人或家庭事务）、"productPromotion"（宣传、推介产品或作品）、"namedReport"（检举、举报）、"emptyContent"（内容空泛）、"petitionComplaint"（属于信访事项）、"outsideJurisdiction"（不属于本行政区域职权范围） 之一",
            "「不予立案」含有未知字段：extra",
          ],
        }
      `);
  });

  it('should name the fields of a nested aggregate', () => {
    const assignment = { ...fixtures.seedAssignment132402, mode: 'split' };
    expect(
      messagesOf(BanliEventSchema, { type: 'assignment.assign', at: '2023-03-15', assignment }),
    ).toMatchInlineSnapshot(`
        {
          "en": [
            ""Assignment › Lead unit": handling mode "Split handling" has no lead unit",
            ""Assignment › Co-handling units": handling mode "Split handling" has no co-handling units",
            ""Assignment › Split units": handling mode "Split handling" needs at least 2 split units",
          ],
          "zh-CN": [
            "「交办 › 主办单位」：办理方式为“分办”时不设主办单位",
            "「交办 › 会办单位」：办理方式为“分办”时不设会办单位",
            "「交办 › 分办单位」：办理方式为“分办”时至少需要 2 个分办单位",
          ],
        }
      `);
  });

  it('should require caseId on case events', () => {
    expect(
      messagesOf(BanliEventSchema, { type: 'feedback.submit', at: '2023-07-10', feedback: { level: 'dissatisfied' } }),
    ).toMatchInlineSnapshot(`
        {
          "en": [
            ""Case id" is required",
            ""Feedback › Proposer id" is required",
            ""Feedback › Date" is required",
          ],
          "zh-CN": [
            "「办件标识」为必填项",
            "「征询意见 › 提出者标识」为必填项",
            "「征询意见 › 评价日期」为必填项",
          ],
        }
      `);
  });
});

describe('ReviewRejectEventSchema', () => {
  it('should accept a listed reason with a note', () => {
    const e = { type: 'review.reject', at: '2023-02-20', reason: 'emptyContent', note: '内容空泛' };
    expect(ReviewRejectEventSchema.parse(e)).toEqual(e);
  });
});

describe('CaseRequestExtensionEventSchema', () => {
  it('should accept nested deadline rules', () => {
    const rule = {
      kind: 'earliest',
      rules: [
        { kind: 'workingDays', days: 30 },
        { kind: 'fixedDate', monthDay: '10-31' },
      ],
    };
    const e = { type: 'case.requestExtension', at: '2023-05-10', caseId: 'c1', reason: '需协调', rule };
    expect(CaseRequestExtensionEventSchema.parse(e).rule).toEqual(rule);
  });

  it('should name the broken part of a nested rule', () => {
    const rule = {
      kind: 'latest',
      rules: [
        { kind: 'months', months: -1 },
        { kind: 'fixedDate', monthDay: '13-01' },
      ],
    };
    const e = { type: 'case.requestExtension', at: '2023-05-10', caseId: 'c1', reason: '需协调', rule };
    expect(messagesOf(CaseRequestExtensionEventSchema, e)).toMatchInlineSnapshot(`
      {
        "en": [
          ""Extension rule › Rules › #1 › Months" must be at least 0",
          ""Extension rule › Rules › #2 › Month and day" must be a month and day in MM-DD format, received "13-01"",
        ],
        "zh-CN": [
          "「延期规则 › 子规则 › 第1项 › 月数」不能小于 0",
          "「延期规则 › 子规则 › 第2项 › 月日」须为 MM-DD 格式的月日，收到“13-01”",
        ],
      }
    `);
  });
});

describe('eventSchemaFor', () => {
  it('should validate only its own event type', () => {
    expect(codesOf(eventSchemaFor('case.accept'), { type: 'case.close', at: '2023-06-30', caseId: 'c1' })).toEqual([
      'invalid_option',
    ]);
  });

  it('should throw on a type that is not an event', () => {
    expect(() => eventSchemaFor('nope' as 'case.accept')).toThrow(TypeError);
  });
});
