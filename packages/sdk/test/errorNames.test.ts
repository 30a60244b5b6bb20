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
