import type { Bilingual } from '@banli/schemas';
import { type BanliIssueCode, locales, type MessageParams, quotePrefix, type TypeName } from '@banli/schemas';
import type { ValidationIssue } from '../errors.js';

/** Builds one issue with the schemas' zh-CN and en message templates, naming the field by a label and a path. */
export function issueOf(
  label: Bilingual,
  path: (string | number)[],
  code: BanliIssueCode,
  params: Omit<MessageParams, 'field'> = {},
): ValidationIssue {
  const message = (locale: 'zh-CN' | 'en') => {
    const loc = locales[locale];
    const parts = [label[locale], ...path.map((k) => (typeof k === 'number' ? loc.item(k) : String(k).slice(0, 40)))];
    const typeName = (t: string | undefined) =>
      t !== undefined && t in loc.typeNames ? loc.typeNames[t as TypeName] : t;
    const localised: Omit<MessageParams, 'field'> = {
      ...params,
      expected: typeName(params.expected as string | undefined),
      received: typeName(params.received as string | undefined),
    };
    // Values are quoted by a short prefix only: a 10 MB bad value must not make a 10 MB message.
    if (typeof localised.value === 'string') localised.value = quotePrefix(localised.value);
    return loc.messages[code]({ ...localised, field: loc.quote(parts.join(loc.separator)) });
  };
  return { path, code, messages: { 'zh-CN': message('zh-CN'), en: message('en') } };
}
