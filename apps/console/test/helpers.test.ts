import { ROLES, roleLabel } from '@banli/sdk';
import { describe, expect, it } from 'vitest';
import { activeStateIds, highlight, rootIdOf } from '../src/chartHighlight.js';
import { messages } from '../src/i18n.js';
import { listQuery } from '../src/listQuery.js';
import { monthGrid } from '../src/monthGrid.js';
import { roleOptions } from '../src/roleOptions.js';
import { eventFrom, FieldError, fieldsOf } from '../src/schemaForm.js';
import { describeTransition, parseSse } from '../src/sse.js';
import { barLength, classSegments, percent } from '../src/statsCharts.js';
import { type UnitName, unitDisplayName, unitNamesPath } from '../src/unitNames.js';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('labels', () => {
  it('should have the same keys in zh-CN and en, none empty', () => {
    expect(keysOf(messages.en).sort()).toEqual(keysOf(messages['zh-CN']).sort());
    for (const lang of ['zh-CN', 'en'] as const)
      for (const key of keysOf(messages[lang])) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages[lang]);
        expect(String(value).trim(), `${lang} ${key}`).not.toBe('');
      }
  });
});

describe('forms from an event schema', () => {
  const schema = {
    type: 'object',
    properties: {
      type: { const: 'case.requestExtension' },
      caseId: { type: 'string' },
      at: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      reason: { type: 'string' },
      days: { type: 'integer' },
      urgent: { type: 'boolean' },
      mode: { enum: ['sole', 'lead'] },
      rule: { type: 'object' },
    },
    required: ['type', 'caseId', 'reason'],
  };

  it('should make one input per field but type and caseId, typed by the schema', () => {
    const fields = fieldsOf(schema);
    expect(fields.map((f) => [f.name, f.input, f.required])).toEqual([
      ['at', 'date', false],
      ['reason', 'text', true],
      ['days', 'number', false],
      ['urgent', 'checkbox', false],
      ['mode', 'select', false],
      ['rule', 'json', false],
    ]);
  });

  it('should build the event, leaving empty fields out and parsing numbers and JSON', () => {
    const fields = fieldsOf(schema);
    expect(
      eventFrom('case.requestExtension', 'c1', fields, { reason: ' 需调研 ', days: '5', rule: '{"days":10}', at: '' }),
    ).toEqual({ type: 'case.requestExtension', caseId: 'c1', reason: ' 需调研 ', days: 5, rule: { days: 10 } });
    expect(() => eventFrom('x', undefined, fields, { rule: '{oops' })).toThrow(FieldError);
  });
});

describe('state chart highlight', () => {
  const chart =
    'stateDiagram-v2\nstate "P" as proposal\nstate proposal {\n  state "A" as proposal_review\n  state "B" as proposal_review_registered\n}';

  it('should style the active states the diagram has, and ignore the others', () => {
    expect(rootIdOf(chart)).toBe('proposal');
    const ids = activeStateIds('proposal', { review: 'registered' });
    expect(ids).toEqual(['proposal_review_registered']);
    expect(activeStateIds('case', { lifecycle: 'handling', timeliness: 'onTime' })).toEqual([
      'case_lifecycle_handling',
      'case_timeliness_onTime',
    ]);
    const out = highlight(chart, [...ids, 'proposal_nowhere']);
    expect(out).toContain('class proposal_review_registered current');
    expect(out).not.toContain('proposal_nowhere');
  });
});

describe('month grid', () => {
  it('should start weeks on Monday and mark holidays and 调休 days (2023-01: 春节 and the 28th/29th)', () => {
    const weeks = monthGrid(2023, 1, {
      year: 2023,
      holidays: [
        {
          name: 'springFestival',
          label: { 'zh-CN': '春节', en: 'Spring Festival' },
          start: '2023-01-21',
          end: '2023-01-27',
        },
      ],
      makeUpWorkdays: ['2023-01-28', '2023-01-29'],
    });
    expect(weeks[0]?.[0]?.date).toBe('2022-12-26');
    const days = weeks.flat();
    expect(days.find((d) => d.date === '2023-01-23')?.holiday).toBe('春节');
    expect(days.find((d) => d.date === '2023-01-28')?.makeUp).toBe(true);
    expect(days.find((d) => d.date === '2023-01-30')?.holiday).toBeUndefined();
    expect(days.filter((d) => d.inMonth)).toHaveLength(31);
  });
});

