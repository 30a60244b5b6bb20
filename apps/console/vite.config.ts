import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by its server under /console/ (see server/start.mjs); nothing is loaded from elsewhere.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
