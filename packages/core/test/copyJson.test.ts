import { chinaMainland } from '@banli/calendar';
import { seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { createHandlingSystem, presets } from '../src/index.js';
import { copyJson } from '../src/internal/objects.js';

// Issue 19 item 4: the coordinator copied the caller's proposal through JSON text on every start (and every replay
// of a creation entry); it now copies the data directly, with the same result.

const roundTrip = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('copyJson', () => {
  it('should equal the JSON round trip, undefined keys dropped, and share nothing with its input', () => {
    const samples: unknown[] = [
      seedProposal132402,
      { a: 1, b: undefined, c: [1, 'x', null, { d: false }], e: { f: { g: [] } } },
      [],
      'text',
      null,
      // Values JSON changes: taken through the round trip.
      { when: new Date(0), list: [undefined, 1], n: Number.NaN },
    ];
    for (const s of samples) {
      const copy = copyJson(s);
      expect(JSON.stringify(copy)).toBe(JSON.stringify(roundTrip(s)));
      expect(copy).toStrictEqual(roundTrip(s));
    }
    const nested = { a: { b: [{ c: 1 }] } };
    const copy = copyJson(nested);
    expect(copy.a).not.toBe(nested.a);
    expect(copy.a.b[0]).not.toBe(nested.a.b[0]);
  });

  it('should keep later edits of the caller’s proposal out of the state', () => {
    const system = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland });
    const proposal = structuredClone(seedProposal132402);
    const state = system.start({ proposal, at: '2023-02-20' });
    proposal.title = 'changed';
    (proposal.suggestions[0] as { title: string }).title = 'changed';
    const held = (state.proposal.context as { proposal: typeof proposal }).proposal;
    expect(held.title).toBe(seedProposal132402.title);
    expect(held.suggestions[0]?.title).toBe(seedProposal132402.suggestions[0]?.title);
  });
});
