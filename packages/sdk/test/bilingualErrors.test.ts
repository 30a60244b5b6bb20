import * as calendar from '@banli/calendar';
import { CalendarCoverageError, CalendarError, InvalidDateError } from '@banli/calendar';
import * as core from '@banli/core';
import { BanliCoreError, VersionMismatchError } from '@banli/core';
import { BilingualError as SchemasBilingualError } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import { errorClassesOutside, errorClassNames } from '../../schemas/test/support/errorClasses.js';
import * as sdk from '../src/index.js';
import { BanliError, BilingualError, NotFoundError, TransitionRefusedError, ValidationError } from '../src/index.js';

// One definition of the bilingual error base (session 13): calendar's CalendarError, core's BanliCoreError and
// BanliError (so every SDK error) extend @banli/schemas' BilingualError instead of each writing it out, so
// `instanceof BilingualError` answers "a banli error with zh-CN and en messages" for all of them.

describe('one bilingual error base', () => {
  it("should re-export schemas' BilingualError itself", () => {
    expect(typeof BilingualError).toBe('function');
    expect(BilingualError).toBe(SchemasBilingualError);
  });

  it.each([
    [
      '@banli/calendar',
      calendar,
      'CalendarCoverageError CalendarDefinitionError CalendarError CalendarYearConflictError HolidayNoticeError InvalidDateError InvalidDeadlineRuleError',
    ],
    [
      '@banli/core',
      core,
      'BanliCoreError BanliError InvalidMigrationError TransitionRefusedError VersionMismatchError',
    ],
    [
      '@banli/sdk',
      sdk,
      'AlreadyExists AlreadyExistsError BackdatingRefused BackdatingRefusedError BanliError BilingualError CalendarPersistenceUnsupported ConcurrencyConflict ConcurrencyConflictError DeadLetterNotFound IdempotencyMismatch IdempotencyMismatchError MergeUnsupported NotCovered NotFound NotFoundError OutboxUnsupported PermissionError TransitionRefusedError ValidationError',
    ],
  ] as const)('should be the base of every error class %s exports', (_, module, names) => {
    expect(errorClassNames(module)).toEqual(names.split(' '));
    expect(errorClassesOutside(module, BilingualError)).toEqual([]);
  });

  it("should keep each package's base under it, with the names, codes and messages as before", () => {
    const bi = { 'zh-CN': '中文', en: 'English' };
    const cause = new Error('underneath');
    for (const [error, name, code] of [
      [new CalendarError('x_code', bi, { cause }), 'CalendarError', 'x_code'],
      [new BanliCoreError('invalid_policy', bi, { cause }), 'BanliCoreError', 'invalid_policy'],
      [new BanliError('VALIDATION', bi, { s: 1 }, { cause }), 'BanliError', 'VALIDATION'],
    ] as const) {
      expect(error).toBeInstanceOf(BilingualError);
      expect([error.name, error.code, error.messages, error.message, error.cause]).toEqual([
        name,
        code,
        bi,
        'English',
        cause,
      ]);
    }
  });

  // The fields' order is what JSON.stringify and console.log show; these are the orders before the change.
  it('should keep the order of each error’s fields, name after its base’s fields', () => {
    const gap = {
      side: 'afterCoverage',
      date: '2030-01-01',
      calendarId: 'c',
      calendarVersion: '1',
      firstYear: 2020,
      lastYear: 2025,
    } as const;
    const v = (hash: string) => ({ id: 'a', version: '1', hash });
    const refusal = { code: 'r', messages: { 'zh-CN': '中', en: 'en' }, domain: 'd' };
    expect(Object.keys(new InvalidDateError('2023-02-30'))).toEqual(['code', 'messages', 'name', 'value']);
    expect(Object.keys(new CalendarCoverageError(gap))).toEqual(['code', 'messages', 'name', 'gap']);
    expect(Object.keys(new VersionMismatchError(v('h'), v('g')))).toEqual([
      'code',
      'messages',
      'name',
      'expected',
      'actual',
    ]);
    expect(Object.keys(new NotFoundError('i'))).toEqual(['code', 'messages', 'state', 'name', 'id']);
    expect(Object.keys(new ValidationError([], { s: 1 }))).toEqual(['code', 'messages', 'state', 'name', 'issues']);
    expect(JSON.stringify(new TransitionRefusedError('E', refusal as never, { s: 2 }, 'sv'))).toBe(
      '{"code":"TRANSITION_REFUSED","messages":{"zh-CN":"中","en":"en"},"state":{"s":2},"name":"TransitionRefusedError","eventType":"E","reason":{"code":"r","messages":{"zh-CN":"中","en":"en"},"domain":"d"},"stateValue":"sv"}',
    );
  });
});
