import { z } from 'zod';
import { text } from '../internal/fields.js';
import { isoDateField } from '../isoDate.js';
import { type BanliMeta, bilingual } from '../meta.js';

/** The business date every event carries. */
const atField = isoDateField('发生日期', 'At', '事件发生的业务日期。', 'The business date the event happened on.');

/** The case a case-machine event is routed to. */
export const caseIdField = text(
  '办件标识',
  'Case id',
  '事件所属办件的标识，用于路由。',
  'The case the event is routed to.',
);

/** A free-text note. */
export const noteField = text('备注', 'Note', '说明。', 'A note.');

/** A free-text reason. */
export const reasonField = text('理由', 'Reason', '理由。', 'The reason.');

/** Defines an event schema: `{ type, at, ...shape }`, strict, with bilingual metadata. */
export function defineEvent<const T extends string, S extends z.ZodRawShape>(type: T, shape: S, meta: BanliMeta) {
  return z
    .strictObject({
      type: z.literal(type).meta(bilingual('事件类型', 'Event type', '事件的类型标识。', 'The event type.')),
      at: atField,
      ...shape,
    })
    .meta(meta);
}

/** Defines a case-machine event: like {@link defineEvent} plus `caseId`. */
export function defineCaseEvent<const T extends string, S extends z.ZodRawShape>(type: T, shape: S, meta: BanliMeta) {
  return defineEvent(type, { caseId: caseIdField, ...shape }, meta);
}

/** Builds event metadata; `internal` events are sent only by the coordinator, SDK or scheduler. */
export function eventMeta(zh: string, en: string, zhD: string, enD: string, internal = false): BanliMeta {
  return bilingual(zh, en, zhD, enD, internal ? { 'x-internal': true } : {});
}
