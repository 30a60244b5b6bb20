/**
 * A place in the outbox as the SDK hands it out (`BanliNotification.position`, `DeliveryReport.position`): the store
 * position of the last record taken whole (`''` for the start), and how many notifications of the next record were
 * taken already (a log entry can carry several). Written `after` or `after|skip`.
 */
export interface OutboxPosition {
  /** The store's position of the last record taken whole. */
  after: string;
  /** Notifications of the following record already taken. */
  skip: number;
}

/** Reads a position written by {@link formatPosition} (checked by the call's argument checks first). */
export function parsePosition(text: string): OutboxPosition {
  const bar = text.indexOf('|');
  if (bar < 0) return { after: text, skip: 0 };
  return { after: text.slice(0, bar), skip: Number(text.slice(bar + 1)) };
}

/** Writes a position: `after`, or `after|skip` while a record is partly taken. */
export function formatPosition(p: OutboxPosition): string {
  return p.skip === 0 ? p.after : `${p.after}|${p.skip}`;
}
