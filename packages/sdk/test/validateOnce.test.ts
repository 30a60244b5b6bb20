import { seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type SizeLimits, ValidationError } from '../src/index.js';
import { eventAtBoundary, notAnObject, proposalAtBoundary } from '../src/input/boundary.js';
import { ARG } from '../src/input/options.js';
import { checkPayload } from '../src/input/payload.js';
import { parseEvent, parseProposal } from '../src/internal/validate.js';
import { BREAKING, type Mutation, mutate, mutation, places, SMALL_LIMITS } from './support/mutations.js';
import { SAMPLE_EVENTS } from './support/sampleEvents.js';
import { seedAccepted, seedActors, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

// Issues 15 and 19: a payload is validated once. The SDK used to walk every string for the text rules (NUL, lone
// surrogates, a leading U+FEFF) and then let the schema check every string again; now the walk checks shape and sizes,
// the schema the text rules, and the whole walk runs only once the schema has refused. Every refusal must stay what
// it was: the same typed error, the same issues (code, path, zh-CN and en messages), in the same order. Here the old
// order (the whole walk, then the schema) is rebuilt from the same parts and compared with the new one on generated
// inputs: valid events and proposals broken in one to three places.

const TODAY = '2023-08-01';

type Outcome = { value: unknown } | { refused: string; issues?: unknown };
function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof ValidationError) return { refused: error.name, issues: error.issues };
    return { refused: String(error) };
  }
}

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The old order for `send`'s event: the whole payload walk, the object check, then the schema. */
function eventBefore(limits: SizeLimits, input: unknown): Outcome {
  return outcome(() => {
    checkPayload(input, limits, ARG.event, { letter: true });
    if (!isObject(input)) throw notAnObject();
    const raw = input as Record<string, unknown>;
    return parseEvent(raw.at === undefined ? { ...raw, at: TODAY } : raw);
  });
}

/** The new order: `eventAtBoundary`, its deferred schema issues thrown as the command throws them. */
function eventNow(limits: SizeLimits, input: unknown): Outcome {
  return outcome(() => {
    const checked = eventAtBoundary(limits, input, () => TODAY);
    if (checked.issues) throw new ValidationError(checked.issues);
    return checked.event;
  });
}

function proposalBefore(limits: SizeLimits, input: unknown): Outcome {
  return outcome(() => {
    checkPayload(input, limits, ARG.proposal);
    return parseProposal(input);
  });
}

const proposalNow = (limits: SizeLimits, input: unknown): Outcome => outcome(() => proposalAtBoundary(limits, input));

const letterEvent = { type: 'reply.submitDraft', at: TODAY, caseId: seedCaseId, letter: seedReplyLetter132402 };
const bases: unknown[] = [
  ...Object.values(SAMPLE_EVENTS),
  letterEvent,
  { ...letterEvent, at: undefined },
  {
    type: 'case.recordContact',
    caseId: seedCaseId,
    proposerId: 'member-liang-xiaoheng',
    method: 'phone',
    note: '电话',
  },
];

