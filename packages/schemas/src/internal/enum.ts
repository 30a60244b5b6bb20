import { z } from 'zod';
import type { Bilingual } from '../label.js';
import type { BanliMeta } from '../meta.js';

/** Builds a `z.enum` from a value → label table, keeping the labels in the metadata. */
export function labelledEnum<const L extends Record<string, Bilingual>>(labels: L, meta: BanliMeta) {
  const values = Object.keys(labels) as [Extract<keyof L, string>, ...Extract<keyof L, string>[]];
  return z.enum(values).meta({ ...meta, 'x-enumLabels': labels });
}
