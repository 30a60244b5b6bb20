/** A JSON value: everything a store persists is made of these, so any adapter can serialise it losslessly. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };
