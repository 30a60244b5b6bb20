import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', roles: 'src/rolesEntry.ts', 'store-contract': 'src/storeContract.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});
