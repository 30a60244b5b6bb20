import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { seedReplyLetter132402 } from '../src/fixtures/index.js';
import { fastParseReplyLetter, type ReplyLetter } from '../src/index.js';

// Issue 15: the SDK keeps a parsed letter for as long as its log and snapshots keep it, so the copy a fast parser
// makes should hold no more than a plain copy of the same data: lists allocated at their length, not grown by `push`
// (which left a 20 KB letter's copy about 1.6 KB of spare capacity).

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A deep copy with every list allocated at its length: what the data needs, the strings shared. */
function plainCopy(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = plainCopy(value[i]);
    return out;
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = plainCopy(v);
  return out;
}

/** Heap bytes kept per copy when `copy` is applied to every letter and the copies are held. */
function keptPerCopy(letters: readonly ReplyLetter[], copy: (l: ReplyLetter) => unknown): number {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = letters.map(copy);
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(kept.every((k) => k !== undefined)).toBe(true);
  return (after - before) / letters.length;
}

/** The middle value of an odd number of measures. */
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

describe('fastParseReplyLetter', () => {
  it('should keep no more heap per parsed letter than a plain copy of it (lists at their length)', () => {
    // The seed letter with many paragraphs per answer, as a long letter has (the bench's 20 KB letter).
    const responses = (seedReplyLetter132402.responses ?? []).map((r) => ({
      ...r,
      body: Array.from({ length: 9 }, (_, i) => r.body[i % r.body.length] as string),
    }));
    const letters = Array.from({ length: 1500 }, () => structuredClone({ ...seedReplyLetter132402, responses }));
    // Warm both copies first, so code and feedback compiled on their first calls is not counted as kept heap, then
    // take the median of five alternating measures each: a single measure moved by 300 B run to run (a CI run failed
    // at 627 B over while the same tree gave 150-515 B over alone).
    for (const copy of [fastParseReplyLetter, plainCopy]) keptPerCopy(letters.slice(0, 200), copy);
    const parsedRuns: number[] = [];
    const plainRuns: number[] = [];
    for (let i = 0; i < 5; i++) {
      parsedRuns.push(keptPerCopy(letters, fastParseReplyLetter));
      plainRuns.push(keptPerCopy(letters, plainCopy));
    }
    const parsed = median(parsedRuns);
    const plain = median(plainRuns);
    expect(parsed).toBeGreaterThan(0);
    expect(parsed - plain).toBeLessThan(600);
  });
});
