import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000', '/oparl': 'http://localhost:3000' },
  },
  // the manifest tells scripts/boot.mjs which chunks each route needs
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 900, manifest: true },
});
