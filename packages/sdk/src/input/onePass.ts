import { fastCheckOf } from '@banli/schemas';
import type { z } from 'zod';
import type { SizeLimits } from '../limits.js';
import { isIdKey } from './idKey.js';

/**
 * One pass over an input that does the payload walk's work and the schema's at once (issue 19 §3): a parser derived
 * once from a banli zod schema, which builds the schema's output (the command's own copy of its input) while it
 * counts what the size limits count. It answers only for an input that both the payload walk (`checkPayloadShape`)
 * and the schema accept, with exactly the schema's output; for anything else (a fault, or a shape it does not know)
 * it answers `undefined`, and the caller runs the walk and the schema as before, which name the fault. So it never
 * accepts what either would refuse, and a refusal keeps its issues, paths and messages (test/onePass.test.ts holds it
 * to both on generated inputs).
 *
 * Why: the walk and zod each read the whole payload, zod through a generated function per event type that runs
 * rarely and so stays cold, and between them validation cost a command about five times what zod alone costs on the
 * same inputs. Here one walker function reads every type, each schema derived once into plans of one shape (a table
 * per object schema: its keys, their positions and their fields' plans), so what a parse touches is that function,
 * the leaf checks every command shares, and the plans of its own schema.
 *
 * What it knows of the schema: strict objects, arrays, optional fields, strings, finite numbers, booleans, literals,
 * enums and unions with a discriminator; a schema's checks (`superRefine`s, lengths, integer formats and bounds) run
 * through their fast forms (`fastCheckOf`, @banli/schemas: registered beside a text field's, a date's or an object's
 * rules, derived from zod's own number and length checks; a `trim` applies zod's own function), so a rule exists in
 * one place; a schema with a check that has none (a string format) runs its checks through zod's check functions.
 * What it knows of the walk: plain objects only (another prototype is left to the walk), the nesting depth, every
 * string's length (an id's by `limits.idLength`), keys included, the whole payload's and the top-level `letter`'s.
 * A schema's strings obey the text rules (schemas/test/textRuleInvariant.test.ts), and a strict schema admits only
 * its own keys, so what the walk checks of text is checked here too. No cycle gets through: the schema has no
 * reference cycle, so an accepted input is a tree.
 */

/** A parser derived by {@link onePassParser}: the schema's output, or `undefined` if it does not vouch for `input`. */
export type OnePassParse<T> = (input: unknown, limits: SizeLimits) => T | undefined;

/** What the pass counts as it goes, as the payload walk counts it. */
interface Tally {
  limits: SizeLimits;
  /** Characters of text, keys included. */
  total: number;
  /** Characters of text inside the top-level `letter`, keys included. */
  letter: number;
  /** Whether the pass is inside the top-level `letter`. */
  inLetter: boolean;
}

/** The answer of a plan that does not vouch for its input. */
const NO: unique symbol = Symbol('onePass.no');
type Out = unknown;

/** A schema part the pass does not model: the whole schema is then left to the walk and zod. */
class Unmodelled extends Error {}

type AnySchema = z.core.$ZodType;
/** A zod check as its runtime calls it (`def.when` gates it; `check` reads the payload and pushes issues). */
interface Check {
  _zod: { def: { when?: ((payload: never) => boolean) | undefined }; check(payload: never): unknown };
}

// zod's checks read and write a parse payload: one, reused (a pass is synchronous and no check parses).
const payload: { value: unknown; issues: unknown[]; addIssue: unknown } = {
  value: undefined,
  issues: [],
  addIssue: undefined,
};

/** Runs a schema's checks as zod's runtime does on valid input: the value they leave, or {@link NO} on any issue. */
function runChecks(checks: readonly Check[], value: unknown): Out {
  payload.value = value;
  // Empty unless the last run found an issue (setting an array's length is a call, paid on every check otherwise).
  if (payload.issues.length !== 0) payload.issues.length = 0;
  for (let i = 0; i < checks.length; i++) {
    const check = (checks[i] as Check)._zod;
    const when = check.def.when;
    if (when && !when(payload as never)) continue;
    if (check.check(payload as never) !== undefined) return NO;
    if (payload.issues.length > 0) return NO;
  }
  return payload.value;
}

