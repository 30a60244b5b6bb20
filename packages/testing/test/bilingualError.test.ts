import { BilingualError } from '@banli/schemas';
import { expect, it } from 'vitest';
import { errorClassesOutside, errorClassNames } from '../../schemas/test/support/errorClasses.js';
import * as testing from '../src/index.js';
import { BanliTestingError } from '../src/index.js';

// One definition of the bilingual error base (session 13): BanliTestingError extends BilingualError instead of
// writing the code and the messages out again; its name, code, messages and fields are as before.

it('should build every error class it exports on BilingualError', () => {
  expect(errorClassNames(testing)).toEqual(['BanliTestingError', 'EngineEquivalenceError']);
  expect(errorClassesOutside(testing, BilingualError)).toEqual([]);
  const error = new BanliTestingError('UNKNOWN_ACTOR', { 'zh-CN': '未知角色', en: 'Unknown actor' });
  expect(error).toBeInstanceOf(BilingualError);
  expect([error.name, error.code, error.message]).toEqual(['BanliTestingError', 'UNKNOWN_ACTOR', 'Unknown actor']);
  expect(Object.keys(error)).toEqual(['code', 'messages', 'name']);
});
