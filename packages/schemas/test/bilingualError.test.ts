import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as schemas from '../src/index.js';
import {
  BanliValidationError,
  BilingualError,
  DocNumberError,
  FeedbackSchema,
  formatDocNumber,
  parseWith,
} from '../src/index.js';
import { errorClassesOutside, errorClassNames } from './support/errorClasses.js';

// One definition of the bilingual error base (session 13): an Error with a stable `code`, `messages` in zh-CN and en,
// `message` = the English one, and a `cause`. Calendar, core, the SDK, the PostgreSQL store and schemas each wrote it
// out; now they extend `BilingualError`. The SDK's test `bilingualErrors.test` checks the other packages' classes.

const root = new URL('../../../', import.meta.url);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' || d.name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(d.name) ? [path] : [];
  });
}

/** Classes that extend `Error` directly and declare `messages: Bilingual` themselves, as `file: Class`. */
function ownBilingualBases(file: string, text = readFileSync(file, 'utf8')): string[] {
  return [...text.matchAll(/^export class (\w+) extends Error \{\n([\s\S]*?)^\}/gm)]
    .filter(([, , body = '']) => /^\s+(readonly )?messages: Bilingual;/m.test(body))
    .map(([, name]) => `${file.slice(root.pathname.length)}: ${name}`);
}

describe('BilingualError', () => {
  it('should carry the code, both messages, the English one as message, and the cause', () => {
    const cause = new Error('underneath');
    const error = new BilingualError('SOME_CODE', { 'zh-CN': '出错了', en: 'It failed' }, { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('SOME_CODE');
    expect(error.messages).toEqual({ 'zh-CN': '出错了', en: 'It failed' });
    expect(error.message).toBe('It failed');
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('BilingualError');
    expect(String(error)).toBe('BilingualError: It failed');
    expect(JSON.stringify(error)).toBe('{"code":"SOME_CODE","messages":{"zh-CN":"出错了","en":"It failed"}}');
  });

  it("should be the base of schemas' errors, with their names, codes and fields as before", () => {
    const docNumber = (() => {
      try {
        formatDocNumber({ agency: '', year: 2023, serial: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(docNumber).toBeInstanceOf(DocNumberError);
    expect(docNumber).toBeInstanceOf(BilingualError);
    expect(Object.keys(docNumber as object)).toEqual(['code', 'messages', 'name']);
    expect((docNumber as DocNumberError).name).toBe('DocNumberError');
    const validation = (() => {
      try {
        parseWith(FeedbackSchema, { proposerId: 'p1', level: 'dissatisfied', date: '2023-07-10' });
      } catch (e) {
        return e;
      }
    })();
    expect(validation).toBeInstanceOf(BanliValidationError);
    expect(validation).toBeInstanceOf(BilingualError);
    expect((validation as BanliValidationError).name).toBe('BanliValidationError');
    expect((validation as BanliValidationError).code).toBe('validation_failed');
    expect(Object.keys(validation as object).sort()).toEqual(['code', 'issues', 'messages', 'name']);
  });

  it('should be the base of every error class @banli/schemas exports', () => {
    expect(errorClassNames(schemas)).toEqual(['BanliValidationError', 'BilingualError', 'DocNumberError']);
    expect(errorClassesOutside(schemas, BilingualError)).toEqual([]);
  });

  it('should be the only bilingual error base written out in the packages and apps', () => {
    const files = ['packages', 'apps']
      .flatMap((group) => readdirSync(new URL(group, root)).map((name) => join(root.pathname, group, name, 'src')))
      .flatMap((tree) => {
        try {
          return sourceFiles(tree);
        } catch {
          return [];
        }
      });
    expect(files.some((f) => f.endsWith('packages/calendar/src/errors.ts'))).toBe(true);
    expect(files.flatMap((f) => ownBilingualBases(f))).toEqual([]);
  });

  it('should see a bilingual error base when one is written out', () => {
    const written =
      'export class XError extends Error {\n  readonly code: string;\n  readonly messages: Bilingual;\n}\n';
    expect(ownBilingualBases(`${root.pathname}x.ts`, written)).toEqual(['x.ts: XError']);
    const extended = 'export class XError extends BilingualError {\n  readonly extra: number;\n}\n';
    expect(ownBilingualBases(`${root.pathname}x.ts`, extended)).toEqual([]);
  });
});
