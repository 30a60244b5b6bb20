import type { z } from 'zod';
import type { Bilingual } from './label.js';

/**
 * The metadata every banli schema carries in `.meta()`: English `title`/`description` for JSON Schema tools,
 * plus `x-label`/`x-description` in both languages.
 */
export interface BanliMeta {
  title: string;
  description: string;
  'x-label': Bilingual;
  'x-description': Bilingual;
  /** Labels of the values of an enum schema, keyed by value. */
  'x-enumLabels'?: Readonly<Record<string, Bilingual>>;
  /** Marks events sent only by the coordinator, SDK or scheduler, never by users. */
  'x-internal'?: boolean;
  /** Where a rule or fact comes from. */
  'x-source'?: string;
  [key: string]: unknown;
}

/** Builds a {@link BanliMeta} from a bilingual title and description. */
export function bilingual(
  zhTitle: string,
  enTitle: string,
  zhDescription: string,
  enDescription: string,
  extra: Partial<BanliMeta> = {},
): BanliMeta {
  return {
    title: enTitle,
    description: enDescription,
    'x-label': { 'zh-CN': zhTitle, en: enTitle },
    'x-description': { 'zh-CN': zhDescription, en: enDescription },
    ...extra,
  };
}

/**
 * Reads the banli metadata of a schema (looking through `.optional()`, `.nullable()` and similar wrappers).
 *
 * @example
 * ```ts
 * getMeta(ProposalSchema)?.['x-label']['zh-CN']; // '提案/建议'
 * ```
 */
export function getMeta(schema: z.core.$ZodType): BanliMeta | undefined {
  let current: z.core.$ZodType | undefined = schema;
  for (let depth = 0; current && depth < 8; depth += 1) {
    const meta = (current as z.ZodType).meta?.() as BanliMeta | undefined;
    if (meta && 'x-label' in meta) return meta;
    const def = current._zod.def as { innerType?: z.core.$ZodType };
    current = def.innerType;
  }
  return undefined;
}

/** Returns the bilingual label from a schema's metadata, if it has one. */
export function getLabel(schema: z.core.$ZodType): Bilingual | undefined {
  return getMeta(schema)?.['x-label'];
}
