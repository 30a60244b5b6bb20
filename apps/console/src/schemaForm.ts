import type { Bilingual } from '@banli/schemas';

/** A JSON Schema node as the server sends it (draft 2020-12, from the domain zod schemas). */
export interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
  title?: string;
  'x-label'?: Bilingual;
}

/** One input of a command form. */
export interface FormField {
  name: string;
  required: boolean;
  /** `text`, `date`, `number`, `checkbox`, `select`, or `json` for objects and arrays (edited as JSON). */
  input: 'text' | 'date' | 'number' | 'checkbox' | 'select' | 'json';
  options?: string[];
  label?: Bilingual;
  description?: string;
}

const DATE = /\\d\{4\}-\\d\{2\}-\\d\{2\}|YYYY-MM-DD/;

/** The fields of an event's form: every property but `type` (fixed) and `caseId` (chosen with the command). */
export function fieldsOf(schema: JsonSchema): FormField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => name !== 'type' && name !== 'caseId')
    .map(([name, s]) => {
      const base = {
        name,
        required: required.has(name),
        ...(s['x-label'] ? { label: s['x-label'] } : {}),
        ...(s.description ? { description: s.description } : {}),
      };
      const values = s.enum ?? s.anyOf?.filter((o) => o.const !== undefined).map((o) => o.const);
      if (values && values.length > 0 && values.length === (s.enum ?? s.anyOf ?? []).length)
        return { ...base, input: 'select' as const, options: values.map(String) };
      const type = Array.isArray(s.type) ? s.type[0] : s.type;
      if (type === 'boolean') return { ...base, input: 'checkbox' as const };
      if (type === 'number' || type === 'integer') return { ...base, input: 'number' as const };
      if (type === 'string')
        return {
          ...base,
          input:
            name === 'at' || s.format === 'date' || DATE.test(s.pattern ?? '') ? ('date' as const) : ('text' as const),
        };
      return { ...base, input: 'json' as const };
    });
}

/** A field's text could not be read (invalid JSON, not a number). */
export class FieldError extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

/**
 * Builds the event from the form's texts: empty optional fields are left out, numbers and JSON are parsed
 * (`FieldError` names the field that could not be read); the schema then decides, on the server.
 */
export function eventFrom(
  type: string,
  caseId: string | undefined,
  fields: readonly FormField[],
  values: Record<string, string | boolean>,
): Record<string, unknown> {
  const event: Record<string, unknown> = { type, ...(caseId ? { caseId } : {}) };
  for (const f of fields) {
    const v = values[f.name];
    if (f.input === 'checkbox') {
      if (v === true) event[f.name] = true;
      continue;
    }
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (f.input === 'number') {
      const n = Number(v);
      if (!Number.isFinite(n)) throw new FieldError(f.name);
      event[f.name] = n;
    } else if (f.input === 'json') {
      try {
        event[f.name] = JSON.parse(v);
      } catch {
        throw new FieldError(f.name);
      }
    } else event[f.name] = v;
  }
  return event;
}
