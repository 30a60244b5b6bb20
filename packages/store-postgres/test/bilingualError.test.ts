import { BilingualError } from '@banli/sdk';
import { expect, it } from 'vitest';
import { errorClassesOutside, errorClassNames } from '../../schemas/test/support/errorClasses.js';
import * as store from '../src/index.js';
import { StoreSetupError } from '../src/index.js';

// One definition of the bilingual error base (session 13): StoreSetupError extends BilingualError instead of writing
// the code, the messages and the cause out again; its name, code, messages and fields are as before.

it('should build every error class it exports on BilingualError', () => {
  expect(errorClassNames(store)).toEqual(['StoreSetupError']);
  expect(errorClassesOutside(store, BilingualError)).toEqual([]);
  const cause = new Error('underneath');
  const error = new StoreSetupError('STORE_CONFIG', { 'zh-CN': '配置无效', en: 'Invalid configuration' }, { cause });
  expect(error).toBeInstanceOf(BilingualError);
  expect([error.name, error.code, error.message, error.cause]).toEqual([
    'StoreSetupError',
    'STORE_CONFIG',
    'Invalid configuration',
    cause,
  ]);
  expect(Object.keys(error)).toEqual(['code', 'messages', 'name']);
});
