import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BANLI_EVENT_TYPES, BanliEventSchema, eventSchemaFor, publicSchemas, textRuleViolation } from '../src/index.js';
import { textRuleEnforcement } from '../src/internal/fields.js';

// The SDK leaves the text rules (no NUL, no lone surrogate, no leading U+FEFF) to the schemas: its payload walk checks
// only sizes and shape, and runs the text rules itself only once a schema has refused (issues 15 and 19: validation
// once). That is sound only if every schema that accepts a value accepts no string breaking the rules, at any depth,
// and no key it does not know. This walks every schema the package exports and every event schema.

const roots: [string, z.core.$ZodType][] = [
  ...Object.entries(publicSchemas),
  ['BanliEventSchema', BanliEventSchema],
  ...BANLI_EVENT_TYPES.map((t) => [t, eventSchemaFor(t)] as [string, z.core.$ZodType]),
];

type Def = z.core.$ZodTypeDef & Record<string, unknown>;
const BREAKING = ['\u0000', '\uD800', '\uDC00'];

/** Every string leaf reachable from `schema` (with its path) and every place that breaks the invariant. */
function walk(schema: z.core.$ZodType) {
  const strings: { path: string; schema: z.core.$ZodType }[] = [];
  const problems: string[] = [];
  const seen = new Set<z.core.$ZodType>();
  const visit = (s: z.core.$ZodType, path: string): void => {
    if (seen.has(s)) return;
    seen.add(s);
    const def = s._zod.def as Def;
    switch (def.type) {
      case 'string':
        strings.push({ path, schema: s });
        if (textRuleEnforcement(s) === undefined && def.format !== 'email')
          problems.push(`${path}: a string with no text-rule check`);
        return;
      case 'object': {
        const catchall = def.catchall as z.core.$ZodType | undefined;
        if (catchall?._zod.def.type !== 'never') problems.push(`${path}: an object that is not strict`);
        for (const [key, child] of Object.entries(def.shape as Record<string, z.core.$ZodType>)) {
          if (textRuleViolation(key) !== undefined) problems.push(`${path}.${key}: a key breaking the rules`);
          visit(child, `${path}.${key}`);
        }
        return;
      }
      case 'array':
        visit(def.element as z.core.$ZodType, `${path}[]`);
        return;
      case 'optional':
      case 'nullable':
      case 'readonly':
        visit(def.innerType as z.core.$ZodType, path);
        return;
      case 'union':
        (def.options as z.core.$ZodType[]).forEach((o, i) => {
          visit(o, `${path}|${i}`);
        });
        return;
      case 'pipe':
        visit(def.in as z.core.$ZodType, path);
        visit(def.out as z.core.$ZodType, path);
        return;
      case 'lazy':
        visit((def.getter as () => z.core.$ZodType)(), path);
        return;
      case 'enum':
      case 'literal': {
        const values = def.type === 'enum' ? Object.values(def.entries as object) : (def.values as unknown[]);
        for (const v of values)
          if (typeof v === 'string' && textRuleViolation(v) !== undefined)
            problems.push(`${path}: ${JSON.stringify(v)}`);
        return;
      }
      case 'number':
      case 'boolean':
      case 'null':
      case 'never':
        return;
      default:
        problems.push(`${path}: a ${def.type} schema the walk does not know (the invariant cannot be shown for it)`);
    }
  };
  visit(schema, '$');
  return { strings, problems };
}

describe('every string a banli schema accepts obeys the text rules', () => {
  it.each(roots)('%s: every string is checked, every object strict', (_name, schema) => {
    const { strings, problems } = walk(schema);
    expect(problems).toEqual([]);
    if (_name === 'BanliEventSchema') expect(strings.length).toBeGreaterThan(50);
  });

  it('should refuse a breaking string at every string schema, whatever else it checks', () => {
    const leaves = roots.flatMap(([, s]) => walk(s).strings.map((l) => l.schema));
    expect(leaves.length).toBeGreaterThan(100);
    // Values each string schema may accept (a date, a month-day, a postcode, a phone, a document number, an email,
    // text), each with a breaking character put at its start, inside and at its end.
    const samples = [
      '2023-06-20',
      '06-20',
      '528400',
      '0760-88888888',
      '中商务电函〔2023〕12号',
      'a@b.cn',
      '、',
      '答复',
    ];
    const broken = samples.flatMap((s) =>
      [...BREAKING, '\uFEFF'].flatMap((c) => [c + s, s.slice(0, 1) + c + s.slice(1), s + c]),
    );
    broken.push(' \uFEFF答复', '\uFEFF', '\uFEFF\uFEFF');
    for (const leaf of new Set(leaves))
      for (const value of broken) {
        const rule = textRuleViolation(value);
        if (rule === undefined) continue;
        expect([value, z.safeParse(leaf, value).success]).toEqual([value, false]);
      }
  });

  it('should show the walk fails a schema that lets a breaking string through', () => {
    const loose = z.strictObject({ separator: z.string().max(2) });
    expect(walk(loose).problems).toEqual(['$.separator: a string with no text-rule check']);
    expect(walk(z.object({ a: z.number() })).problems).toEqual(['$: an object that is not strict']);
  });
});
