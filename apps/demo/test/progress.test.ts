import { simulate } from '@banli/testing';
import { describe, expect, it } from 'vitest';
import { createProgressBar, progressFraction } from '../src/ui/progress.js';

/** A fake terminal that records each percentage the bar draws. */
function tty() {
  const drawn: number[] = [];
  return {
    drawn,
    stream: {
      isTTY: true,
      write(chunk: string) {
        const m = /\] +(\d+)% /.exec(chunk);
        if (m) drawn.push(Number(m[1]));
        return true;
      },
    },
  };
}

describe('the simulation progress bar', () => {
  it('should reach 100% only at the end of the run, not when the last proposal is submitted', async () => {
    const { drawn, stream } = tty();
    const bar = createProgressBar(stream as never, { interval: 0 });
    let days = 0;
    let allSubmittedAt = -1;
    await simulate({
      proposals: 40,
      seed: 3,
      onProgress: (p) => {
        days++;
        if (allSubmittedAt < 0 && p.submitted === p.total) allSubmittedAt = days;
        bar.update(p.commandsDone, p.commandsPlanned, p.day, p.submitted, p.total);
      },
    });
    expect(drawn).toHaveLength(days);
    // The last proposals arrive within the year, long before the last cases are archived.
    expect(allSubmittedAt).toBeGreaterThan(0);
    expect(allSubmittedAt).toBeLessThan(days * 0.9);
    expect(drawn[allSubmittedAt - 1]).toBeLessThan(100);
    expect(drawn.indexOf(100)).toBe(days - 1);
    for (let i = 1; i < drawn.length; i++) expect(drawn[i]).toBeGreaterThanOrEqual(drawn[i - 1] as number);
    // Halfway through the days, the bar is neither near empty nor near full.
    expect(drawn[Math.floor(days / 2)]).toBeGreaterThan(20);
    expect(drawn[Math.floor(days / 2)]).toBeLessThan(95);
  });

  it('should extrapolate the plan of proposals not yet submitted', () => {
    expect(progressFraction(50, 100, 10, 40)).toBeCloseTo(50 / 400);
    expect(progressFraction(100, 100, 40, 40)).toBe(1);
    expect(progressFraction(0, 0, 0, 10)).toBe(0);
  });

  it('should draw nothing when the stream is not a terminal', () => {
    const writes: string[] = [];
    const bar = createProgressBar({ isTTY: false, write: (s: string) => writes.push(s) > 0 } as never);
    bar.update(1, 2, 'x');
    bar.finish();
    expect(writes).toEqual([]);
  });
});
