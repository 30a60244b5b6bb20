// Values their caller handed over to the coordinator: each is taken once, as it is, instead of being copied.
const handedOver = new WeakSet<object>();

/**
 * Marks `value` as a copy its caller built for one call and keeps no hold on (the SDK's boundary parse of a
 * proposal, which already is the command's own copy): the coordinator's `begin` then takes it as it is instead of
 * copying it again. Internal: a caller that changed a value after handing it over would change the state.
 */
export function handOver<T extends object>(value: T): T {
  handedOver.add(value);
  return value;
}

/** Whether `value` was handed over, forgetting it: a hand-over is taken once, so another `begin` with it copies. */
export function takeHandedOver(value: unknown): boolean {
  return typeof value === 'object' && value !== null && handedOver.delete(value);
}
