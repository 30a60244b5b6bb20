import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@banli/source'] },
  ssr: { resolve: { conditions: ['@banli/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/globalSetup.ts'],
    // A ceiling, not a speed check: each browser test waits on Chromium, mermaid and axe, which take minutes on a
    // loaded 2-core machine (the seed-case test took 20 s on a quiet one and passed 120 s under load).
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // One browser at a time on a 2-core machine.
    fileParallelism: false,
  },
});
