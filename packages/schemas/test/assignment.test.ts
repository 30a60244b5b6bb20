import { describe, expect, it } from 'vitest';
import { fixtures, sampleSplitAssignment, seedAssignment132402 } from '../src/fixtures/index.js';
import { AssignmentSchema, assignedUnits, replyingUnits } from '../src/index.js';
import { codesOf, messagesOf } from './support/messages.js';

const { zsCommerce, zsCyberspace, zsEducation, zsGovernmentOffice } = fixtures.seedUnits;
const base = { coUnits: [], assigningOffice: zsGovernmentOffice, date: '2023-03-15' };

describe('AssignmentSchema', () => {
  it('should accept each mode with its units', () => {
    for (const a of [
      { ...base, mode: 'sole', leadUnit: zsCommerce },
      { ...base, mode: 'lead', leadUnit: zsCommerce, coUnits: [zsCyberspace] },
      { ...base, mode: 'split', splitUnits: [zsCommerce, zsCyberspace] },
      { ...base, mode: 'reference', referenceUnits: [zsCommerce] },
    ])
      expect(AssignmentSchema.safeParse(a).error?.issues).toBeUndefined();
  });

  it('should require a lead unit and co-units in lead mode', () => {
    expect(messagesOf(AssignmentSchema, { ...base, mode: 'lead' })).toMatchInlineSnapshot(`
      {
        "en": [
          ""Lead unit": handling mode "Lead with co-handlers" needs a lead unit",
          ""Co-handling units": handling mode "Lead with co-handlers" needs at least one co-handling unit",
        ],
        "zh-CN": [
          "「主办单位」：办理方式为“主办+会办”时须指定主办单位",
          "「会办单位」：办理方式为“主办+会办”时至少需要一个会办单位",
        ],
      }
    `);
  });

  it('should require two split units and forbid a lead unit in split mode', () => {
    expect(
      messagesOf(AssignmentSchema, { ...base, mode: 'split', leadUnit: zsCommerce, splitUnits: [zsCyberspace] }),
    ).toMatchInlineSnapshot(`
        {
          "en": [
            ""Lead unit": handling mode "Split handling" has no lead unit",
            ""Split units": handling mode "Split handling" needs at least 2 split units",
          ],
          "zh-CN": [
            "「主办单位」：办理方式为“分办”时不设主办单位",
            "「分办单位」：办理方式为“分办”时至少需要 2 个分办单位",
          ],
        }
      `);
  });

  it('should forbid co-units and split units in sole mode', () => {
    const input = { ...base, mode: 'sole', leadUnit: zsCommerce, coUnits: [zsCyberspace], splitUnits: [zsEducation] };
    expect(codesOf(AssignmentSchema, input)).toEqual([
      'assignment_co_units_forbidden',
      'assignment_split_units_forbidden',
    ]);
  });

  it('should require reference units in reference mode', () => {
    expect(codesOf(AssignmentSchema, { ...base, mode: 'reference' })).toEqual(['assignment_reference_units_required']);
  });

  it('should refuse a unit that is both lead and co-handler', () => {
    const input = { ...base, mode: 'lead', leadUnit: zsCommerce, coUnits: [zsCommerce] };
    expect(messagesOf(AssignmentSchema, input)).toMatchInlineSnapshot(`
      {
        "en": [
          ""Assignment" lists the unit "中山市商务局" more than once",
        ],
        "zh-CN": [
          "「交办」中的单位“中山市商务局”重复出现",
        ],
      }
    `);
  });

  it('should name the unit fields when a unit is malformed', () => {
    const input = { ...base, mode: 'sole', leadUnit: { id: 'x' }, date: '2023-03-32' };
    expect(messagesOf(AssignmentSchema, input)).toMatchInlineSnapshot(`
      {
        "en": [
          ""Lead unit › Unit name" is required",
          ""Assigned on" is not a real calendar date: "2023-03-32"",
        ],
        "zh-CN": [
          "「主办单位 › 单位名称」为必填项",
          "「交办日期」不是真实存在的日期：“2023-03-32”",
        ],
      }
    `);
  });
});

describe('assignedUnits', () => {
  it('should list the lead first, then the co-units, with roles', () => {
    const roles = assignedUnits(seedAssignment132402).map((u) => u.role);
    expect(roles).toEqual(['lead', 'co', 'co', 'co', 'co', 'co', 'co']);
  });
});

describe('replyingUnits', () => {
  it('should return only the lead unit in lead mode and every unit in split mode', () => {
    expect(replyingUnits(seedAssignment132402).map((u) => u.id)).toEqual(['zs-commerce']);
    expect(replyingUnits(sampleSplitAssignment)).toHaveLength(2);
  });
});