/** Counts a string as the walk does, and answers whether it is within the limits. */
function counted(s: string, max: number, tally: Tally): boolean {
  if (s.length > max) return false;
  tally.total += s.length;
  if (tally.inLetter) tally.letter += s.length;
  return true;
}

/** A schema's checks in the order zod runs them: a string format (`z.url()`) is its own first check. */
function checksOf(schema: AnySchema): readonly Check[] {
  const checks: readonly Check[] = schema._zod.def.checks ?? [];
  const own: unknown = schema._zod.traits.has('$ZodCheck') ? Reflect.get(schema._zod, 'check') : undefined;
  if (typeof own !== 'function') return checks;
  const when: unknown = Reflect.get(schema._zod.def, 'when');
  const def = { when: typeof when === 'function' ? (payload: never) => Boolean(when(payload)) : undefined };
  return [{ _zod: { def, check: (payload) => own(payload) } }, ...checks];
}

/**
 * One check run fast: its fast form (`fastCheckOf`, @banli/schemas), which answers whether it passes, or for zod's
 * `overwrite` (`trim`) the function it applies to the value, which zod's check applies.
 */
type FastStep =
  | { holds: (value: unknown) => boolean; tx?: undefined }
  | { holds?: undefined; tx: (value: unknown) => unknown };

/** The fast steps of `checks`, in zod's order, or `undefined` if one of them has none. */
function fastStepsOf(checks: readonly Check[]): FastStep[] | undefined {
  const steps: FastStep[] = [];
  for (const check of checks) {
    const holds = fastCheckOf(check);
    const def = check._zod.def as { check?: unknown; tx?: unknown; when?: unknown };
    if (holds !== undefined) steps.push({ holds: holds as (value: unknown) => boolean });
    else if (def.check === 'overwrite' && def.when === undefined && typeof def.tx === 'function')
      steps.push({ tx: def.tx as (value: unknown) => unknown });
    else return undefined;
  }
  return steps;
}

/** Runs fast steps on a value: the value they leave, or {@link NO} when a check fails. */
function runSteps(steps: readonly FastStep[], value: unknown): Out {
  let out = value;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as FastStep;
    if (step.tx !== undefined) out = step.tx(out);
    else if (!step.holds(out)) return NO;
  }
  return out;
}

// The kinds of plan {@link walk} reads.
const STRING = 0;
const NUMBER = 1;
const BOOLEAN = 2;
const VALUES = 3;
const OPTIONAL = 4;
const OBJECT = 5;
const ARRAY = 6;
const UNION = 7;

/**
 * One part of a derived parser, as a table {@link walk} reads (issue 19: in place, most of a parse is reading its code
 * and tables back into the CPU's caches, so every schema shares one walker function and plans of one shape, where
 * each node used to be a closure of its own wrapped in closures for its checks and its optionality). Every field is
 * set on every plan, in the same order, so every plan has the same hidden class.
 */
interface Plan {
  kind: number;
  /** The check run last (issue 19: through its fast form): the one fast form, when it is the only step. */
  only: ((value: unknown) => boolean) | undefined;
  /** The fast steps, when there is more than one (or a `trim`). */
  steps: readonly FastStep[] | undefined;
  /** zod's own checks, when one of them has no fast form. */
  checks: readonly Check[] | undefined;
  /** A literal's or an enum's values. */
  values: { has(value: unknown): boolean } | undefined;
  /** An optional's inner plan, an array's item plan. */
  inner: Plan | undefined;
  /** An object's keys in the schema's order, each key's position, each field's plan and whether it is optional. */
  keys: readonly string[];
  index: Map<string, number> | undefined;
  fields: readonly Plan[];
  optional: readonly boolean[];
  /** How many of an object's fields are required. */
  required: number;
  /** The object is an event, whose top-level `letter` is counted against `limits.letterLength`. */
  letterRoot: boolean;
  /** A discriminated union's key, and its options' plans by the key's value. */
  discriminator: string;
  byValue: Map<unknown, Plan> | undefined;
}

