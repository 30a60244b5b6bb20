import { readFileSync } from 'node:fs';
import { constants, type PerformanceEntry, PerformanceObserver, performance } from 'node:perf_hooks';

/** What a span of work cost, measured in the process that did it. */
export interface Usage {
  /** Wall-clock milliseconds. */
  wallMs: number;
  /** CPU milliseconds of the whole process (user + system, every thread: V8's compiler and parallel GC threads too). */
  cpuMs: number;
  /**
   * CPU milliseconds of the main thread alone, from Linux's per-thread scheduler statistics
   * (`/proc/self/task/<pid>/schedstat`); undefined where the kernel does not expose them.
   */
  mainCpuMs: number | undefined;
  /** Milliseconds of garbage-collection pauses on the main thread (`perf_hooks` 'gc' entries). */
  gcMs: number;
  /** Garbage collections in the span. */
  gcCount: number;
  /**
   * Milliseconds of the main thread's major-GC pauses: mark-compact and incremental-marking entries (`kind`
   * `NODE_PERFORMANCE_GC_MAJOR` or `NODE_PERFORMANCE_GC_INCREMENTAL`), the part of `gcMs` that marks the whole heap.
   */
  gcMajorMs: number;
  /** Mark-compact collections in the span (`NODE_PERFORMANCE_GC_MAJOR` entries). */
  gcMajorCount: number;
  /** Event-loop utilisation of the span (active ÷ (active + idle)). */
  elu: number;
}

const schedstat = `/proc/self/task/${process.pid}/schedstat`;

/** Nanoseconds the main thread has run on a CPU, or undefined where unavailable. */
export function mainThreadCpuNs(): number | undefined {
  try {
    return Number(readFileSync(schedstat, 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}

/** The `kind` of a 'gc' performance entry (`perf_hooks.constants.NODE_PERFORMANCE_GC_*`). */
const gcKind = (e: PerformanceEntry): number | undefined =>
  ((e as { detail?: unknown }).detail as { kind?: number } | undefined)?.kind;
const isMajor = (kind: number | undefined): boolean =>
  kind === constants.NODE_PERFORMANCE_GC_MAJOR || kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL;

/**
 * Starts measuring a span of work; `stop()` resolves its `Usage`. GC entries reach observers asynchronously, so
 * `stop` waits a moment for them and counts those that started inside the span.
 */
function startProbe(): { stop(): Promise<Usage> } {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    entries.push(...list.getEntries());
  });
  observer.observe({ entryTypes: ['gc'] });
  const elu0 = performance.eventLoopUtilization();
  const main0 = mainThreadCpuNs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return {
    async stop() {
      const t1 = performance.now();
      const cpu = process.cpuUsage(cpu0);
      const main1 = mainThreadCpuNs();
      const elu = performance.eventLoopUtilization(elu0);
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      const inSpan = entries.filter((e) => e.startTime >= t0 && e.startTime <= t1);
      const major = inSpan.filter((e) => isMajor(gcKind(e)));
      return {
        wallMs: t1 - t0,
        cpuMs: (cpu.user + cpu.system) / 1000,
        mainCpuMs: main0 === undefined || main1 === undefined ? undefined : (main1 - main0) / 1e6,
        gcMs: inSpan.reduce((sum, e) => sum + e.duration, 0),
        gcCount: inSpan.length,
        gcMajorMs: major.reduce((sum, e) => sum + e.duration, 0),
        gcMajorCount: major.filter((e) => gcKind(e) === constants.NODE_PERFORMANCE_GC_MAJOR).length,
        elu: elu.utilization,
      };
    },
  };
}

/** Measures `fn` with a probe. */
export async function probe<T>(fn: () => Promise<T> | T): Promise<{ result: T; usage: Usage }> {
  const p = startProbe();
  const result = await fn();
  return { result, usage: await p.stop() };
}
