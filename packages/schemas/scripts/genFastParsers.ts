import type { z } from 'zod';
import { ClassMarkSchema } from '../src/classMark.js';
import { CoHandlingOpinionSchema } from '../src/coHandlingOpinion.js';
import { CoUnitSubmitOpinionEventSchema } from '../src/events/caseEvents.js';
import { FollowUpReplyEventSchema, ReplySubmitDraftEventSchema } from '../src/events/replyEvents.js';
import * as leaves from '../src/internal/fastLetterLeaves.js';
import { ItemReferenceSchema } from '../src/itemReference.js';
import { BilingualSchema } from '../src/label.js';
import {
  ContactSchema,
  CopyToSchema,
  DisclosureSchema,
  ImprintSchema,
  RecipientListSchema,
} from '../src/letterFooter.js';
import { ReplyLetterSchema } from '../src/replyLetter.js';
import { ResponseSchema } from '../src/response.js';
import { SignatorySchema } from '../src/signatory.js';
import { UnitPrincipalSchema, UnitSchema } from '../src/unit.js';

// Writes the object fast parsers of letters (src/internal/fastParsers.generated.ts) from the zod schemas: for each
// object schema below, its keys in order, which are optional, its arrays' minimum lengths, its literals and whether it
// has rules come from the schema; this table adds only the leaf parser of each field (src/internal/fastLetterLeaves.ts,
// `fastText`, or another parser of this table). The code is written out field by field, each property read and
// written by its name: V8 keeps those accesses monomorphic, where one loop over a table of fields ran slower
// (issues 15 and 19). Run `pnpm --filter @banli/schemas gen:fast-parsers` after changing a schema below or this table;
// test/fastParsersGenerated.test.ts fails while the file differs from what this writes.

/** An object fast parser to generate. */
export type ParserSpec = {
  /** The function's name. */
  name: string;
  /** The strict object schema it mirrors (wrapped in `.optional()`/`.meta()` or not). */
  schema: z.core.$ZodType;
  /** What the doc comment names it after (the schema's name). */
  mirrors: string;
  /** The output's TypeScript type, and the module (relative to src/internal) its last name is imported from. */
  type: [name: string, from: string];
  /** The rules function (its `superRefine`) and its module, when the schema has rules. */
  rules?: [name: string, from: string];
  /** Whether another module uses it. */
  exported?: boolean;
  /** Each field's parser: of its value, or of its items for an array, or the name given to a literal's parser. */
  fields: Record<string, string>;
};

const unitFields = {
  id: 'fastText',
  name: 'fastText',
  shortName: 'fastText',
  code: 'fastText',
  label: 'fastBilingual',
  principal: 'fastPrincipal',
};
const eventFields = { at: 'fastIsoDate', caseId: 'fastText' };
const letterEventFields = { ...eventFields, letter: 'fastParseReplyLetter', mergedLetters: 'fastParseReplyLetter' };

/** An event's parser (`fastLetterEventParser` hands it out): `type` is parsed by a literal named in `fields`. */
function event(name: string, schema: z.core.$ZodType, mirrors: string, fields: Record<string, string>): ParserSpec {
  return { name, schema, mirrors, type: ['BanliEvent', '../events/union.js'], exported: true, fields };
}