function planOf(kind: number, schema: AnySchema | undefined, parts: Partial<Plan> = {}): Plan {
  const plan: Plan = {
    kind,
    only: undefined,
    steps: undefined,
    checks: undefined,
    values: parts.values,
    inner: parts.inner,
    keys: parts.keys ?? [],
    index: parts.index,
    fields: parts.fields ?? [],
    optional: parts.optional ?? [],
    required: parts.required ?? 0,
    letterRoot: parts.letterRoot ?? false,
    discriminator: parts.discriminator ?? '',
    byValue: parts.byValue,
  };
  const checks = schema === undefined ? [] : checksOf(schema);
  if (checks.length === 0) return plan;
  const steps = fastStepsOf(checks);
  if (steps === undefined) plan.checks = checks;
  else if (steps.length === 1 && (steps[0] as FastStep).holds !== undefined) plan.only = (steps[0] as FastStep).holds;
  else plan.steps = steps;
  return plan;
}

/** The output of `plan` for `value` found under `key` at `depth`, or {@link NO}: the one function every schema runs. */
function walk(plan: Plan, value: unknown, key: string | number, depth: number, tally: Tally): Out {
  let out: Out;
  switch (plan.kind) {
    case STRING:
      if (typeof value !== 'string') return NO;
      if (!counted(value, isIdKey(key) ? tally.limits.idLength : tally.limits.textLength, tally)) return NO;
      out = value;
      break;
    case NUMBER:
      if (typeof value !== 'number' || !Number.isFinite(value)) return NO;
      out = value;
      break;
    case BOOLEAN:
      if (typeof value !== 'boolean') return NO;
      out = value;
      break;
    case VALUES:
      if (!(plan.values as { has(value: unknown): boolean }).has(value)) return NO;
      if (
        typeof value === 'string' &&
        !counted(value, isIdKey(key) ? tally.limits.idLength : tally.limits.textLength, tally)
      )
        return NO;
      out = value;
      break;
    case OPTIONAL:
      return value === undefined ? undefined : walk(plan.inner as Plan, value, key, depth, tally);
    case OBJECT:
      out = walkObject(plan, value, depth, tally);
      if (out === NO) return NO;
      break;
    case ARRAY: {
      if (!Array.isArray(value) || depth >= tally.limits.depth) return NO;
      const items = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const parsed = walk(plan.inner as Plan, value[i], i, depth + 1, tally);
        if (parsed === NO) return NO;
        items[i] = parsed;
      }
      out = items;
      break;
    }
    default: {
      if (typeof value !== 'object' || value === null) return NO;
      const option = (plan.byValue as Map<unknown, Plan>).get((value as Record<string, unknown>)[plan.discriminator]);
      if (option === undefined) return NO;
      out = walk(option, value, key, depth, tally);
      if (out === NO) return NO;
    }
  }
  if (plan.only !== undefined) return plan.only(out) ? out : NO;
  if (plan.steps !== undefined) return runSteps(plan.steps, out);
  if (plan.checks !== undefined) return runChecks(plan.checks, out);
  return out;
}

/**
 * A strict object read in one `for…in`, as a plain copy reads it (issue 19: the keys were read in one loop and the
 * values again by name in a second): each key known and counted, each value parsed as it comes. The output keeps the
 * schema's key order, as zod's does, and a present `undefined` of an optional field; a key of the schema the loop did
 * not meet but the object has (not enumerable) is left to the walk and zod.
 */
function walkObject(plan: Plan, value: unknown, depth: number, tally: Tally): Out {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return NO;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return NO;
  if (depth >= tally.limits.depth) return NO;
  const record = value as Record<string, unknown>;
  const index = plan.index as Map<string, number>;
  const out: Record<string, unknown> = {};
  let seen = 0;
  let required = 0;
  let last = -1;
  let ordered = true;
  for (const k in record) {
    const i = index.get(k);
    if (i === undefined || !counted(k, tally.limits.textLength, tally)) return NO;
    const v = record[k];
    if (v === undefined) {
      if (!plan.optional[i]) return NO;
      out[k] = undefined;
    } else {
      const entering = plan.letterRoot && depth === 0 && k === 'letter';
      if (entering) tally.inLetter = true;
      const parsed = walk(plan.fields[i] as Plan, v, k, depth + 1, tally);
      if (entering) tally.inLetter = false;
      if (parsed === NO) return NO;
      out[k] = parsed;
      if (!plan.optional[i]) required++;
    }
    seen++;
    if (i < last) ordered = false;
    last = i;
  }
  if (required !== plan.required) return NO;
  const keys = plan.keys;
  if (seen !== keys.length)
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      if (!Object.hasOwn(out, k) && k in record) return NO;
    }
  if (ordered) return out;
  const inOrder: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (Object.hasOwn(out, k)) inOrder[k] = out[k];
  }
  return inOrder;
}