describe('validation once: the same refusals as the walk-then-schema order', () => {
  it('should leave every base input valid both ways (the property below starts from valid inputs)', () => {
    for (const base of bases) {
      const before = eventBefore(DEFAULT_LIMITS, base);
      expect(before).toHaveProperty('value');
      expect(eventNow(DEFAULT_LIMITS, base)).toEqual(before);
    }
    expect(proposalNow(DEFAULT_LIMITS, seedProposal132402)).toEqual(proposalBefore(DEFAULT_LIMITS, seedProposal132402));
  });

  it('should refuse a broken event exactly as before, or accept it exactly as before', () => {
    let refused = 0;
    let textRule = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (base, mutations, small) => {
          const input = mutate(base, mutations);
          const limits = small ? SMALL_LIMITS : DEFAULT_LIMITS;
          const before = eventBefore(limits, input);
          expect(eventNow(limits, input)).toEqual(before);
          if ('refused' in before) refused++;
          const codes = 'issues' in before ? (before.issues as { code: string }[]).map((i) => i.code) : [];
          if (codes.some((c) => ['nul_character', 'lone_surrogate', 'leading_bom'].includes(c))) textRule++;
        },
      ),
      { numRuns: 1500 },
    );
    // The generator reaches both kinds of refusal: by the walk's text rules, and by the schema or the sizes.
    expect(textRule).toBeGreaterThan(200);
    expect(refused - textRule).toBeGreaterThan(200);
  });

  it('should refuse every string and key of every sample broken by each rule exactly as before', () => {
    let cases = 0;
    for (const base of [...bases, seedProposal132402]) {
      const isProposal = base === seedProposal132402;
      const all = places(base);
      const strings = all.filter((q) => typeof q.value === 'string');
      const objects = all.filter((q) => isObject(q.value));
      const broken: Mutation[] = [];
      // A U+FEFF breaks the rules only at the start; the other characters anywhere (here: after the first character).
      strings.forEach((_, pick) => {
        for (const char of BREAKING)
          broken.push({ kind: 'break', pick, char, at: char === '\uFEFF' ? 0 : 1, lead: false });
      });
      objects.forEach((o, pick) => {
        for (const char of ['\u0000', '\uFEFF'])
          for (let key = 0; key < Object.keys(o.value as object).length; key++)
            broken.push({ kind: 'breakKey', pick, key, char });
      });
      for (const m of broken) {
        const input = mutate(base, [m]);
        const before = isProposal ? proposalBefore(DEFAULT_LIMITS, input) : eventBefore(DEFAULT_LIMITS, input);
        const now = isProposal ? proposalNow(DEFAULT_LIMITS, input) : eventNow(DEFAULT_LIMITS, input);
        expect(now).toEqual(before);
        expect(before).toHaveProperty('refused');
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(1_000);
  });

  it('should refuse a broken proposal exactly as before, or accept it exactly as before', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), (mutations, small) => {
        const input = mutate(seedProposal132402, mutations);
        const limits = small ? SMALL_LIMITS : DEFAULT_LIMITS;
        expect(proposalNow(limits, input)).toEqual(proposalBefore(limits, input));
      }),
      { numRuns: 700 },
    );
  });

  it('should refuse non-objects, cycles and too deep nesting as before', () => {
    const cyclic: Record<string, unknown> = { ...letterEvent, letter: { ...seedReplyLetter132402 } };
    (cyclic.letter as Record<string, unknown>).title = cyclic;
    const deep = { ...letterEvent, extra: JSON.parse(`${'['.repeat(40)}"a\\u0000"${']'.repeat(40)}`) };
    const inputs = [null, 'a\u0000', '\uFEFF', 42, ['x'], ['\uD800'], undefined, cyclic, deep];
    for (const input of inputs) {
      const before = eventBefore(DEFAULT_LIMITS, input);
      expect(before).toHaveProperty('refused');
      expect(eventNow(DEFAULT_LIMITS, input)).toEqual(before);
    }
  });
});

describe('validation once, through banli.send and banli.submit', () => {
  // The wiring: the walk's refusals come before anything is read and carry no state; the schema's come where the
  // command always parsed, with the state attached; nothing is written either way.
  it('should throw the walk-then-schema refusal, with the state only for the schema’s', async () => {
    const { banli, store } = seedBanli();
    await seedAccepted(banli);
    const log = JSON.stringify(await store.readStream(seedId));
    const samples = fc.sample(
      fc.tuple(fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([m]) => mutate(letterEvent, m)),
      { numRuns: 120, seed: 15_19 },
    );
    let walk = 0;
    let schema = 0;
    for (const input of samples) {
      const before = eventBefore(DEFAULT_LIMITS, input);
      if (!('refused' in before)) continue;
      const error = await banli.send(seedId, input, { actor: seedActors.lead }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual(before.issues);
      const byWalk = outcome(() => checkPayload(input, DEFAULT_LIMITS, ARG.event, { letter: true }));
      if ('refused' in byWalk) {
        walk++;
        expect((error as ValidationError).state).toBeUndefined();
      } else if (isObject(input)) {
        schema++;
        expect((error as ValidationError).state).toBeDefined();
      }
    }
    expect(walk).toBeGreaterThan(10);
    expect(schema).toBeGreaterThan(10);
    expect(JSON.stringify(await store.readStream(seedId))).toBe(log);
  });

  it('should refuse a proposal with a NUL in a point before the schema sees its other faults', async () => {
    const { banli, store } = seedBanli();
    const input = mutate(seedProposal132402, [
      { kind: 'replace', pick: 1, with: 42 },
      { kind: 'break', pick: 5, char: '\u0000', at: 1, lead: false },
    ]);
    const before = proposalBefore(DEFAULT_LIMITS, input);
    expect(before).toMatchObject({ issues: [{ code: 'nul_character' }] });
    const error = await banli.submit(input, { actor: seedActors.proposer }).catch((e: unknown) => e);
    expect((error as ValidationError).issues).toEqual((before as { issues: unknown }).issues);
    expect(await store.queryStreams()).toEqual([]);
  });
});
