/** Flattens each member of a union of intersections into one object type (so unions compare equal to zod's). */
export type Flat<U> = U extends unknown ? { [K in keyof U]: U[K] } : never;
