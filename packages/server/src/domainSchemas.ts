import { CalendarYearSchema } from '@banli/calendar';
import { BanliEventSchema, ProposalSchema } from '@banli/schemas';
import { z } from 'zod';

/** A JSON Schema object (draft 2020-12, as OpenAPI 3.1 uses). */
export type JsonSchemaObject = Record<string, unknown>;

/** The OpenAPI component name of an event type's schema, e.g. `Event.review.start` → `Event_review.start`. */
export function eventComponentName(type: string): string {
  return `Event_${type}`;
}

/** Moves `$defs` of a generated schema into components named `<name>_<def>` and points its `$ref`s there. */
function hoist(name: string, schema: JsonSchemaObject, into: Record<string, JsonSchemaObject>): JsonSchemaObject {
  const { $schema: _ignored, $defs, ...rest } = schema as JsonSchemaObject & { $defs?: Record<string, unknown> };
  const rename = (def: string) => `${name}_${def}`;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] =
          k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
            ? `#/components/schemas/${rename(v.slice('#/$defs/'.length))}`
            : rewrite(v);
      }
      return out;
    }
    return value;
  };
  for (const [def, body] of Object.entries($defs ?? {})) into[rename(def)] = rewrite(body) as JsonSchemaObject;
  return rewrite(rest) as JsonSchemaObject;
}

/** The request form of an event: as the domain schema, but `at` may be left out (the server's business date). */
function requestForm(schema: JsonSchemaObject): JsonSchemaObject {
  const required = (schema.required as string[] | undefined)?.filter((k) => k !== 'at');
  const properties = schema.properties as Record<string, JsonSchemaObject> | undefined;
  const at = properties?.at;
  return {
    ...schema,
    ...(required ? { required } : {}),
    ...(at
      ? { properties: { ...properties, at: { ...at, description: 'Business date (YYYY-MM-DD); default today.' } } }
      : {}),
  };
}

const toJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input' }) as JsonSchemaObject;

let cache: { components: Record<string, JsonSchemaObject>; events: Record<string, JsonSchemaObject> } | undefined;

/**
 * The domain schemas as OpenAPI 3.1 components, generated from the zod schemas that validate the input
 * (@banli/schemas `ProposalSchema`, one schema per event of `BanliEventSchema`, @banli/calendar `CalendarYearSchema`),
 * and each event's request form (self-contained, `at` optional) keyed by type, for `GET …/commands`.
 */
export function domainSchemas(): {
  components: Record<string, JsonSchemaObject>;
  events: Record<string, JsonSchemaObject>;
} {
  if (cache) return cache;
  const components: Record<string, JsonSchemaObject> = {};
  const events: Record<string, JsonSchemaObject> = {};
  components.Proposal = hoist('Proposal', toJson(ProposalSchema), components);
  components.CalendarYear = hoist('CalendarYear', toJson(CalendarYearSchema), components);
  for (const option of BanliEventSchema.options) {
    const type = option.shape.type.value as string;
    const raw = toJson(option);
    const { $schema: _ignored, ...standalone } = raw;
    events[type] = requestForm(standalone);
    components[eventComponentName(type)] = requestForm(hoist(eventComponentName(type), raw, components));
  }
  cache = { components, events };
  return cache;
}
