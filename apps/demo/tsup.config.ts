import { defineConfig } from 'tsup';

export default defineConfig({
  // Every file in src/commands is an entry of its own: main.ts finds the subcommands by listing dist/commands.
  entry: ['src/main.ts', 'src/commands/*.ts'],
  format: ['esm'],
  sourcemap: true,
  clean: true,
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
});