describe('the list query', () => {
  const none = { state: '', unitId: '', overdue: false, provisional: false, kind: '' };
  it('should send the kind to the server with the other filters and the cursor', () => {
    const q = listQuery({ ...none, kind: 'suggestion', unitId: 'zs-commerce', provisional: true }, 20, 'a-1');
    expect(Object.fromEntries(q)).toEqual({
      limit: '20',
      kind: 'suggestion',
      unitId: 'zs-commerce',
      tag: 'provisional',
      after: 'a-1',
    });
  });
  it('should send no filter that is not set', () => {
    expect(Object.fromEntries(listQuery(none, 20))).toEqual({ limit: '20' });
  });
});

describe('server-sent events', () => {
  it('should split complete events from the unfinished rest, skipping comments', () => {
    const { messages: got, rest } = parseSse(
      ': banli transitions\nretry: 3000\n\nevent: entry\nid: 3\ndata: {"version":3}\n\nevent: entry\r\nid: 4\r\ndata: {"ver',
    );
    expect(got).toEqual([{ event: 'entry', id: '3', data: '{"version":3}' }]);
    expect(rest).toBe('event: entry\nid: 4\ndata: {"ver');
    const next = parseSse(`${rest}sion":4}\n\ndata: a\ndata: b\n\n`);
    expect(next.messages).toEqual([
      { event: 'entry', id: '4', data: '{"version":4}' },
      { event: 'message', data: 'a\nb' },
    ]);
    expect(next.rest).toBe('');
  });

  it('should describe a transition by machine, case, source, targets and event descriptor', () => {
    const base = { source: 'case.handling', targets: ['case.replied'], eventType: 'reply.issue', event: 'reply.issue' };
    expect(describeTransition({ ...base, machine: 'case', caseId: 'p/zs-commerce' })).toBe(
      'case p/zs-commerce: case.handling → case.replied [reply.issue]',
    );
    expect(describeTransition({ ...base, machine: 'proposal', targets: [], eventType: '' })).toBe(
      'proposal: case.handling → (self) [always]',
    );
  });
});

describe('statistics charts', () => {
  it('should stack the class mix in mark order, sized by share, leaving out empty classes', () => {
    const segments = classSegments({ C: 1, A: 2, B: 1, D: 0 }, 400);
    expect(segments.map((s) => [s.mark, s.count, s.share, s.x, s.width])).toEqual([
      ['A', 2, 0.5, 0, 200],
      ['B', 1, 0.25, 200, 100],
      ['C', 1, 0.25, 300, 100],
    ]);
    expect(classSegments({}, 400)).toEqual([]);
  });

  it('should draw rates as bars and percentages, and nothing for an undecided rate', () => {
    expect(barLength(0.75, 400)).toBe(300);
    expect(barLength(null, 400)).toBe(0);
    expect(barLength(1.2, 400)).toBe(400);
    expect(percent(0.8333)).toBe('83.3%');
    expect(percent(null)).toBe('—');
  });
});

// The role choices were a hand-kept copy of the SDK's ROLES (NOTE4, "left"); now they are derived from them.
describe('role choices', () => {
  it("should offer exactly the SDK's roles, labelled in the chosen language", () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      expect(roleOptions(lang).map((o) => o.value)).toEqual([...ROLES]);
      expect(roleOptions(lang).map((o) => o.label)).toEqual(ROLES.map((r) => roleLabel(r)[lang]));
    }
    expect(roleOptions('zh-CN').find((o) => o.value === 'committee')?.label).toBe('提案委员会 / 人大办事机构');
  });
});

describe('unit names', () => {
  const units = new Map<string, UnitName>([
    [
      'zs-commerce',
      {
        id: 'zs-commerce',
        name: '中山市商务局',
        shortName: '市商务局',
        label: { 'zh-CN': '中山市商务局', en: 'Zhongshan Municipal Bureau of Commerce' },
      },
    ],
    ['unit-x', { id: 'unit-x', name: '某县水利局' }],
  ]);

  it('should ask the server once per set of ids, whatever their order or repeats, and not at all for none', () => {
    expect(unitNamesPath(['zs-hrss', 'zs-commerce', 'zs-hrss'])).toBe('/v1/units?ids=zs-commerce,zs-hrss');
    expect(unitNamesPath(['zs-commerce', 'zs-hrss'])).toBe(unitNamesPath(['zs-hrss', 'zs-commerce']));
    expect(unitNamesPath([])).toBeUndefined();
    expect(unitNamesPath([''])).toBeUndefined();
  });

  it('should name a unit in the language chosen, by its full name without a label, and by its id while unknown', () => {
    expect(unitDisplayName('zs-commerce', units, 'zh-CN')).toBe('中山市商务局');
    expect(unitDisplayName('zs-commerce', units, 'en')).toBe('Zhongshan Municipal Bureau of Commerce');
    expect(unitDisplayName('unit-x', units, 'en')).toBe('某县水利局');
    expect(unitDisplayName('zs-hrss', units, 'zh-CN')).toBe('zs-hrss');
  });
});
