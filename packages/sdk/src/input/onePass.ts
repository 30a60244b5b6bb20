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
 * same inputs. Here one small set of functions serves every type, so it is hot and compiled early.
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

/** The answer of a node that does not vouch for its input. */
const NO: unique symbol = Symbol('onePass.no');
type Out = unknown;

/** One node of a derived parser: the output for `value` found under `key` at `depth`, or {@link NO}. */
type Node = (value: unknown, key: string | number, depth: number, tally: Tally) => Out;

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

/**
 * `base`, then the schema's checks: through their fast steps when every check has one (issue 19: zod's check function
 * builds a closure and a context per call for a `superRefine`, and in place, where a command runs each check once,
 * the checks were most of what validation cost), else through zod's check functions ({@link runChecks}).
 */
function withChecks(schema: AnySchema, base: Node): Node {
  const checks = checksOf(schema);
  if (checks.length === 0) return base;
  const steps = fastStepsOf(checks);
  if (steps === undefined)
    return (value, key, depth, tally) => {
      const out = base(value, key, depth, tally);
      return out === NO ? NO : runChecks(checks, out);
    };
  const only = steps.length === 1 ? (steps[0] as FastStep).holds : undefined;
  if (only !== undefined)
    return (value, key, depth, tally) => {
      const out = base(value, key, depth, tally);
      return out !== NO && only(out) ? out : NO;
    };
  return (value, key, depth, tally) => {
    const out = base(value, key, depth, tally);
    return out === NO ? NO : runSteps(steps, out);
  };
}

function stringNode(schema: AnySchema): Node {
  return withChecks(schema, (value, key, _depth, tally) => {
    if (typeof value !== 'string') return NO;
    return counted(value, isIdKey(key) ? tally.limits.idLength : tally.limits.textLength, tally) ? value : NO;
  });
}

function valuesNode(schema: AnySchema): Node {
  const values = schema._zod.values;
  if (values === undefined) throw new Unmodelled('values');
  for (const v of values)
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new Unmodelled('value');
  return withChecks(schema, (value, key, _depth, tally) => {
    if (!values.has(value as never)) return NO;
    if (
      typeof value === 'string' &&
      !counted(value, isIdKey(key) ? tally.limits.idLength : tally.limits.textLength, tally)
    )
      return NO;
    return value;
  });
}

function objectNode(schema: AnySchema, options: DeriveOptions): Node {
  const def = schema._zod.def as z.core.$ZodObjectDef;
  if (def.catchall === undefined || def.catchall._zod.def.type !== 'never') throw new Unmodelled('not strict');
  const keys = Object.keys(def.shape);
  const known = new Set(keys);
  const optional = keys.map((k) => (def.shape[k] as AnySchema)._zod.def.type === 'optional');
  const nodes = keys.map((k) => derive(def.shape[k] as AnySchema, options));
  const letterKey = options.letter === true;
  const base: Node = (value, _key, depth, tally) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return NO;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return NO;
    if (depth >= tally.limits.depth) return NO;
    const record = value as Record<string, unknown>;
    for (const k in record) {
      if (!known.has(k) || !counted(k, tally.limits.textLength, tally)) return NO;
    }
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const v = record[k];
      if (v === undefined) {
        if (!optional[i]) return NO;
        if (k in record) out[k] = undefined;
        continue;
      }
      const entering = letterKey && depth === 0 && k === 'letter';
      if (entering) tally.inLetter = true;
      const parsed = (nodes[i] as Node)(v, k, depth + 1, tally);
      if (entering) tally.inLetter = false;
      if (parsed === NO) return NO;
      out[k] = parsed;
    }
    return out;
  };
  return withChecks(schema, base);
}

function arrayNode(schema: AnySchema, options: DeriveOptions): Node {
  const def = schema._zod.def as z.core.$ZodArrayDef;
  const item = derive(def.element, options);
  return withChecks(schema, (value, _key, depth, tally) => {
    if (!Array.isArray(value)) return NO;
    if (depth >= tally.limits.depth) return NO;
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const parsed = item(value[i], i, depth + 1, tally);
      if (parsed === NO) return NO;
      out[i] = parsed;
    }
    return out;
  });
}

function unionNode(schema: AnySchema, options: DeriveOptions): Node {
  const def = schema._zod.def as z.core.$ZodDiscriminatedUnionDef;
  const discriminator = def.discriminator;
  if (typeof discriminator !== 'string') throw new Unmodelled('union without a discriminator');
  const byValue = new Map<unknown, Node>();
  for (const option of def.options) {
    const values = (option._zod.def as z.core.$ZodObjectDef).shape?.[discriminator]?._zod.values;
    if (values === undefined) throw new Unmodelled('option without a discriminator');
    const node = derive(option, options);
    for (const v of values) {
      if (byValue.has(v)) throw new Unmodelled('discriminator value twice');
      byValue.set(v, node);
    }
  }
  return withChecks(schema, (value, key, depth, tally) => {
    if (typeof value !== 'object' || value === null) return NO;
    const node = byValue.get((value as Record<string, unknown>)[discriminator]);
    return node === undefined ? NO : node(value, key, depth, tally);
  });
}

/** How a schema is read. */
interface DeriveOptions {
  /** The input is an event: its top-level `letter` is counted against `limits.letterLength`. */
  letter?: boolean;
}

function derive(schema: AnySchema, options: DeriveOptions): Node {
  const def = schema._zod.def as z.core.$ZodTypeDef & { coerce?: boolean };
  if (def.coerce) throw new Unmodelled('coerce');
  switch (def.type) {
    case 'string':
      return stringNode(schema);
    case 'number':
      return withChecks(schema, (value) => (typeof value === 'number' && Number.isFinite(value) ? value : NO));
    case 'boolean':
      return withChecks(schema, (value) => (typeof value === 'boolean' ? value : NO));
    case 'literal':
    case 'enum':
      return valuesNode(schema);
    case 'optional': {
      if ((def.checks ?? []).length > 0) throw new Unmodelled('checks on optional');
      const inner = derive((def as z.core.$ZodOptionalDef).innerType, options);
      return (value, key, depth, tally) => (value === undefined ? undefined : inner(value, key, depth, tally));
    }
    case 'object':
      return objectNode(schema, options);
    case 'array':
      return arrayNode(schema, options);
    case 'union':
      return unionNode(schema, options);
    default:
      throw new Unmodelled(def.type);
  }
}

/**
 * The one-pass parser of a schema, or `undefined` when the schema has a part the pass does not model (the caller then
 * keeps the walk and zod). `letter`: the input is an event, whose top-level `letter` has its own limit.
 */
export function onePassParser<T>(schema: AnySchema, options: DeriveOptions = {}): OnePassParse<T> | undefined {
  let root: Node;
  try {
    root = derive(schema, options);
  } catch (error) {
    if (error instanceof Unmodelled) return undefined;
    throw error;
  }
  return (input, limits) => {
    const tally: Tally = { limits, total: 0, letter: 0, inLetter: false };
    const out = root(input, '', 0, tally);
    if (out === NO || tally.total > limits.payloadLength || tally.letter > limits.letterLength) return undefined;
    return out as T;
  };
}
