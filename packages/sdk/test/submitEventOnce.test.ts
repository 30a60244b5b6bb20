import { BanliEventSchema } from '@banli/schemas';
import { seedProposal132402 } from '@banli/schemas/fixtures';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBanli, createMemoryStore, ValidationError } from '../src/index.js';
import { parseEvent } from '../src/internal/validate.js';

// Issue 19: every input is validated once, at the boundary. A `submit` that is not a draft steps the new proposal with
// a `proposal.submit` event the SDK builds from the parsed proposal's channel and the checked date; that event used to
// go through the event schema again on every such submit. `parseEvent` is watched (it still parses as before) to see
// whether the schema runs.
vi.mock('../src/internal/validate.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/internal/validate.js')>();
  return { ...original, parseEvent: vi.fn(original.parseEvent) };
});

const committee = { role: 'committee', id: 'office' } as const;

describe('the event a submit builds', () => {
  afterEach(() => vi.mocked(parseEvent).mockClear());

  it('should not be parsed again: its channel and date were checked at the boundary', async () => {
    const banli = createBanli({ store: createMemoryStore() });
    const result = await banli.submit({ ...seedProposal132402, id: 'once-1' }, { actor: committee, at: '2023-02-20' });
    expect(parseEvent).not.toHaveBeenCalled();
    const [, submitted] = await banli.history('once-1');
    expect(submitted?.event).toEqual({ type: 'proposal.submit', at: '2023-02-20', channel: 'session' });
    // What the event's schema makes of it, key order included.
    expect(JSON.stringify(submitted?.event)).toBe(JSON.stringify(BanliEventSchema.parse(submitted?.event)));
    expect(result.state.proposal).toMatchObject({ lifecycle: 'submitted' });
  });

  it('should be refused as before when the clock gives a date the schema refuses', async () => {
    // A year before 100 is no business date (isRealIsoDate); `options.at` is checked with the arguments, the clock's
    // date only here.
    const banli = createBanli({ store: createMemoryStore(), clock: { now: () => Date.parse('0050-06-01T00:00:00Z') } });
    const refusal = await banli.submit({ ...seedProposal132402, id: 'once-2' }, { actor: committee }).catch((e) => e);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).issues.map((i) => [i.path, i.code])).toEqual([[['at'], 'iso_date_not_real']]);
  });
});
