import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * The heap bytes each of `count` values made by `make` keeps, after full collections: a size, not a time, so it does
 * not depend on the machine's load (the values are kept in one list until measured).
 */
export function retainedBytesEach(make: (i: number) => unknown, count = 20_000): number {
  const kept: unknown[] = new Array(count).fill(null);
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i++) kept[i] = make(i);
  gc();
  gc();
  const bytes = (process.memoryUsage().heapUsed - before) / count;
  if (kept[count - 1] === null) throw new Error('retainedBytesEach: nothing kept');
  return bytes;
}
