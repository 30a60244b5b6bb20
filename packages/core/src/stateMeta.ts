import type { Bilingual } from './domain.js';

/** Typed `meta` on every state node: zh-CN and en labels, plus an optional legal basis. */
export interface StateMeta {
  label: Bilingual;
  /** A source or rule behind this step (domain.md [Sn]). */
  legalBasis?: string;
}
