import type { Banli, Bilingual, JsonValue } from '@banli/sdk';

/** A unit's names as an assignment recorded them: full name, short name and bilingual label, when given. */
interface UnitName {
  id: string;
  /** Full name, e.g. 中山市商务局. */
  name: string;
  /** Short name used in running text, e.g. 市商务局. */
  shortName?: string;
  /** zh-CN and en names. */
  label?: Bilingual;
}

/** The unit record with this id inside one logged event (the assignment, a reassignment, …), if any. */
function unitIn(value: JsonValue | undefined, id: string): UnitName | undefined {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = unitIn(v, id);
      if (found) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const o = value as Record<string, JsonValue>;
  if (o.id === id && typeof o.name === 'string' && o.name !== '') {
    const label = o.label as Record<string, JsonValue> | undefined;
    return {
      id,
      name: o.name,
      ...(typeof o.shortName === 'string' ? { shortName: o.shortName } : {}),
      ...(label && typeof label['zh-CN'] === 'string' && typeof label.en === 'string'
        ? { label: { 'zh-CN': label['zh-CN'], en: label.en } }
        : {}),
    };
  }
  for (const v of Object.values(o)) {
    const found = unitIn(v, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * The names of the units with these ids, in the order asked, each as the latest event of an item it handles or
 * co-handles records it (banli keeps no unit register: units are named by the assignment that involves them). Ids no
 * stored item involves are left out. One query and one log read per id.
 */
export async function unitNames(banli: Banli, ids: readonly string[]): Promise<UnitName[]> {
  const out: UnitName[] = [];
  for (const id of new Set(ids)) {
    const [row] = await banli.query({ unitId: id, limit: 1 });
    if (!row) continue;
    const log = await banli.history(row.streamId);
    for (let i = log.length - 1; i >= 0; i -= 1) {
      const found = unitIn(log[i]?.event, id);
      if (found) {
        out.push(found);
        break;
      }
    }
  }
  return out;
}