function objectPlan(schema: AnySchema, options: DeriveOptions): Plan {
  const def = schema._zod.def as z.core.$ZodObjectDef;
  if (def.catchall === undefined || def.catchall._zod.def.type !== 'never') throw new Unmodelled('not strict');
  const keys = Object.keys(def.shape);
  const optional = keys.map((k) => (def.shape[k] as AnySchema)._zod.def.type === 'optional');
  return planOf(OBJECT, schema, {
    keys,
    index: new Map(keys.map((k, i) => [k, i])),
    fields: keys.map((k) => derive(def.shape[k] as AnySchema, options)),
    optional,
    required: optional.filter((o) => !o).length,
    letterRoot: options.letter === true,
  });
}

function valuesPlan(schema: AnySchema): Plan {
  const values = schema._zod.values;
  if (values === undefined) throw new Unmodelled('values');
  for (const v of values)
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new Unmodelled('value');
  return planOf(VALUES, schema, { values: values as { has(value: unknown): boolean } });
}

function unionPlan(schema: AnySchema, options: DeriveOptions): Plan {
  const def = schema._zod.def as z.core.$ZodDiscriminatedUnionDef;
  const discriminator = def.discriminator;
  if (typeof discriminator !== 'string') throw new Unmodelled('union without a discriminator');
  const byValue = new Map<unknown, Plan>();
  for (const option of def.options) {
    const values = (option._zod.def as z.core.$ZodObjectDef).shape?.[discriminator]?._zod.values;
    if (values === undefined) throw new Unmodelled('option without a discriminator');
    const plan = derive(option, options);
    for (const v of values) {
      if (byValue.has(v)) throw new Unmodelled('discriminator value twice');
      byValue.set(v, plan);
    }
  }
  return planOf(UNION, schema, { discriminator, byValue });
}

/** How a schema is read. */
interface DeriveOptions {
  /** The input is an event: its top-level `letter` is counted against `limits.letterLength`. */
  letter?: boolean;
}

function derive(schema: AnySchema, options: DeriveOptions): Plan {
  const def = schema._zod.def as z.core.$ZodTypeDef & { coerce?: boolean };
  if (def.coerce) throw new Unmodelled('coerce');
  switch (def.type) {
    case 'string':
      return planOf(STRING, schema);
    case 'number':
      return planOf(NUMBER, schema);
    case 'boolean':
      return planOf(BOOLEAN, schema);
    case 'literal':
    case 'enum':
      return valuesPlan(schema);
    case 'optional': {
      if ((def.checks ?? []).length > 0) throw new Unmodelled('checks on optional');
      return planOf(OPTIONAL, undefined, { inner: derive((def as z.core.$ZodOptionalDef).innerType, options) });
    }
    case 'object':
      return objectPlan(schema, options);
    case 'array':
      return planOf(ARRAY, schema, { inner: derive((def as z.core.$ZodArrayDef).element, options) });
    case 'union':
      return unionPlan(schema, options);
    default:
      throw new Unmodelled(def.type);
  }
}

/**
 * The one-pass parser of a schema, or `undefined` when the schema has a part the pass does not model (the caller then
 * keeps the walk and zod). `letter`: the input is an event, whose top-level `letter` has its own limit.
 */
export function onePassParser<T>(schema: AnySchema, options: DeriveOptions = {}): OnePassParse<T> | undefined {
  let root: Plan;
  try {
    root = derive(schema, options);
  } catch (error) {
    if (error instanceof Unmodelled) return undefined;
    throw error;
  }
  return (input, limits) => {
    const tally: Tally = { limits, total: 0, letter: 0, inLetter: false };
    const out = walk(root, input, '', 0, tally);
    if (out === NO || tally.total > limits.payloadLength || tally.letter > limits.letterLength) return undefined;
    return out as T;
  };
}
