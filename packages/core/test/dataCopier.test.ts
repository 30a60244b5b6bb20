// The one deep copy of plain data the SDK (`cloneData`) and the benchmarks' letters section share (session 15).
import { describe, expect, it } from 'vitest';
import { dataCopier } from '../src/internal/dataCopier.js';

describe('dataCopier', () => {
  const when = new Date(0);
  const bare = Object.assign(Object.create(null) as Record<string, unknown>, { x: ['y'] });
  const value = {
    type: 'reply.submitDraft',
    at: '2023-06-20',
    n: 3,
    ok: true,
    none: null,
    list: ['a', { b: 'c' }],
    when,
    bare,
  };

  it('should copy arrays and plain objects deeply, keep other values, and keep keys in order', () => {
    const copy = dataCopier()(value);
    expect(copy).toEqual(value);
    expect(Object.keys(copy)).toEqual(Object.keys(value));
    expect(copy).not.toBe(value);
    expect(copy.list).not.toBe(value.list);
    expect(copy.list[1]).not.toBe(value.list[1]);
    expect(copy.bare).not.toBe(bare);
    expect(Object.getPrototypeOf(copy.bare)).toBe(Object.prototype);
    expect(copy.when).toBe(when);
  });

  it('should hand each string it copies to the reader, in order, and nothing else', () => {
    const read: string[] = [];
    const copy = dataCopier((s) => read.push(s))(value);
    expect(copy).toEqual(value);
    expect(read).toEqual(['reply.submitDraft', '2023-06-20', 'a', 'c', 'y']);
  });
});
