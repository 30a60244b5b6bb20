import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs for the SDK (docs/mutation.md): the files that exercise the mutated files (date order,
// backdating, the idempotency fingerprint). The whole suite's initial run did not finish in 30 minutes on the shared
// machine. Otherwise as vitest.config.ts.
export default defineConfig({
  resolve: { conditions: ['@banli/source'] },
  ssr: { resolve: { conditions: ['@banli/source'] } },
  test: {
    include: [
      'test/dateOrder.test.ts',
      'test/commands.test.ts',
      'test/errorNames.test.ts',
      'test/boundaries.test.ts',
      'test/hostileInput.test.ts',
      'test/idempotentRace.test.ts',
      'test/refusals.test.ts',
    ],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
