import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without declarations
import { buildThenRun } from '../scripts/demo.mjs';

describe('the root `demo` script', () => {
  it('should say it is building before the build starts, then run the CLI with its exit code', async () => {
    const stderr = new PassThrough();
    let said = '';
    stderr.on('data', (chunk) => {
      said += String(chunk);
    });
    const code = await buildThenRun({
      build: [process.execPath, '-e', 'setTimeout(() => {}, 50)'],
      run: [process.execPath, '-e', 'process.exit(3)'],
      stderr,
      lang: 'en',
    });
    expect(code).toBe(3);
    expect(said).toMatch(
      /^banli demo: building @banli\/demo and the packages it uses .*first run can take a few minutes/,
    );
    expect(said).toMatch(/\nbuilt in [\d.]+ s; running banli-demo…\n$/);
  });

  it('should stop with the build exit code when the build fails', async () => {
    const stderr = new PassThrough();
    const code = await buildThenRun({
      build: [process.execPath, '-e', 'process.exit(5)'],
      run: [process.execPath, '-e', 'process.exit(0)'],
      stderr,
    });
    expect(code).toBe(5);
  });
});
