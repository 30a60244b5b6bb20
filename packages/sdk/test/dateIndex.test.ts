import { describe, expect, it } from 'vitest';
import { DateIndex } from '../src/store/dateIndex.js';

describe('DateIndex', () => {
  it('should yield every entry once in date order while the caller deletes the ones it has seen', () => {
    const index = new DateIndex<number>();
    const dates = ['2023-03-02', '2023-03-01', '2023-03-03'];
    dates.forEach((d, i) => {
      for (let k = 0; k < 3; k++) index.add(d, `${d}#${k}`, i * 10 + k);
    });
    const seen: string[] = [];
    for (const [key] of index.range(undefined, '2023-03-03', true)) {
      seen.push(key);
      index.delete(key);
    }
    expect(seen).toEqual([...dates].sort().flatMap((d) => [0, 1, 2].map((k) => `${d}#${k}`)));
    expect([...index.range(undefined, '2023-12-31', true)]).toEqual([]);
  });

  it('should stop before `until` unless inclusive', () => {
    const index = new DateIndex<string>();
    index.add('2023-03-01', 'a', 'a');
    index.add('2023-03-02', 'b', 'b');
    expect([...index.range(undefined, '2023-03-02', false)].map(([k]) => k)).toEqual(['a']);
    expect([...index.range('2023-03-02', '2023-03-02', true)].map(([k]) => k)).toEqual(['b']);
  });
});
