import { chinaMainland } from '@banli/calendar';
import {
  BanliError as CoreBanliError,
  TransitionRefusedError as CoreRefusal,
  createHandlingSystem,
  presets,
} from '@banli/core';
import { seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import {
  AlreadyExists,
  AlreadyExistsError,
  BackdatingRefused,
  BackdatingRefusedError,
  BanliError,
  ConcurrencyConflict,
  ConcurrencyConflictError,
  createBanli,
  IdempotencyMismatch,
  IdempotencyMismatchError,
  NotFound,
  NotFoundError,
  TransitionRefusedError,
} from '../src/index.js';

// Issue 18: every SDK error is named `…Error`; the names without the suffix stay as deprecated aliases of the same class.

describe('SDK error names', () => {
  it('should keep each old name as the very same class as its …Error name', () => {
    expect(ConcurrencyConflict).toBe(ConcurrencyConflictError);
    expect(NotFound).toBe(NotFoundError);
    expect(AlreadyExists).toBe(AlreadyExistsError);
    expect(IdempotencyMismatch).toBe(IdempotencyMismatchError);
    expect(BackdatingRefused).toBe(BackdatingRefusedError);
  });

  it('should name a thrown error with the Error suffix, catchable by either name', async () => {
    const banli = createBanli();
    const error = await banli.get('missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(NotFound);
    expect(error).toBeInstanceOf(BanliError);
    expect((error as Error).name).toBe('NotFoundError');
    expect((error as NotFoundError).code).toBe('NOT_FOUND');
  });
});

// Issue 18: one class per error. The refusal core's coordinator throws and the one the SDK throws are the same class,
// an SDK `BanliError` either way (before, core and the SDK each defined a `TransitionRefusedError`).
describe('one TransitionRefusedError', () => {
  it("should re-export core's class and base class rather than define its own", () => {
    expect(TransitionRefusedError).toBe(CoreRefusal);
    expect(BanliError).toBe(CoreBanliError);
  });

  it("should make the coordinator's own refusal an SDK BanliError with the SDK's code", () => {
    const system = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland });
    const state = system.start({ proposal: seedProposal132402, at: '2023-02-20' });
    const error = (() => {
      try {
        system.send(state, { type: 'proposal.archive', at: '2023-02-21' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TransitionRefusedError);
    expect(error).toBeInstanceOf(BanliError);
    expect((error as TransitionRefusedError).code).toBe('TRANSITION_REFUSED');
    expect((error as TransitionRefusedError).name).toBe('TransitionRefusedError');
    expect((error as TransitionRefusedError).eventType).toBe('proposal.archive');
    expect((error as TransitionRefusedError).stateValue).toEqual({ lifecycle: 'draft', timeliness: 'onTime' });
  });

  it("should carry the proposal's state view and the machines' state value on an SDK refusal", async () => {
    const banli = createBanli();
    await banli.submit(seedProposal132402, {
      actor: { role: 'proposer', id: seedProposal132402.proposers[0]?.id ?? '' },
    });
    const error = await banli
      .send(seedProposal132402.id, { type: 'proposal.archive' }, { actor: { role: 'committee', id: 'c' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreRefusal);
    expect((error as TransitionRefusedError).code).toBe('TRANSITION_REFUSED');
    expect((error as TransitionRefusedError).state).toMatchObject({ proposal: { lifecycle: 'submitted' }, cases: {} });
    expect((error as TransitionRefusedError).stateValue).toMatchObject({ lifecycle: 'submitted' });
  });
});
