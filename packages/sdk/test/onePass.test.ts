import { BanliEventSchema, ProposalSchema, UnitSchema } from '@banli/schemas';
import { fixtures, seedLifecycle132402 } from '@banli/schemas/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DEFAULT_LIMITS, type SizeLimits, ValidationError } from '../src/index.js';
import { onePassParser } from '../src/input/onePass.js';
import { ARG } from '../src/input/options.js';
import { checkPayload } from '../src/input/payload.js';
import { mutate, mutation, SMALL_LIMITS } from './support/mutations.js';
import { SAMPLE_EVENTS } from './support/sampleEvents.js';
import { addStrings, schemaArbitrary } from './support/schemaArbitrary.js';

// Issue 19 §3: the boundary's one pass (input/onePass.ts) stands in for the payload walk and the schema together. It
// must accept exactly what both accept, and give exactly the schema's output (the same keys, in the same order, a
// present `undefined` kept); whatever it does not accept takes the walk and the schema as before, which name the
// fault. Here it is compared with both on inputs generated from each schema: valid ones, and ones broken by a wrong
// type, a missing or unknown key, a string that breaks a rule or a size limit.

const SHALLOW: SizeLimits = { ...DEFAULT_LIMITS, depth: 3 };

const pool = addStrings([
  Object.values(SAMPLE_EVENTS),
  seedLifecycle132402('p-1').map(([event]) => event),
  Object.values(fixtures),
]);

/** What the walk and the schema make of an input together: the schema's output, or `undefined` if either refuses. */
function walkThenSchema(schema: z.core.$ZodType, input: unknown, limits: SizeLimits, letter: boolean) {
  try {
    checkPayload(input, limits, ARG.event, { letter });
  } catch (error) {
    if (error instanceof ValidationError) return undefined;
    throw error;
  }
  const parsed = (schema as z.ZodType).safeParse(input);
  return parsed.success ? parsed.data : undefined;
}

/** Keys in order, recursively, with a present `undefined` shown: equal only if the outputs are built alike. */
function layout(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(layout);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).map(([k, v]) => [k, v === undefined ? '(undefined)' : layout(v)]);
  return value;
}

/** Inputs of a schema: generated from it, or valid samples (`bases`) broken in up to two places. */
function inputs(schema: z.core.$ZodType, bases: unknown[]): fc.Arbitrary<unknown> {
  const generated = schemaArbitrary(schema, pool);
  if (bases.length === 0) return generated;
  const broken = fc
    .tuple(fc.constantFrom(...bases), fc.array(mutation, { maxLength: 2 }))
    .map(([base, mutations]) => mutate(base, mutations));
  return fc.oneof(generated, broken);
}

const samples: unknown[] = [...Object.values(SAMPLE_EVENTS), ...seedLifecycle132402('p-1').map(([event]) => event)];

function compare(schema: z.core.$ZodType, letter: boolean, runs: number, bases: unknown[]) {
  const parse = onePassParser(schema, { letter });
  expect(parse).toBeDefined();
  let accepted = 0;
  let refused = 0;
  fc.assert(
    fc.property(inputs(schema, bases), fc.constantFrom(DEFAULT_LIMITS, SMALL_LIMITS, SHALLOW), (input, limits) => {
      const expected = walkThenSchema(schema, input, limits, letter);
      const got = parse?.(input, limits);
      if (expected === undefined) {
        expect(got).toBeUndefined();
        refused++;
      } else {
        expect(got).toStrictEqual(expected);
        expect(layout(got)).toEqual(layout(expected));
        accepted++;
      }
    }),
    { numRuns: runs, seed: 19_3 },
  );
  return { accepted, refused };
}