/** The parsers, each before the parsers that use it. */
export const PARSERS: readonly ParserSpec[] = [
  {
    name: 'fastItemReference',
    schema: ItemReferenceSchema,
    mirrors: 'ItemReferenceSchema',
    type: ['ItemReference', '../itemReference.js'],
    fields: {
      kind: 'fastProposalKind',
      printed: 'fastText',
      term: 'fastPositiveInt',
      session: 'fastPositiveInt',
      number: 'fastText',
    },
  },
  {
    name: 'fastClassMark',
    schema: ClassMarkSchema,
    mirrors: 'ClassMarkSchema',
    type: ['ClassMark', '../classMark.js'],
    fields: { text: 'fastText', position: 'fastClassMarkPosition' },
  },
  {
    name: 'fastResponse',
    schema: ResponseSchema,
    mirrors: 'ResponseSchema',
    type: ['Response', '../response.js'],
    fields: {
      suggestionIds: 'fastText',
      heading: 'fastText',
      adoption: 'fastAdoption',
      statement: 'fastText',
      body: 'fastText',
    },
  },
  {
    name: 'fastBilingual',
    schema: BilingualSchema,
    mirrors: 'BilingualSchema',
    type: ['Bilingual', '../label.js'],
    fields: { 'zh-CN': 'fastTrimmed', en: 'fastTrimmed' },
  },
  {
    name: 'fastPrincipal',
    schema: UnitPrincipalSchema,
    mirrors: 'UnitPrincipalSchema',
    type: ['UnitPrincipal', '../unit.js'],
    fields: { title: 'fastText', name: 'fastText' },
  },
  { name: 'fastUnit', schema: UnitSchema, mirrors: 'UnitSchema', type: ['Unit', '../unit.js'], fields: unitFields },
  {
    name: 'fastIssuingUnit',
    schema: ReplyLetterSchema.shape.issuingUnit,
    mirrors: 'UnitSchema.partial({ id: true })',
    type: ['Partial<Unit>', '../unit.js'],
    fields: unitFields,
  },
  {
    name: 'fastSignatory',
    schema: SignatorySchema,
    mirrors: 'SignatorySchema',
    type: ['Signatory', '../signatory.js'],
    fields: { role: 'fastSignatoryRole', label: 'fastText', name: 'fastText' },
  },
  {
    name: 'fastContact',
    schema: ContactSchema,
    mirrors: 'ContactSchema',
    type: ['Contact', '../letterFooter.js'],
    rules: ['contactRules', '../letterFooter.js'],
    exported: true,
    fields: {
      person: 'fastText',
      department: 'fastText',
      phone: 'fastPhone',
      maskedPhone: 'fastMaskedPhone',
      fax: 'fastPhone',
      email: 'fastEmail',
      address: 'fastText',
      postcode: 'fastPostcode',
    },
  },
  {
    name: 'fastDisclosure',
    schema: DisclosureSchema,
    mirrors: 'DisclosureSchema',
    type: ['Disclosure', '../letterFooter.js'],
    rules: ['disclosureRules', '../letterFooter.js'],
    fields: { mode: 'fastDisclosureMode', mark: 'fastText', reason: 'fastText' },
  },
  {
    name: 'fastCopyTo',
    schema: CopyToSchema,
    mirrors: 'CopyToSchema',
    type: ['CopyTo', '../letterFooter.js'],
    fields: { name: 'fastText', copies: 'fastPositiveInt' },
  },
  {
    name: 'fastRecipientList',
    schema: RecipientListSchema,
    mirrors: 'RecipientListSchema',
    type: ['RecipientList', '../letterFooter.js'],
    exported: true,
    fields: { recipients: 'fastCopyTo', separator: 'fastSeparator' },
  },
  {
    name: 'fastImprint',
    schema: ImprintSchema,
    mirrors: 'ImprintSchema',
    type: ['Imprint', '../letterFooter.js'],
    fields: { printedBy: 'fastText', printDate: 'fastIsoDate' },
  },
  {
    name: 'fastParseReplyLetter',
    schema: ReplyLetterSchema,
    mirrors: 'ReplyLetterSchema',
    type: ['ReplyLetter', '../replyLetter.js'],
    rules: ['replyLetterRules', '../replyLetter.js'],
    exported: true,
    fields: {
      proposalId: 'fastText',
      reference: 'fastItemReference',
      docNumber: 'fastDocNumber',
      printedDocNumber: 'fastPrintedDocNumber',
      class: 'fastReplyClass',
      classGrade: 'fastClassGrade',
      classMark: 'fastClassMark',
      letterhead: 'fastText',
      title: 'fastText',
      addressees: 'fastText',
      greeting: 'fastText',
      opening: 'fastText',
      intro: 'fastText',
      responses: 'fastResponse',
      body: 'fastText',
      closing: 'fastText',
      issuingUnit: 'fastIssuingUnit',
      coUnits: 'fastText',
      consultedUnits: 'fastText',
      signatories: 'fastSignatory',
      date: 'fastIsoDate',
      dateText: 'fastText',
      contacts: 'fastContact',
      disclosure: 'fastDisclosure',
      reportTo: 'fastRecipientList',
      copyTo: 'fastRecipientList',
      imprint: 'fastImprint',
    },
  },
  {
    name: 'fastParseCoHandlingOpinion',
    schema: CoHandlingOpinionSchema,
    mirrors: 'CoHandlingOpinionSchema',
    type: ['CoHandlingOpinion', '../coHandlingOpinion.js'],
    rules: ['opinionRules', '../coHandlingOpinion.js'],
    exported: true,
    fields: {
      fromUnit: 'fastUnit',
      toUnit: 'fastUnit',
      title: 'fastText',
      docNumber: 'fastDocNumber',
      printedDocNumber: 'fastPrintedDocNumber',
      reference: 'fastItemReference',
      text: 'fastText',
      closing: 'fastText',
      date: 'fastIsoDate',
      dateText: 'fastText',
      signatories: 'fastSignatory',
      contacts: 'fastContact',
      copyTo: 'fastRecipientList',
    },
  },
  event('fastSubmitDraft', ReplySubmitDraftEventSchema, 'ReplySubmitDraftEventSchema', {
    type: 'isSubmitDraft',
    ...letterEventFields,
  }),
  event('fastFollowUpReply', FollowUpReplyEventSchema, 'FollowUpReplyEventSchema', {
    type: 'isFollowUpReply',
    ...letterEventFields,
  }),
  event('fastSubmitOpinion', CoUnitSubmitOpinionEventSchema, 'CoUnitSubmitOpinionEventSchema', {
    type: 'isSubmitOpinion',
    ...eventFields,
    opinion: 'fastParseCoHandlingOpinion',
  }),
];

