/**
 * A function that copies a record with some fields added or replaced: `copy(base, fields)` gives what
 * `{ ...base, ...fields }` gives (the same own enumerable string keys, in the same order, the same values), built key by
 * key on an object of a class of its own, so that every copy of one shape shares one hidden class.
 *
 * Node 20's V8 (11.3) gives an object made by a spread and then given a key the spread did not copy
 * (`{ ...d, closedAt: at }`) a hidden class of its own once the site is warm: measured, every such object after the
 * first ten or so, each class with its descriptors allocated straight in the old generation and marked by every full
 * collection for as long as the object lives, and the copy about six times slower than one built key by key (issue 19,
 * scaling). A spread that only replaces keys the source has (`{ ...d, status }`) shares its class and needs no copier.
 *
 * Make one copier per kind of record (a module-level constant): each has its own constructor, whose objects V8 sizes
 * to the fields that kind holds (up to ten in the object, the rest beside it), and whose classes stay apart from
 * `{}`'s. The copies are plain objects: their prototype is `Object.prototype` and their `constructor` is `Object`.
 */
export function recordCopier(): <T extends object, F extends object>(base: T, fields: F) => Omit<T, keyof F> & F {
  function CopiedRecord(): void {}
  CopiedRecord.prototype = Object.prototype;
  const Ctor = CopiedRecord as unknown as new () => Record<string, unknown>;
  return <T extends object, F extends object>(base: T, fields: F) => {
    const out = new Ctor();
    const from = base as Record<string, unknown>;
    for (const key of Object.keys(from)) out[key] = from[key];
    const add = fields as Record<string, unknown>;
    for (const key of Object.keys(add)) out[key] = add[key];
    return out as Omit<T, keyof F> & F;
  };
}