describe('one pass: the payload walk and the schema at once', () => {
  it('should model every event schema and the proposal schema (none is left to the slow way)', () => {
    for (const option of BanliEventSchema.options) expect(onePassParser(option, { letter: true })).toBeDefined();
    expect(onePassParser(ProposalSchema)).toBeDefined();
  });

  it('should accept exactly what the walk and the schema accept, with the schema’s output, for every event type', () => {
    let accepted = 0;
    let refused = 0;
    for (const option of BanliEventSchema.options) {
      const type = option.shape.type.value;
      const bases = samples.filter((e) => (e as { type: string }).type === type);
      const counts = compare(option, true, 120, bases);
      accepted += counts.accepted;
      refused += counts.refused;
    }
    // Both sides of the rules are reached, across the types.
    expect(accepted).toBeGreaterThan(1_000);
    expect(refused).toBeGreaterThan(1_000);
  });

  it('should do the same for proposals', () => {
    const bases = [fixtures.seedProposal132402, fixtures.sampleNpcSuggestion, fixtures.samplePartyProposal];
    const { accepted, refused } = compare(ProposalSchema, false, 600, bases);
    expect(accepted).toBeGreaterThan(60);
    expect(refused).toBeGreaterThan(60);
  });

  it('should give the valid samples the schema’s very output', () => {
    for (const [event] of seedLifecycle132402('p-1')) {
      const option = BanliEventSchema.options.find((o) => o.shape.type.value === event.type) as z.core.$ZodType;
      const got = onePassParser(option, { letter: true })?.(event, DEFAULT_LIMITS);
      expect(layout(got)).toEqual(layout(BanliEventSchema.parse(event)));
    }
    const proposal = onePassParser(ProposalSchema)?.(fixtures.seedProposal132402, DEFAULT_LIMITS);
    expect(layout(proposal)).toEqual(layout(ProposalSchema.parse(fixtures.seedProposal132402)));
  });

  it('should leave alone what only the walk refuses: class instances, cycles, sizes, depth', () => {
    const parse = onePassParser<unknown>(BanliEventSchema.options[0] as z.core.$ZodType, { letter: true });
    class Event {
      type = 'proposal.submit';
      at = '2023-02-20';
    }
    const cyclic: Record<string, unknown> = { type: 'proposal.submit', at: '2023-02-20' };
    cyclic.note = cyclic;
    expect(parse?.({ type: 'proposal.submit', at: '2023-02-20' }, DEFAULT_LIMITS)).toBeDefined();
    expect(parse?.(new Event(), DEFAULT_LIMITS)).toBeUndefined();
    expect(parse?.(cyclic, DEFAULT_LIMITS)).toBeUndefined();
    expect(
      parse?.({ type: 'proposal.submit', at: '2023-02-20' }, { ...DEFAULT_LIMITS, payloadLength: 20 }),
    ).toBeUndefined();
    expect(parse?.({ type: 'proposal.submit', at: '2023-02-20' }, { ...DEFAULT_LIMITS, depth: 0 })).toBeUndefined();
  });

  it('should ask the number, length and object-rule checks through their fast forms, not zod’s check functions', () => {
    // Issue 19: in place these checks (an integer's format and bound, a list's minimum, the rules across a proposal's,
    // an assignment's and a feedback's fields, a unit label's text rules and length) cost a proposal and an
    // assignment tens of µs each through zod.
    const events = seedLifecycle132402('p-1').map(([e]) => e as { type: string });
    const optionOf = (type: string) =>
      BanliEventSchema.options.find((o) => o.shape.type.value === type) as unknown as z.ZodObject;
    const assign = optionOf('assignment.assign');
    const feedback = optionOf('feedback.submit');
    const checksOf = (schema: z.core.$ZodType) =>
      (schema._zod.def.checks ?? []) as unknown as { _zod: { check: (p: unknown) => unknown } }[];
    const spied = [
      ...checksOf(ProposalSchema.shape.number),
      ...checksOf(ProposalSchema.shape.session.shape.term),
      ...checksOf(ProposalSchema.shape.suggestions),
      ...checksOf(ProposalSchema),
      ...checksOf(assign.shape.assignment as z.core.$ZodType),
      ...checksOf(feedback.shape.feedback as z.core.$ZodType),
      // A unit's label: the text rules, `trim` (zod's own function, applied by the pass) and the minimum length.
      ...checksOf(UnitSchema.shape.label.unwrap().shape.en),
    ];
    expect(spied).toHaveLength(11);
    let calls = 0;
    const originals = spied.map((check) => check._zod.check);
    spied.forEach((check, i) => {
      check._zod.check = (p) => {
        calls++;
        return (originals[i] as (p: unknown) => unknown)(p);
      };
    });
    try {
      expect(onePassParser(ProposalSchema)?.(fixtures.seedProposal132402, DEFAULT_LIMITS)).toBeDefined();
      for (const event of events.filter((e) => e.type === 'assignment.assign' || e.type === 'feedback.submit'))
        expect(onePassParser(optionOf(event.type), { letter: true })?.(event, DEFAULT_LIMITS)).toBeDefined();
      expect(calls).toBe(0);
      // zod still runs them (a refusal's issues come from zod), so the spies are where zod calls.
      ProposalSchema.parse(fixtures.seedProposal132402);
      expect(calls).toBe(6);
    } finally {
      spied.forEach((check, i) => {
        check._zod.check = originals[i] as (p: unknown) => unknown;
      });
    }
  });

  it('should ask a text field’s and a date’s check through its fast form, not through zod’s check function', () => {
    // Issue 19: zod's check function builds a closure per call for a `superRefine`, once per string of a command.
    const event = seedLifecycle132402('p-1').map(([e]) => e)[0] as { type: string };
    const option = BanliEventSchema.options.find((o) => o.shape.type.value === event.type) as z.core.$ZodObject;
    const spied = [
      ProposalSchema.shape.title,
      ProposalSchema.shape.suggestions.element.shape.id,
      option._zod.def.shape.at as z.core.$ZodType,
    ].map((schema) => (schema._zod.def.checks ?? [])[0] as unknown as { _zod: { check: (p: unknown) => unknown } });
    const calls: number[] = spied.map(() => 0);
    const originals = spied.map((check) => check._zod.check);
    spied.forEach((check, i) => {
      check._zod.check = (p) => {
        calls[i] = (calls[i] ?? 0) + 1;
        return (originals[i] as (p: unknown) => unknown)(p);
      };
    });
    const countedIn = (run: () => unknown) => {
      calls.fill(0);
      expect(run()).toBeDefined();
      return [...calls];
    };
    try {
      expect(countedIn(() => onePassParser(ProposalSchema)?.(fixtures.seedProposal132402, DEFAULT_LIMITS))).toEqual([
        0, 0, 0,
      ]);
      expect(countedIn(() => onePassParser(option, { letter: true })?.(event, DEFAULT_LIMITS))).toEqual([0, 0, 0]);
      // The schemas still run them, so the spies are where zod calls (a refusal's issues come from zod).
      const [title, ids] = countedIn(() => ProposalSchema.parse(fixtures.seedProposal132402));
      expect(title).toBe(1);
      expect(ids).toBeGreaterThan(0);
      expect(countedIn(() => (option as unknown as z.ZodType).parse(event))).toEqual([0, 0, 1]);
    } finally {
      spied.forEach((check, i) => {
        check._zod.check = originals[i] as (p: unknown) => unknown;
      });
    }
  });

  it('should give the schema’s key order whatever order the input’s keys come in, a present undefined kept', () => {
    // The pass reads each object in one `for…in`, in the input's order; zod's output follows the schema's.
    const proposal = fixtures.seedProposal132402 as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries({ ...proposal, key: undefined }).reverse());
    const got = onePassParser(ProposalSchema)?.(reversed, DEFAULT_LIMITS);
    expect(layout(got)).toEqual(layout(ProposalSchema.parse(reversed)));
    expect(Object.keys(got as object)[0]).toBe(Object.keys(ProposalSchema.shape)[0]);
  });

  it('should not drop a field the object holds but does not enumerate', () => {
    // zod reads a schema's keys by name, so a non-enumerable one is in its output; a `for…in` does not see it.
    const parse = onePassParser<unknown>(BanliEventSchema.options[0] as z.core.$ZodType, { letter: true });
    const event: Record<string, unknown> = { type: 'proposal.submit', at: '2023-02-20' };
    Object.defineProperty(event, 'channel', { value: 'session', enumerable: false });
    const expected = BanliEventSchema.parse(event);
    expect((expected as { channel?: unknown }).channel).toBe('session');
    // Either the pass does not vouch for it, or it gives zod's very output.
    const got = parse?.(event, DEFAULT_LIMITS);
    if (got !== undefined) expect(layout(got)).toEqual(layout(expected));
    expect(parse?.({ type: 'proposal.submit', at: '2023-02-20', channel: 'session' }, DEFAULT_LIMITS)).toBeDefined();
  });
});
