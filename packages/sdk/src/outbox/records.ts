import { cloneData, fromJson, type JsonObject } from '../json.js';
import type { BanliNotification } from '../notifications.js';
import type { OutboxRecord } from '../store/port.js';
import { formatPosition } from './position.js';

/**
 * The notifications of one outbox record, each with its outbox `position` (what to pass as `after` to continue after
 * it). An entry's notifications carry the same keys as the in-process ones (`streamId:version:index`); an alert's
 * notification is the one recorded when it was sent. `previous` is the position of the record before this one.
 */
export function notificationsOfRecord(record: OutboxRecord, previous: string): BanliNotification[] {
  if (record.source === 'alert') {
    const n = fromJson<BanliNotification>(cloneData(record.notification));
    return [{ ...n, position: record.position }];
  }
  const last = record.emitted.length - 1;
  return record.emitted.map((payload: JsonObject, i) => ({
    type: String(payload.type),
    proposalId: record.streamId,
    version: record.version,
    at: record.at,
    key: `${record.streamId}:${record.version}:${i}`,
    payload: cloneData(payload),
    position: i === last ? record.position : formatPosition({ after: previous, skip: i + 1 }),
  }));
}
