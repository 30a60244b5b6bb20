import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs for core (docs/mutation.md): every test file but the four that explore the machines' whole
// state spaces (compiledStepper, coverage, engine, persistence). Each guard mutant is covered by those explorations,
// which take minutes per mutant on the shared machine (and a guard mutated to `true` can make them run to their state
// cap), so a run of the guards with them did not get past 12 of 459 mutants in 9 minutes. Otherwise as
// vitest.config.ts.
export default defineConfig({
  resolve: { conditions: ['@banli/source'] },
  ssr: { resolve: { conditions: ['@banli/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/compiledStepper.test.ts',
      'test/coverage.test.ts',
      'test/engine.test.ts',
      'test/persistence.test.ts',
      '**/node_modules/**',
    ],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
