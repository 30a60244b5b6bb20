import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@banli/source'] },
  ssr: { resolve: { conditions: ['@banli/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // One browser at a time on a 2-core machine.
    fileParallelism: false,
  },
});