/** Where the generated parsers are written, relative to the package. */
export const GENERATED_PATH = 'src/internal/fastParsers.generated.ts';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

/** A field as the schema has it: optional or not, and its schema inside `.optional()`. */
type Field = { key: string; optional: boolean; def: Def };

/** The fields of a strict object schema, in its order; anything the generator does not know is an error. */
function fieldsOf(spec: ParserSpec): Field[] {
  let def = defOf(spec.schema);
  if (def.type === 'optional') def = defOf(def.innerType as z.core.$ZodType);
  if (def.type !== 'object') throw new Error(`${spec.name}: ${spec.mirrors} is a ${def.type}, not an object`);
  if (defOf(def.catchall as z.core.$ZodType).type !== 'never')
    throw new Error(`${spec.name}: ${spec.mirrors} is not strict`);
  const hasRules = ((def.checks as unknown[] | undefined) ?? []).length > 0;
  if (hasRules !== (spec.rules !== undefined))
    throw new Error(`${spec.name}: ${spec.mirrors} ${hasRules ? 'has rules: name them' : 'has no rules'}`);
  const shape = def.shape as Record<string, z.core.$ZodType>;
  const keys = Object.keys(shape);
  const named = Object.keys(spec.fields);
  if (keys.join() !== named.join())
    throw new Error(`${spec.name}: the fields [${named}] are not ${spec.mirrors}'s [${keys}] in its order`);
  return keys.map((key) => {
    const outer = defOf(shape[key] as z.core.$ZodType);
    const optional = outer.type === 'optional';
    const def = optional ? defOf(outer.innerType as z.core.$ZodType) : outer;
    if (['default', 'prefault', 'nullable', 'nonoptional', 'pipe', 'transform'].includes(def.type))
      throw new Error(`${spec.name}.${key}: a ${def.type} schema is not generated`);
    return { key, optional, def };
  });
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const access = (object: string, key: string) =>
  IDENTIFIER.test(key) ? `${object}.${key}` : `${object}[${quote(key)}]`;

/** `fastUnit` → `UNIT_KEYS`; `fastParseReplyLetter` → `REPLY_LETTER_KEYS`. */
const keysConst = (name: string) =>
  `${name
    .replace(/^fast(Parse)?/, '')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase()}_KEYS`;

/** A statement, or a list in brackets wrapped one item a line when it is longer than biome's line width (120). */
function list(head: string, items: string[], tail: string, indent = ''): string {
  const flat = `${indent}${head}${items.join(', ')}${tail}`;
  if (flat.length <= 120) return flat;
  const lines = items.map((item) => `${indent}  ${item},`);
  return `${indent}${head.trimEnd()}\n${lines.join('\n')}\n${indent}${tail.trimStart()}`;
}

/** biome's import order of names: letter by letter, ignoring case, a capital first. */
function nameOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const [x, y] = [a[k] as string, b[k] as string];
    if (x === y) continue;
    const [lx, ly] = [x.toLowerCase(), y.toLowerCase()];
    if (lx !== ly) return lx < ly ? -1 : 1;
    return x === x.toUpperCase() ? -1 : 1;
  }
  return a.length - b.length;
}

