import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@banli/source'] },
  ssr: { resolve: { conditions: ['@banli/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
