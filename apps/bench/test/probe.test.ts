import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { mainThreadCpuNs, probe } from '../src/probe.js';

describe('probe', () => {
  it("should count the GC pauses of the span and the main thread's own CPU time", async () => {
    const { result, usage } = await probe(() => {
      // About 200 MB of short-lived objects: young-generation collections are certain.
      let keep: { i: number }[] = [];
      let n = 0;
      for (let i = 0; i < 4_000_000; i++) {
        keep.push({ i });
        if (keep.length > 50_000) {
          n += keep.length;
          keep = [];
        }
      }
      return n;
    });
    expect(result).toBeGreaterThan(3_900_000);
    expect(usage.gcCount).toBeGreaterThan(0);
    expect(usage.gcMs).toBeGreaterThan(0);
    expect(usage.cpuMs).toBeGreaterThan(0);
    expect(usage.wallMs).toBeGreaterThan(0);
    if (existsSync(`/proc/self/task/${process.pid}/schedstat`)) {
      expect(usage.mainCpuMs).toBeGreaterThan(0);
      // The main thread is one of the process's threads: its CPU time cannot exceed the process's (clock slack aside).
      expect(usage.mainCpuMs as number).toBeLessThanOrEqual(usage.cpuMs + 20);
    } else expect(usage.mainCpuMs).toBeUndefined();
  });

  it('should count a full collection as a major GC, apart from the young-generation ones', async () => {
    // A forced full collection is a mark-compact, whatever the heap: the one major GC the span certainly has.
    setFlagsFromString('--expose-gc');
    const fullGc = runInNewContext('gc') as () => void;
    const { usage } = await probe(() => {
      let keep: { i: number }[] = [];
      for (let i = 0; i < 2_000_000; i++) {
        keep.push({ i });
        if (keep.length > 50_000) keep = [];
      }
      fullGc();
      return keep.length;
    });
    expect(usage.gcMajorCount).toBeGreaterThanOrEqual(1);
    expect(usage.gcMajorMs).toBeGreaterThan(0);
    // Scavenges happened too and are not major: the major part is a strict part of all GC.
    expect(usage.gcCount).toBeGreaterThan(usage.gcMajorCount);
    expect(usage.gcMajorMs).toBeLessThanOrEqual(usage.gcMs);
  });

  it('should read the main thread clock as a growing count of nanoseconds where Linux exposes it', () => {
    const a = mainThreadCpuNs();
    if (a === undefined) return;
    let x = 0;
    for (let i = 0; i < 5_000_000; i++) x += i % 7;
    const b = mainThreadCpuNs() as number;
    expect(x).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
  });
});