/** The generated module's text. */
export function generateFastParsers(parsers: readonly ParserSpec[] = PARSERS): string {
  const generated = new Set(parsers.map((p) => p.name));
  const leafNames = new Set(Object.keys(leaves));
  const imports = new Map<string, Set<string>>();
  const use = (from: string, name: string) => {
    const names = imports.get(from) ?? new Set<string>();
    names.add(name);
    imports.set(from, names);
  };
  const consts = new Map<string, string>();
  const defined = new Set<string>();

  /** The parser of a value of `def` whose leaf (or item parser) is `leaf`. */
  function parserOf(where: string, def: Def, leaf: string): string {
    if (def.type === 'literal') {
      consts.set(leaf, `const ${leaf} = fastEnum([${(def.values as string[]).map((v) => quote(v)).join(', ')}]);`);
      use('./fastParse.js', 'fastEnum');
      return leaf;
    }
    if (def.type === 'array') {
      const checks = (def.checks as z.core.$ZodCheck[] | undefined) ?? [];
      let min = 0;
      for (const check of checks) {
        const d = check._zod.def as unknown as { check: string; minimum?: number };
        if (d.check !== 'min_length') throw new Error(`${where}: an array's ${d.check} check is not generated`);
        min = d.minimum ?? 0;
      }
      const item = parserOf(where, defOf(def.element as z.core.$ZodType), leaf);
      const name = `${item}${min > 0 ? `Min${min}` : ''}Array`;
      consts.set(name, `const ${name} = fastArray(${item}${min > 0 ? `, ${min}` : ''});`);
      use('./fastParse.js', 'fastArray');
      return name;
    }
    if (generated.has(leaf)) {
      if (!defined.has(leaf)) throw new Error(`${where}: ${leaf} is generated after its use`);
      if (def.type !== 'object') throw new Error(`${where}: ${leaf} parses an object, the field is a ${def.type}`);
      return leaf;
    }
    if (leaf === 'fastText') use('./fields.js', 'fastText');
    else if (leafNames.has(leaf)) use('./fastLetterLeaves.js', leaf);
    else throw new Error(`${where}: no leaf parser ${leaf} in fastLetterLeaves.ts`);
    return leaf;
  }

  const bodies: string[] = [];
  for (const spec of parsers) {
    const fields = fieldsOf(spec);
    const [type, typeFrom] = spec.type;
    use(typeFrom, `type ${/(\w+)>*$/.exec(type)?.[1]}`);
    use('./fastParse.js', 'type Fields');
    use('./fastParse.js', 'strictFields');
    const keys = keysConst(spec.name);
    const lines = [
      list(`const ${keys} = new Set([`, Object.keys(spec.fields).map(quote), ']);'),
      '',
      `/** \`${spec.mirrors}\`, field by field (generated). */`,
      `${spec.exported ? 'export ' : ''}function ${spec.name}(i: unknown): ${type} | undefined {`,
      `  if (!strictFields(i, ${keys})) return undefined;`,
      '  const o: Fields = {};',
      '  let v: unknown;',
    ];
    for (const field of fields) {
      const parse = parserOf(`${spec.name}.${field.key}`, field.def, spec.fields[field.key] as string);
      const [read, write] = [access('i', field.key), access('o', field.key)];
      if (field.optional)
        lines.push(
          `  v = ${read};`,
          '  if (v !== undefined) {',
          `    v = ${parse}(v);`,
          '    if (v === undefined) return undefined;',
          `    ${write} = v;`,
          `  } else if (${quote(field.key)} in i) ${write} = undefined;`,
        );
      else lines.push(`  v = ${parse}(${read});`, '  if (v === undefined) return undefined;', `  ${write} = v;`);
    }
    if (spec.rules) {
      const [rules, rulesFrom] = spec.rules;
      use(rulesFrom, rules);
      use('./fastParse.js', 'holds');
      lines.push(`  return holds(${rules}, o as ${type}) ? (o as ${type}) : undefined;`);
    } else lines.push(`  return o as ${type};`);
    lines.push('}');
    bodies.push(lines.join('\n'));
    defined.add(spec.name);
  }

  const importLines = [...imports.entries()]
    .sort(([a], [b]) => (a.startsWith('../') === b.startsWith('../') ? nameOrder(a, b) : a.startsWith('../') ? -1 : 1))
    .map(([from, names]) => {
      const sorted = [...names].sort((a, b) => nameOrder(a.replace(/^type /, ''), b.replace(/^type /, '')));
      if (sorted.every((n) => n.startsWith('type ')))
        return list(
          'import type { ',
          sorted.map((n) => n.slice(5)),
          ` } from ${quote(from)};`,
        );
      return list('import { ', sorted, ` } from ${quote(from)};`);
    });

  return [
    '// @generated by scripts/genFastParsers.ts from the zod schemas: do not edit. Change the schemas or the generator,',
    '// then run `pnpm --filter @banli/schemas gen:fast-parsers` (test/fastParsersGenerated.test.ts fails until then).',
    ...importLines,
    '',
    [...consts.values()].join('\n'),
    '',
    bodies.join('\n\n'),
    '',
  ].join('\n');
}
