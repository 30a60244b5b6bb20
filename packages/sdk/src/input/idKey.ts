/**
 * Whether a payload key holds an id, whose string value the size limits hold to `limits.idLength` instead of
 * `limits.textLength`: `id`, or a key ending in `Id` (`caseId`, `unitId`). List indexes and the top level (`undefined`)
 * are not. The one definition the payload walk, the one-pass parser and the size pass share; `@banli/schemas` counts
 * a letter event's longest id by the same rule (`LetterEventSizes.longestId`).
 */
export function isIdKey(key: string | number | undefined): boolean {
  if (typeof key !== 'string') return false;
  const n = key.length;
  // `key.endsWith('Id')` without a call per key (I is 73, d is 100): the size pass asks it of every key of a letter.
  return key === 'id' || (n >= 2 && key.charCodeAt(n - 1) === 100 && key.charCodeAt(n - 2) === 73);
}
